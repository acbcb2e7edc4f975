package io.ferry.job.progress;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import io.ferry.events.vocabulary.JobState;
import io.ferry.events.vocabulary.PvcState;

/** The state {@link JobProgress} records a PVC update in. */
class RecordedPvcStateTest {

    @ParameterizedTest
    @EnumSource(value = JobState.class, names = { "FAILED", "CANCELLED" })
    void anUnfinishedPvcOfAJobThatEndedFailedOrCancelledIsRecordedFailed(JobState job) {
        assertThat(JobProgress.stateToRecord(PvcState.PENDING, job)).isEqualTo(PvcState.FAILED);
        assertThat(JobProgress.stateToRecord(PvcState.ACTIVE, job)).isEqualTo(PvcState.FAILED);
        assertThat(JobProgress.stateToRecord(PvcState.COMPLETED, job)).isEqualTo(PvcState.COMPLETED);
        assertThat(JobProgress.stateToRecord(PvcState.SKIPPED_MISSING_ACCOUNT, job)).isEqualTo(PvcState.SKIPPED_MISSING_ACCOUNT);
    }

    @ParameterizedTest
    @EnumSource(value = JobState.class, names = { "PENDING", "RUNNING", "COMPLETED", "PARTIAL", "SKIPPED" })
    void otherJobsPvcsAreRecordedAsReported(JobState job) {
        assertThat(JobProgress.stateToRecord(PvcState.ACTIVE, job)).isEqualTo(PvcState.ACTIVE);
    }

    @Test
    void aPvcOfAnUnknownJobIsRecordedAsReportedAndAnUpdateWithoutAStateAsUnknown() {
        assertThat(JobProgress.stateToRecord(PvcState.PENDING, null)).isEqualTo(PvcState.PENDING);
        assertThat(JobProgress.stateToRecord(null, JobState.RUNNING)).isEqualTo(PvcState.UNKNOWN);
    }
}
