package io.ferry.system;

import java.net.URI;
import java.util.List;

import io.ferry.infra.S3Credentials;
import io.ferry.runner.RunnerSettings;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/** The runner's S3 server as a test looks into it: the copies bucket, with the runner's own key. */
final class LocalS3 implements AutoCloseable {

    private final S3Client client;
    private final String bucket;

    private LocalS3(S3Client client, String bucket) {
        this.client = client;
        this.bucket = bucket;
    }

    static LocalS3 of(RunnerSettings settings) {
        S3Credentials credentials = S3Credentials.loadOrCreate(settings.s3CredentialsDirectory());
        return new LocalS3(S3Client.builder().endpointOverride(URI.create(settings.s3Endpoint()))
                .region(Region.of(settings.s3Region())).forcePathStyle(true)
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(credentials.accessKey(), credentials.secretKey())))
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .httpClient(Apache5HttpClient.create()).build(), settings.s3Bucket());
    }

    List<String> keysUnder(String prefix) {
        return client.listObjectsV2Paginator(request -> request.bucket(bucket).prefix(prefix)).contents().stream()
                .map(S3Object::key).toList();
    }

    /** The bytes stored under {@code prefix}. */
    long bytesUnder(String prefix) {
        return client.listObjectsV2Paginator(request -> request.bucket(bucket).prefix(prefix)).contents().stream()
                .mapToLong(S3Object::size).sum();
    }

    byte[] read(String key) {
        return client.getObjectAsBytes(request -> request.bucket(bucket).key(key)).asByteArray();
    }

    @Override
    public void close() {
        client.close();
    }
}
