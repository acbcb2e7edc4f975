package io.ferry.agent;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

import io.ferry.events.job.JobDispatched;
import io.ferry.events.job.TargetSpec;
import io.ferry.events.vocabulary.TargetKind;
import io.ferry.testsupport.SharedS3;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.MultipartUpload;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

/** The shared test S3 server as a test sees it: a bucket of the test class, targets pointing at it, and a client to look. */
public final class S3TestBucket implements AutoCloseable {

    public static final String NAME = "test-objectstore";
    public static final String PREFIX = "copies/agent-test";

    private final SharedS3 s3 = SharedS3.get();
    private final String bucket;
    private final S3Client client;

    public S3TestBucket(Class<?> testClass) {
        this.bucket = s3.bucketFor(testClass);
        this.client = S3Client.builder().endpointOverride(URI.create(s3.endpoint())).region(Region.US_EAST_1).forcePathStyle(true)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(s3.accessKey(), s3.secretKey())))
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .httpClient(Apache5HttpClient.create()).build();
    }

    public String bucket() {
        return bucket;
    }

    public S3Client client() {
        return client;
    }

    public String secretKey() {
        return s3.secretKey();
    }

    /** The test bucket, reached with the mounted test Secret. */
    public TargetSpec target() {
        return target(s3.endpoint(), bucket, SharedS3.SECRET_NAME);
    }

    public TargetSpec target(String endpoint, String bucketName, String secret) {
        return new TargetSpec(TargetKind.S3, "os-" + bucketName, NAME, endpoint, "us-east-1", bucketName, PREFIX, true, false, secret);
    }

    /** Mounts a Secret beside the test one, as Kubernetes would. */
    public String mountSecret(String name, String accessKeyId, String secretAccessKey) {
        Path directory = s3.secretsDirectory().resolve(name);
        try {
            Files.createDirectories(directory);
            Files.writeString(directory.resolve("access_key_id"), accessKeyId, StandardCharsets.UTF_8);
            Files.writeString(directory.resolve("secret_access_key"), secretAccessKey, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return name;
    }

    public String accessKey() {
        return s3.accessKey();
    }

    public String endpoint() {
        return s3.endpoint();
    }

    /** The keys under a job's copy: {@code <prefix>/ferry/<backupdef>/<job>/}. */
    public static String jobPrefix(JobDispatched job) {
        return PREFIX + "/ferry/" + job.backupdefId() + "/" + job.jobId() + "/";
    }

    /** The objects under {@code prefix}, without the directories S3Proxy's filesystem store lists as keys ending in /. */
    public List<S3Object> objects(String prefix) {
        return client.listObjectsV2Paginator(list -> list.bucket(bucket).prefix(prefix)).contents().stream()
                .filter(object -> !object.key().endsWith("/")).toList();
    }

    public List<MultipartUpload> openUploads(String prefix) {
        return client.listMultipartUploadsPaginator(list -> list.bucket(bucket).prefix(prefix)).uploads().stream().toList();
    }

    /** Whether the bucket has an object under {@code key} (asks for it, as listing may fail while uploads are cut off). */
    public boolean has(String key) {
        try {
            client.headObject(head -> head.bucket(bucket).key(key));
            return true;
        } catch (NoSuchKeyException e) {
            return false;
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return false;
            }
            throw e;
        }
    }

    public byte[] read(String key) {
        return client.getObjectAsBytes(get -> get.bucket(bucket).key(key)).asByteArray();
    }

    public static String sha256(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        client.close();
    }
}
