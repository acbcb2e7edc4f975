package io.ferry.job.job;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class JobStateTest {

    @Test
    void pendingMayStartOrEndRunningMayOnlyEndAndTerminalStatesAreFinal() {
        assertThat(JobState.PENDING.canMoveTo(JobState.RUNNING)).isTrue();
        assertThat(JobState.PENDING.canMoveTo(JobState.SKIPPED)).isTrue();
        assertThat(JobState.PENDING.canMoveTo(JobState.PENDING)).isFalse();
        assertThat(JobState.RUNNING.canMoveTo(JobState.PARTIAL)).isTrue();
        assertThat(JobState.RUNNING.canMoveTo(JobState.CANCELLED)).isTrue();
        assertThat(JobState.RUNNING.canMoveTo(JobState.RUNNING)).isFalse();
        assertThat(JobState.RUNNING.canMoveTo(JobState.PENDING)).isFalse();
        for (JobState terminal : new JobState[] { JobState.COMPLETED, JobState.FAILED, JobState.SKIPPED, JobState.PARTIAL,
                JobState.CANCELLED }) {
            assertThat(terminal.isTerminal()).isTrue();
            for (JobState next : JobState.values()) {
                assertThat(terminal.canMoveTo(next)).as(terminal + " -> " + next).isFalse();
            }
        }
        assertThat(JobState.parse("NONSENSE")).isEmpty();
        assertThat(JobState.parse(null)).isEmpty();
    }
}
