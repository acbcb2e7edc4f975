package io.ferry.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

class SharedS3Test {

    @Test
    void aQuarkusTestGetsAWorkingEndpointCredentialsAndSecretsDirectory() throws Exception {
        Map<String, String> config = new SharedS3Resource().start();
        Path secret = Path.of(config.get("ferry.test.s3.secrets-dir")).resolve(config.get("ferry.test.s3.secret-name"));
        assertThat(Files.readString(secret.resolve("access_key_id"))).isEqualTo(config.get("ferry.test.s3.access-key-id"));
        assertThat(Files.readString(secret.resolve("secret_access_key"))).isEqualTo(config.get("ferry.test.s3.secret-access-key"));

        String bucket = SharedS3.get().bucketFor(SharedS3Test.class);
        try (S3Client s3 = S3Client.builder()
                .endpointOverride(URI.create(config.get("ferry.test.s3.endpoint")))
                .region(Region.of(config.get("ferry.test.s3.region")))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(
                        config.get("ferry.test.s3.access-key-id"), config.get("ferry.test.s3.secret-access-key"))))
                .forcePathStyle(true)
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .build()) {
            s3.putObject(put -> put.bucket(bucket).key("k"), RequestBody.fromString("v"));
            assertThat(s3.getObjectAsBytes(get -> get.bucket(bucket).key("k")).asUtf8String()).isEqualTo("v");
        }
        assertThat(SharedS3.get().bucketFor(SharedS3Test.class)).isEqualTo(bucket);
    }

    @Test
    void eachTestClassHasABucketNamedAfterIt() {
        assertThat(SharedS3.bucketName(SharedS3Test.class)).isEqualTo("test-shared-s3-test");
        assertThat(SharedS3.bucketName(ClassNameThatGoesOnAndOnAndOnBeyondWhatABucketNameMayHoldTest.class))
                .isEqualTo("test-class-name-that-goes-on-and-on-and-on-beyond-what-abucket");
    }

    private static final class ClassNameThatGoesOnAndOnAndOnBeyondWhatABucketNameMayHoldTest {
    }
}
