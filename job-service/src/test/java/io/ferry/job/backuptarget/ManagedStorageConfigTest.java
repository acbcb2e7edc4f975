package io.ferry.job.backuptarget;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.smallrye.config.EnvConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;

/** The managed-storage keys as a deployment sets them: environment variables, one entry per provider type. */
class ManagedStorageConfigTest {

    @Test
    void environmentVariablesConfigureAProviderTypeAndItsDefaultsApply() {
        SmallRyeConfig config = new SmallRyeConfigBuilder()
                .withSources(new EnvConfigSource(Map.of(
                        "FERRY_JOB_MANAGED_STORAGE_AWS_BUCKET", "ferry-managed",
                        "FERRY_JOB_MANAGED_STORAGE_AWS_PREFIX", "copies",
                        "FERRY_JOB_MANAGED_STORAGE_AWS_CREDENTIALS_SECRET", "ferry-aws",
                        "FERRY_JOB_MANAGED_STORAGE_AZURE_ENDPOINT", "https://s3.example.com",
                        "FERRY_JOB_MANAGED_STORAGE_AZURE_BUCKET", "gateway",
                        "FERRY_JOB_MANAGED_STORAGE_AZURE_PATH_STYLE", "true"), 300) {
                })
                .withMapping(ManagedStorageConfig.class)
                .build();

        Map<String, ManagedStorageConfig.Storage> providers = config.getConfigMapping(ManagedStorageConfig.class).providers();
        assertThat(providers).containsOnlyKeys("aws", "azure");
        ManagedStorageConfig.Storage aws = providers.get("aws");
        assertThat(aws.endpoint()).isEmpty();
        assertThat(aws.bucket()).isEqualTo("ferry-managed");
        assertThat(aws.prefix()).contains("copies");
        assertThat(aws.credentialsSecret()).contains("ferry-aws");
        assertThat(aws.pathStyle()).isFalse();
        assertThat(aws.skipTlsVerify()).isFalse();
        assertThat(providers.get("azure").endpoint()).contains("https://s3.example.com");
        assertThat(providers.get("azure").pathStyle()).isTrue();
    }
}
