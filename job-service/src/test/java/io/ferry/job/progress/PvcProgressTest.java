package io.ferry.job.progress;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.ferry.events.vocabulary.JobType;
import io.ferry.events.vocabulary.OpType;
import io.ferry.events.vocabulary.PvcState;

/** The aggregation of a job's PVC rows, without a database. */
class PvcProgressTest {

    @Test
    void copyRowsAreCountedByStateAndTheirFiguresSummed() {
        PvcProgress progress = PvcProgress.of(List.of(
                copy(PvcState.PENDING, 2, new TransferStats(100, 10, 0, 0, 0, 0)),
                copy(PvcState.ACTIVE, 1, new TransferStats(50, 5, 20, 2, 10, 1)),
                copy(PvcState.COMPLETED, 3, new TransferStats(300, 30, 300, 30, 300, 30)),
                copy(PvcState.FAILED, 1, new TransferStats(10, 1, 5, 1, 0, 0))));

        assertThat(progress.copy()).isEqualTo(new CopyProgress(new PvcCounts(7, 2, 1, 3, 1), new TransferStats(460, 46, 325, 33, 310, 31)));
        assertThat(progress.snapshot()).isNull();
    }

    @Test
    void everySkippedStateCountsAsSkippedInSnapshotsAndUnknownStatesOnlyInTheTotal() {
        PvcProgress progress = PvcProgress.of(List.of(
                snapshot(PvcState.COMPLETED, 3),
                snapshot(PvcState.SKIPPED_MISSING_VOLUME_FROM_INVENTORY, 1),
                snapshot(PvcState.SKIPPED_ACCOUNT_INACTIVE, 2),
                snapshot(PvcState.SKIPPED_VOLUME_FROM_OTHER_REGION, 1),
                snapshot(PvcState.UNKNOWN, 1),
                snapshot(PvcState.ACTIVE, 1)));

        assertThat(progress.snapshot()).isEqualTo(new SnapshotProgress(new PvcCounts(9, 0, 1, 3, 0), 4));
        assertThat(progress.copy()).isNull();
    }

    @Test
    void skippedCopiesCountOnlyInTheTotal() {
        PvcProgress progress = PvcProgress.of(List.of(copy(PvcState.SKIPPED_MISSING_ACCOUNT, 2, TransferStats.ZERO),
                copy(PvcState.COMPLETED, 1, TransferStats.ZERO)));

        assertThat(progress.copy().pvcs()).isEqualTo(new PvcCounts(3, 0, 0, 1, 0));
    }

    @Test
    void withoutRowsOfAnOperationItsAggregateIsMissingAndRowsOfAnUnknownOperationCountForNeither() {
        assertThat(PvcProgress.of(List.of())).isEqualTo(PvcProgress.NONE);
        assertThat(PvcProgress.of(List.of(new PvcStateSums(OpType.UNKNOWN, PvcState.COMPLETED, 4, TransferStats.ZERO))))
                .isEqualTo(PvcProgress.NONE);
        assertThat(PvcProgress.NONE.pvcs()).isNull();
        assertThat(PvcProgress.NONE.protectedPvcs(JobType.K8S_COPY)).isNull();
    }

    @Test
    void aNewerProgressReplacesOnlyTheAggregatesItHas() {
        PvcProgress snapshots = PvcProgress.of(List.of(snapshot(PvcState.COMPLETED, 2)));
        PvcProgress copies = PvcProgress.of(List.of(copy(PvcState.ACTIVE, 2, TransferStats.ZERO)));

        PvcProgress both = snapshots.updatedBy(copies);

        assertThat(both).isEqualTo(new PvcProgress(copies.copy(), snapshots.snapshot()));
        assertThat(both.updatedBy(PvcProgress.NONE)).isEqualTo(both);
    }

    @Test
    void theJobCoversTheLargerTotalAndProtectsWhatItsTypeCompleted() {
        PvcProgress progress = PvcProgress.of(List.of(copy(PvcState.COMPLETED, 2, TransferStats.ZERO), copy(PvcState.FAILED, 3, TransferStats.ZERO),
                snapshot(PvcState.COMPLETED, 4)));

        assertThat(progress.pvcs()).isEqualTo(5);
        assertThat(progress.protectedPvcs(JobType.K8S_COPY)).isEqualTo(2);
        assertThat(progress.protectedPvcs(JobType.K8S_SNAP)).isEqualTo(4);
    }

    private static PvcStateSums copy(PvcState state, int pvcs, TransferStats stats) {
        return new PvcStateSums(OpType.K8S_COPY, state, pvcs, stats);
    }

    private static PvcStateSums snapshot(PvcState state, int pvcs) {
        return new PvcStateSums(OpType.K8S_SNAP, state, pvcs, new TransferStats(1, 1, 1, 1, 1, 1));
    }
}
