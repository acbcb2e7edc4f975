package io.ferry.progress.pvc;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.ferry.events.job.JobStateChanged;
import io.ferry.events.vocabulary.PvcState;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * When a job ends FAILED or CANCELLED, its PVCs still PENDING or ACTIVE end FAILED with the job's message
 * (as the agent itself reports the PVCs it stops), and the outcome is kept so that {@link ProgressWriter}
 * stores later unfinished updates of the job the same way.
 */
@ApplicationScoped
public class UnfinishedPvcs {

    /**
     * Waits for batch writes in flight and holds new ones until this transaction commits: a batch that read
     * {@code job_outcome} before the outcome was recorded must be visible to the update below.
     */
    private static final String HOLD_WRITES = "LOCK TABLE kubepvcprogress IN SHARE ROW EXCLUSIVE MODE";
    private static final String RECORD_OUTCOME = """
            INSERT INTO job_outcome (org_id, job_id, state, message, end_time)
            VALUES (:org, :job, :jobState, :message, CAST(:endTime AS bigint)) ON CONFLICT DO NOTHING""";
    private static final String FAIL_UNFINISHED = """
            UPDATE kubepvcprogress p SET doc = pvc_after_job(p.doc, o.message, o.end_time),
                   updated_at = date_trunc('second', now()), revision = p.revision + 1
            FROM job_outcome o
            WHERE o.org_id = :org AND o.job_id = :job AND p.org_id = o.org_id AND p.job_id = o.job_id
              AND p.state IN (:unfinished)""";
    private static final List<String> UNFINISHED = PvcState.UNFINISHED.stream().map(PvcState::wire).toList();

    /** Applies the job's outcome in the caller's transaction if it ends the job's unfinished PVCs. */
    public Uni<Void> jobChanged(String orgId, JobStateChanged job) {
        if (!job.failsUnfinishedPvcs()) {
            return Uni.createFrom().voidItem();
        }
        String message = job.message() != null ? job.message() : "The job ended " + job.state();
        return Panache.getSession().chain(session -> session.createNativeQuery(HOLD_WRITES).executeUpdate()
                .chain(() -> session.createNativeQuery(RECORD_OUTCOME).setParameter("org", orgId).setParameter("job", job.jobId())
                        .setParameter("jobState", job.state().name()).setParameter("message", message)
                        .setParameter("endTime", job.endTime()).executeUpdate())
                .chain(() -> session.createNativeQuery(FAIL_UNFINISHED).setParameter("org", orgId)
                        .setParameter("job", job.jobId()).setParameter("unfinished", UNFINISHED).executeUpdate()))
                .replaceWithVoid();
    }
}
