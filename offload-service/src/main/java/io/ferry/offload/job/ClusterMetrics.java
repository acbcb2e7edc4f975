package io.ferry.offload.job;

import java.time.Duration;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.ferry.events.vocabulary.JobState;
import io.ferry.events.vocabulary.JobType;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * A kubecluster's {@code metrics} over its jobs that started in the last days, from {@link JobView}. Ferry does
 * not inventory a cluster's PVCs: {@code total_num_pvcs} is the most PVCs one of those jobs covered, and the
 * snapshot (copy) PVCs are the most PVCs one snapshot (copy) job completed; coverage is the latter in percent of
 * the former. Percentages are whole numbers 0–100 (0 when there is nothing to count).
 */
@ApplicationScoped
public class ClusterMetrics {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String SQL = "SELECT count(*), count(*) FILTER (WHERE state = :completed), coalesce(max(pvcs), 0), "
            + "coalesce(max(protected_pvcs) FILTER (WHERE type = :snapshot), 0), "
            + "coalesce(max(protected_pvcs) FILTER (WHERE type = :copy), 0) "
            + "FROM job_view WHERE org_id = :org AND cluster_id = :cluster AND start_time >= :since";

    public Uni<ObjectNode> of(String orgId, String clusterId, int days, Instant now) {
        long since = now.minus(Duration.ofDays(days)).getEpochSecond();
        return Panache.getSession().chain(session -> session.createNativeQuery(SQL, Object[].class)
                .setParameter("org", orgId).setParameter("cluster", clusterId).setParameter("since", since)
                .setParameter("completed", JobState.COMPLETED.name()).setParameter("snapshot", JobType.K8S_SNAP.name())
                .setParameter("copy", JobType.K8S_COPY.name())
                .getSingleResult())
                .map(row -> metrics(count(row[0]), count(row[1]), count(row[2]), count(row[3]), count(row[4])));
    }

    private static ObjectNode metrics(long jobs, long successful, long pvcs, long snapshotPvcs, long offloadPvcs) {
        ObjectNode metrics = NODES.objectNode();
        metrics.put("total_num_backup_jobs", jobs);
        metrics.put("total_num_successful_backup_jobs", successful);
        metrics.put("backup_job_success_percentage", percent(successful, jobs));
        metrics.put("total_num_pvcs", pvcs);
        metrics.put("total_num_offload_pvcs", offloadPvcs);
        metrics.put("eligible_pvc_offload_coverage_percentage", percent(offloadPvcs, pvcs));
        metrics.put("total_num_snapshot_pvcs", snapshotPvcs);
        metrics.put("eligible_pvc_snapshot_coverage_percentage", percent(snapshotPvcs, pvcs));
        return metrics;
    }

    private static long percent(long part, long whole) {
        return whole == 0 ? 0 : Math.min(100, Math.round(100.0 * part / whole));
    }

    private static long count(Object value) {
        return ((Number) value).longValue();
    }
}
