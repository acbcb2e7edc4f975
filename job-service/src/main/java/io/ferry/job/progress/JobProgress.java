package io.ferry.job.progress;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.ferry.events.progress.PvcProgressUpdated;
import io.ferry.events.progress.PvcStats;
import io.ferry.events.vocabulary.JobState;
import io.ferry.events.vocabulary.OpType;
import io.ferry.events.vocabulary.PvcState;
import io.ferry.job.lifecycle.JobEvents;
import io.ferry.job.schema.JobSchema;
import io.ferry.rest.store.DocumentStore;
import io.ferry.rest.store.StoredDocument;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * A job's {@code kube_copy_progress} and {@code kube_snapshot_progress}: the sums and state counts over the
 * newest update of each of its PVCs, so they converge whatever the delivery order or duplicates. Copy progress
 * appears once COPY records exist; snapshot progress stops changing when snapshot records do (COPY phase).
 * <p>
 * When a job ends FAILED or CANCELLED its PVCs still PENDING or ACTIVE end FAILED; an update that arrives
 * after that still applies by its sequence, but a PENDING or ACTIVE state in it is recorded as FAILED, so no
 * PVC of such a job runs again. Both paths lock the job's row first, so neither misses the other.
 * <p>
 * A PVC update that changes an ended job's PVC counts publishes JobStateChanged again, so that subscribers (cluster
 * metrics) get the final counts even when the job's result was applied before its last PVC updates.
 */
@ApplicationScoped
public class JobProgress {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
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
            UPDATE pvc_progress_view SET state = 'FAILED' WHERE job_id = :job AND state IN ('PENDING', 'ACTIVE')""";
    private static final String SUMS = """
            SELECT op_type, count(*), count(*) FILTER (WHERE state = 'PENDING'), count(*) FILTER (WHERE state = 'ACTIVE'),
                   count(*) FILTER (WHERE state = 'COMPLETED'), count(*) FILTER (WHERE state = 'FAILED'),
                   count(*) FILTER (WHERE state LIKE 'SKIPPED%'),
                   sum(estimated_size), sum(estimated_files), sum(io_size), sum(io_files), sum(transferred_size),
                   sum(transferred_files)
            FROM pvc_progress_view WHERE job_id = :job GROUP BY op_type""";

    private final DocumentStore store;
    private final JobEvents events;

    public JobProgress(DocumentStore store, JobEvents events) {
        this.store = store;
        this.events = events;
    }

    /** Records the update if it is newer than the PVC's last one, then refreshes the job's aggregates. */
    public Uni<Void> apply(String orgId, PvcProgressUpdated update) {
        return store.findForUpdate(JobSchema.SCHEMA, orgId, update.jobId()).chain(job -> {
            boolean jobFailedUnfinished = job.map(found -> JobState.parse(found.text("state")).failsUnfinishedPvcs()).orElse(false);
            PvcState reported = update.state() == null ? PvcState.UNKNOWN : update.state();
            PvcState state = jobFailedUnfinished && reported.isUnfinished() ? PvcState.FAILED : reported;
            return upsert(update, state).chain(changed -> changed == 0 || job.isEmpty()
                    ? Uni.createFrom().voidItem()
                    : refresh(job.get()));
        });
    }

    /**
     * Ends the job's unfinished PVCs FAILED and puts the resulting aggregates into {@code doc}, the job's
     * document about to be stored; the job's row must be locked.
     */
    public Uni<Void> failUnfinished(String jobId, ObjectNode doc) {
        return Panache.getSession().chain(session -> session.createNativeQuery(FAIL_UNFINISHED).setParameter("job", jobId)
                .executeUpdate())
                .chain(() -> sums(jobId))
                .invoke(rows -> aggregate(rows, doc))
                .replaceWithVoid();
    }

    private static Uni<Integer> upsert(PvcProgressUpdated update, PvcState state) {
        PvcStats stats = update.stats() == null ? PvcStats.ZERO : update.stats();
        return Panache.getSession().chain(session -> session.createNativeQuery(UPSERT)
                .setParameter("job", update.jobId()).setParameter("namespace", update.namespace())
                .setParameter("name", update.name()).setParameter("op", update.opType() == null ? OpType.K8S_COPY.wire() : update.opType().wire())
                .setParameter("sequence", update.sequence()).setParameter("state", state.wire())
                .setParameter("es", stats.estimatedSize()).setParameter("ef", stats.estimatedNumberOfFiles())
                .setParameter("is", stats.ioSize()).setParameter("if", stats.ioNumberOfFiles())
                .setParameter("ts", stats.transferredSize()).setParameter("tf", stats.transferredNumberOfFiles())
                .executeUpdate());
    }

    private Uni<Void> refresh(StoredDocument job) {
        return sums(job.id()).chain(rows -> {
            ObjectNode doc = job.doc().deepCopy();
            aggregate(rows, doc);
            if (doc.equals(job.doc())) {
                return Uni.createFrom().voidItem();
            }
            return store.update(JobSchema.SCHEMA, job, doc).call(updated -> updated.isPresent() && JobEvents.isLatePvcCountChange(job.doc(), doc)
                    ? events.stateChanged(updated.get())
                    : Uni.createFrom().voidItem()).replaceWithVoid();
        });
    }

    private static Uni<List<Object[]>> sums(String jobId) {
        return Panache.getSession().chain(session -> session.createNativeQuery(SUMS, Object[].class)
                .setParameter("job", jobId).getResultList());
    }

    private static void aggregate(List<Object[]> rows, ObjectNode doc) {
        for (Object[] row : rows) {
            if ("K8S_COPY".equals(row[0])) {
                ObjectNode copy = counts(row);
                ObjectNode stats = NODES.objectNode();
                stats.put("estimated_size", number(row[7]));
                stats.put("estimated_number_of_files", number(row[8]));
                stats.put("io_size", number(row[9]));
                stats.put("io_number_of_files", number(row[10]));
                stats.put("transferred_size", number(row[11]));
                stats.put("transferred_number_of_files", number(row[12]));
                copy.set("stats", stats);
                doc.set("kube_copy_progress", copy);
            } else if ("K8S_SNAP".equals(row[0])) {
                ObjectNode snapshot = counts(row);
                snapshot.put("skipped_pvs", number(row[6]));
                doc.set("kube_snapshot_progress", snapshot);
            }
        }
    }

    private static ObjectNode counts(Object[] row) {
        ObjectNode counts = NODES.objectNode();
        counts.put("total_pvs", number(row[1]));
        counts.put("pending_pvs", number(row[2]));
        counts.put("active_pvs", number(row[3]));
        counts.put("completed_pvs", number(row[4]));
        counts.put("failed_pvs", number(row[5]));
        return counts;
    }

    private static long number(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }
}
