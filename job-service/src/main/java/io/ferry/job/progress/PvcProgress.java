package io.ferry.job.progress;

import java.util.Collection;

import io.ferry.events.vocabulary.JobType;
import io.ferry.events.vocabulary.OpType;

/**
 * A job's progress over its PVCs, as far as they were reported.
 *
 * @param copy     the K8S_COPY records' aggregate; null until the job has one
 * @param snapshot the K8S_SNAP records' aggregate; null until the job has one
 */
public record PvcProgress(CopyProgress copy, SnapshotProgress snapshot) {

    public static final PvcProgress NONE = new PvcProgress(null, null);

    /** The aggregates of the given sums; rows of an operation this version does not know count for neither. */
    public static PvcProgress of(Collection<PvcStateSums> rows) {
        PvcCounts copied = PvcCounts.NONE;
        TransferStats stats = TransferStats.ZERO;
        PvcCounts snapshotted = PvcCounts.NONE;
        int skipped = 0;
        boolean copies = false;
        boolean snapshots = false;
        for (PvcStateSums row : rows) {
            if (row.opType() == OpType.K8S_COPY) {
                copies = true;
                copied = copied.plus(row.state(), row.pvcs());
                stats = stats.plus(row.stats());
            } else if (row.opType() == OpType.K8S_SNAP) {
                snapshots = true;
                snapshotted = snapshotted.plus(row.state(), row.pvcs());
                skipped += row.state().isSkipped() ? row.pvcs() : 0;
            }
        }
        return new PvcProgress(copies ? new CopyProgress(copied, stats) : null, snapshots ? new SnapshotProgress(snapshotted, skipped) : null);
    }

    /** This progress updated by {@code newer}; an aggregate that {@code newer} lacks is kept. */
    public PvcProgress updatedBy(PvcProgress newer) {
        return new PvcProgress(newer.copy != null ? newer.copy : copy, newer.snapshot != null ? newer.snapshot : snapshot);
    }

    /** The PVCs the job covers as far as they were reported: the larger of its copy and snapshot totals; null before any. */
    public Integer pvcs() {
        if (copy == null && snapshot == null) {
            return null;
        }
        return Math.max(copy == null ? 0 : copy.pvcs().total(), snapshot == null ? 0 : snapshot.pvcs().total());
    }

    /** The PVCs a job of {@code type} completed: copied for a K8S_COPY job, snapshotted otherwise; null before any. */
    public Integer protectedPvcs(JobType type) {
        if (type == JobType.K8S_COPY) {
            return copy == null ? null : copy.pvcs().completed();
        }
        return snapshot == null ? null : snapshot.pvcs().completed();
    }
}
