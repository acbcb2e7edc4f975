package io.ferry.runner;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

class DefaultObjectstoreTest {

    @Test
    void theObjectstorePointsAtTheRunnersS3ServerAndNamesTheAgentsSecretInsteadOfCarryingKeys() {
        RunnerSettings settings = RunnerSettings.fromEnvironment(Path.of("/work/ferry"), Map.of("FERRY_S3_PORT", "9123")::get);

        ObjectNode document = DefaultObjectstore.document(settings);

        assertThat(document.path("name").asText()).isEqualTo(DefaultObjectstore.NAME);
        assertThat(document.path("bucket_name").asText()).isEqualTo(settings.s3Bucket());
        assertThat(document.path("region").asText()).isEqualTo(settings.s3Region());
        assertThat(document.path("s3provider").path("endpoint").asText()).isEqualTo("http://localhost:9123");
        assertThat(document.path("s3provider").path("path_style").asBoolean()).isTrue();
        assertThat(document.path("s3provider").path("credentials_secret").asText()).isEqualTo(settings.s3SecretName());
        assertThat(document.toString()).doesNotContainIgnoringCase("access_key").doesNotContainIgnoringCase("secret_key");
    }
}
