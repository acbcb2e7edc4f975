package io.ferry.job.lifecycle;

import static io.ferry.job.lifecycle.Jobs.copyJob;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import io.ferry.events.job.JobStateChanged;
import io.ferry.events.vocabulary.JobState;
import io.ferry.events.vocabulary.JobType;
import io.ferry.job.progress.CopyProgress;
import io.ferry.job.progress.PvcCounts;
import io.ferry.job.progress.PvcProgress;
import io.ferry.job.progress.SnapshotProgress;
import io.ferry.job.progress.TransferStats;
import io.ferry.rest.store.StoredDocument;

class JobEventsTest {

    private static final Instant NOW = Instant.parse("2026-03-15T18:42:25Z");
    private static final CopyProgress TWO_OF_FIVE_COPIED = new CopyProgress(new PvcCounts(5, 0, 1, 2, 2), TransferStats.ZERO);
    private static final SnapshotProgress THREE_OF_FOUR_SNAPSHOTTED = new SnapshotProgress(new PvcCounts(4, 0, 0, 3, 0), 1);

    @Test
    void theEventCarriesTheJobAndItsPvcCounts() {
        Job job = copyJob(JobState.COMPLETED).withProgress(new PvcProgress(TWO_OF_FIVE_COPIED, THREE_OF_FOUR_SNAPSHOTTED));

        JobStateChanged event = JobEvents.event(stored(job, 7));

        assertThat(event).isEqualTo(new JobStateChanged("66f1c0ffee0123456789abcd", JobType.K8S_COPY, JobState.COMPLETED,
                "Waiting for the agent", "66f1c0ffee0123456789abc1", "66f1c0ffee0123456789abc2", "66f1c0ffee0123456789abc3",
                Jobs.CREATED.getEpochSecond(), null, 7, 5, 2));
    }

    @Test
    void aSnapshotJobProtectsWhatItSnapshottedAndAJobWithoutProgressCarriesNoCounts() {
        Job snapshot = Jobs.ofType(JobType.K8S_SNAP, JobState.RUNNING).withProgress(new PvcProgress(TWO_OF_FIVE_COPIED, THREE_OF_FOUR_SNAPSHOTTED));

        assertThat(JobEvents.event(stored(snapshot, 2)).protectedPvcs()).isEqualTo(3);
        assertThat(JobEvents.event(stored(snapshot, 2)).pvcs()).isEqualTo(5);
        assertThat(JobEvents.event(stored(copyJob(JobState.RUNNING), 1)).pvcs()).isNull();
        assertThat(JobEvents.event(stored(copyJob(JobState.RUNNING), 1)).protectedPvcs()).isNull();
    }

    @Test
    void subscribersHearOfStateAndMessageChangesAndOfPvcCountsOnceTheJobEnded() {
        Job running = copyJob(JobState.RUNNING);
        Job completed = copyJob(JobState.COMPLETED);
        PvcProgress counted = new PvcProgress(TWO_OF_FIVE_COPIED, null);

        assertThat(JobEvents.isNews(running, completed)).isTrue();
        assertThat(JobEvents.isNews(running, running.withStatus(running.status().withMessage("Copying")))).isTrue();
        assertThat(JobEvents.isNews(running, running.withProgress(counted))).isFalse();
        assertThat(JobEvents.isNews(completed, completed.withProgress(counted))).isTrue();
        assertThat(JobEvents.isNews(completed.withProgress(counted), completed.withProgress(new PvcProgress(TWO_OF_FIVE_COPIED,
                THREE_OF_FOUR_SNAPSHOTTED)))).isFalse();
    }

    private static StoredJob stored(Job job, long revision) {
        return new StoredJob(new StoredDocument("66f1c0ffee0123456789abcd", "org", NOW, NOW, "etag", revision, null), job);
    }
}
