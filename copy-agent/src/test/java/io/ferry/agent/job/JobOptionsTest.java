package io.ferry.agent.job;

import static org.assertj.core.api.Assertions.assertThat;


import org.junit.jupiter.api.Test;

import io.ferry.agent.config.AgentConfig;
import io.ferry.events.job.CopyOptions;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class JobOptionsTest {

    private final AgentConfig defaults;

    JobOptionsTest(AgentConfig defaults) {
        this.defaults = defaults;
    }

    @Test
    void givenOptionsApplyAndTheSpeedLimitIsInBytesPerSecond() {
        JobOptions options = JobOptions.from(new CopyOptions(524_288L, 2_097_152L, 3, 8), defaults);

        assertThat(options).isEqualTo(new JobOptions(3, 8, 524_288, 2_097_152));
        assertThat(options.describe(false)).endsWith("upload 524288 bytes/s (512.0 KiB/s)");
        assertThat(options.describe(true)).endsWith("download 2097152 bytes/s (2.0 MiB/s)");
    }

    @Test
    void theTerraformProvidersExampleValuesAreLimitsOf100And200MegabytesPerSecond() {
        assertThat(JobOptions.from(new CopyOptions(100_000_000L, null, null, null), defaults).uploadBytesPerSecond()).isEqualTo(100_000_000);
        assertThat(JobOptions.from(new CopyOptions(200_000_000L, null, null, null), defaults).uploadBytesPerSecond()).isEqualTo(200_000_000);
    }

    @Test
    void aSpeedLimitOf100GbitPerSecondOrMoreIsNoLimit() {
        assertThat(JobOptions.from(new CopyOptions(12_500_000_000L, null, null, null), defaults).uploadBytesPerSecond()).isZero();
        assertThat(JobOptions.from(new CopyOptions(Long.MAX_VALUE, null, null, null), defaults).uploadBytesPerSecond()).isZero();
        assertThat(JobOptions.from(new CopyOptions(12_499_999_999L, null, null, null), defaults).uploadBytesPerSecond())
                .isEqualTo(12_499_999_999L);
    }

    @Test
    void absentZeroOrUnusableOptionsFallBackToTheDefaults() {
        JobOptions options = JobOptions.from(new CopyOptions(null, null, 0, -1), defaults);

        assertThat(options).isEqualTo(new JobOptions(defaults.pvcParallelism(), defaults.pvcFileParallelism(), 0, 0));
        assertThat(JobOptions.from(null, defaults)).isEqualTo(options);
    }
}
