package io.ferry.job.progress;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.ferry.events.progress.PvcProgressUpdated;
import io.ferry.events.progress.PvcStats;
import io.ferry.events.vocabulary.JobState;
import io.ferry.events.vocabulary.OpType;
import io.ferry.events.vocabulary.PvcState;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * The newest update of each PVC of each job ({@code pvc_progress_view}) and the job's {@link PvcProgress} over them:
 * sums and state counts, so they converge whatever the delivery order or duplicates. Copy progress appears once
 * COPY records exist; snapshot progress stops changing when snapshot records do (COPY phase).
 * <p>
 * When a job ends FAILED or CANCELLED its PVCs still PENDING or ACTIVE end FAILED; an update that arrives after that
 * still applies by its sequence, but a PENDING or ACTIVE state in it is recorded as FAILED, so no PVC of such a job
 * runs again. Callers lock the job's row first on both paths, so neither misses the other.
 */
@ApplicationScoped
public class JobProgress {

    private static final String UPSERT = """
            INSERT INTO pvc_progress_view (job_id, namespace, name, op_type, sequence, state, estimated_size, estimated_files,
                                           io_size, io_files, transferred_size, transferred_files)
            VALUES (:job, :namespace, :name, :op, :sequence, :state, :es, :ef, :is, :if, :ts, :tf)
            ON CONFLICT (job_id, op_type, namespace, name) DO UPDATE SET
                sequence = EXCLUDED.sequence, state = EXCLUDED.state, estimated_size = EXCLUDED.estimated_size,
                estimated_files = EXCLUDED.estimated_files, io_size = EXCLUDED.io_size, io_files = EXCLUDED.io_files,
                transferred_size = EXCLUDED.transferred_size, transferred_files = EXCLUDED.transferred_files
            WHERE pvc_progress_view.sequence < EXCLUDED.sequence""";
    private static final String FAIL_UNFINISHED = """
            UPDATE pvc_progress_view SET state = :failed WHERE job_id = :job AND state IN (:unfinished)""";
    private static final String SUMS = """
            SELECT op_type, state, count(*), sum(estimated_size), sum(estimated_files), sum(io_size), sum(io_files),
                   sum(transferred_size), sum(transferred_files)
            FROM pvc_progress_view WHERE job_id = :job GROUP BY op_type, state""";
    private static final List<String> UNFINISHED = PvcState.UNFINISHED.stream().map(PvcState::wire).toList();

    /**
     * Records the update if it is newer than its PVC's last one.
     *
     * @param jobState the state of the update's job, locked by the caller; null when the job is not known
     * @return true when the update was newer
     */
    public Uni<Boolean> record(PvcProgressUpdated update, JobState jobState) {
        PvcStats stats = update.stats() == null ? PvcStats.ZERO : update.stats();
        OpType op = update.opType() == null ? OpType.K8S_COPY : update.opType();
        return Panache.getSession().chain(session -> session.createNativeQuery(UPSERT)
                .setParameter("job", update.jobId()).setParameter("namespace", update.namespace())
                .setParameter("name", update.name()).setParameter("op", op.wire())
                .setParameter("sequence", update.sequence()).setParameter("state", stateToRecord(update.state(), jobState).wire())
                .setParameter("es", stats.estimatedSize()).setParameter("ef", stats.estimatedNumberOfFiles())
                .setParameter("is", stats.ioSize()).setParameter("if", stats.ioNumberOfFiles())
                .setParameter("ts", stats.transferredSize()).setParameter("tf", stats.transferredNumberOfFiles())
                .executeUpdate())
                .map(changed -> changed > 0);
    }

    /** Ends the job's unfinished PVCs FAILED and returns the resulting progress; the job's row must be locked. */
    public Uni<PvcProgress> failUnfinished(String jobId) {
        return Panache.getSession().chain(session -> session.createNativeQuery(FAIL_UNFINISHED)
                .setParameter("failed", PvcState.FAILED.wire()).setParameter("job", jobId).setParameter("unfinished", UNFINISHED)
                .executeUpdate())
                .chain(() -> progress(jobId));
    }

    /** The job's progress over the newest update of each of its PVCs. */
    public Uni<PvcProgress> progress(String jobId) {
        return Panache.getSession().chain(session -> session.createNativeQuery(SUMS, Object[].class)
                .setParameter("job", jobId).getResultList())
                .map(rows -> PvcProgress.of(rows.stream().map(JobProgress::sums).toList()));
    }

    /** The state a PVC update is recorded in: an unfinished PVC of a job that ended FAILED or CANCELLED is FAILED. */
    static PvcState stateToRecord(PvcState reported, JobState jobState) {
        PvcState state = reported == null ? PvcState.UNKNOWN : reported;
        boolean jobFailedUnfinished = jobState != null && jobState.failsUnfinishedPvcs();
        return jobFailedUnfinished && state.isUnfinished() ? PvcState.FAILED : state;
    }

    private static PvcStateSums sums(Object[] row) {
        return new PvcStateSums(OpType.parse((String) row[0]), PvcState.parse((String) row[1]), (int) number(row[2]),
                new TransferStats(number(row[3]), number(row[4]), number(row[5]), number(row[6]), number(row[7]), number(row[8])));
    }

    private static long number(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }
}
