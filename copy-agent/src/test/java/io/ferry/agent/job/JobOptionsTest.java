package io.ferry.agent.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.ferry.agent.config.AgentConfig;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class JobOptionsTest {

    private final AgentConfig defaults;

    JobOptionsTest(AgentConfig defaults) {
        this.defaults = defaults;
    }

    @Test
    void givenOptionsApplyAndTheSpeedLimitIsInBytesPerSecond() {
        JobOptions options = JobOptions.from(Map.of("pvc_parallelism", 3, "pvc_file_parallelism", 8L, "upload_speed_limit", 524_288), defaults);

        assertThat(options).isEqualTo(new JobOptions(3, 8, 524_288));
        assertThat(options.describe()).endsWith("upload 524288 bytes/s (512.0 KiB/s)");
    }

    @Test
    void theTerraformProvidersExampleValuesAreLimitsOf100And200MegabytesPerSecond() {
        assertThat(JobOptions.from(Map.of("upload_speed_limit", 100_000_000), defaults).uploadBytesPerSecond()).isEqualTo(100_000_000);
        assertThat(JobOptions.from(Map.of("upload_speed_limit", 200_000_000), defaults).uploadBytesPerSecond()).isEqualTo(200_000_000);
    }

    @Test
    void aSpeedLimitOf100GbitPerSecondOrMoreIsNoLimit() {
        assertThat(JobOptions.from(Map.of("upload_speed_limit", 12_500_000_000L), defaults).uploadBytesPerSecond()).isZero();
        assertThat(JobOptions.from(Map.of("upload_speed_limit", Long.MAX_VALUE), defaults).uploadBytesPerSecond()).isZero();
        assertThat(JobOptions.from(Map.of("upload_speed_limit", 12_499_999_999L), defaults).uploadBytesPerSecond())
                .isEqualTo(12_499_999_999L);
    }

    @Test
    void absentZeroOrUnusableOptionsFallBackToTheDefaults() {
        JobOptions options = JobOptions.from(Map.of("pvc_parallelism", 0, "pvc_file_parallelism", "many"), defaults);

        assertThat(options).isEqualTo(new JobOptions(defaults.pvcParallelism(), defaults.pvcFileParallelism(), 0));
        assertThat(JobOptions.from(null, defaults)).isEqualTo(options);
    }
}
