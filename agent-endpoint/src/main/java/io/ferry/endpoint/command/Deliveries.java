package io.ferry.endpoint.command;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Which jobs and objectstore checks were delivered to which cluster's agent: the only reports about them the
 * endpoint takes are that cluster's. Kept in the database for every instance; the pairs this instance has seen are
 * remembered (up to {@value #REMEMBERED}) so that a stream of progress updates costs no query.
 */
@ApplicationScoped
public class Deliveries {

    private static final int REMEMBERED = 100_000;
    private static final String RECORD = """
            INSERT INTO agent_delivery (subject_id, cluster_id, org_id) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING""";

    private final Pool pool;
    private final Set<String> known = ConcurrentHashMap.newKeySet();

    public Deliveries(Pool pool) {
        this.pool = pool;
    }

    /** One delivered command's subject. */
    public record Delivery(String subjectId, String clusterId, String orgId) {
    }

    public Uni<Void> record(Collection<Delivery> deliveries) {
        if (deliveries.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<Tuple> rows = deliveries.stream().map(d -> Tuple.of(d.subjectId(), d.clusterId(), d.orgId())).toList();
        return pool.withConnection(connection -> connection.preparedQuery(RECORD).executeBatch(rows)).invoke(() -> deliveries.forEach(d -> remember(d.subjectId(), d.clusterId())))
                .replaceWithVoid();
    }

    /** Of the subjects claimed per cluster, those that were not delivered to that cluster. */
    public Uni<Set<String>> undelivered(Map<String, Set<String>> subjectsByCluster) {
        List<Uni<Set<String>>> checks = new ArrayList<>();
        subjectsByCluster.forEach((cluster, subjects) -> {
            List<String> unknown = subjects.stream().filter(subject -> !known.contains(key(subject, cluster))).toList();
            if (!unknown.isEmpty()) {
                checks.add(undelivered(cluster, unknown));
            }
        });
        if (checks.isEmpty()) {
            return Uni.createFrom().item(Set.of());
        }
        return Uni.join().all(checks).andFailFast().map(results -> {
            Set<String> missing = new HashSet<>();
            results.forEach(missing::addAll);
            return missing;
        });
    }

    private Uni<Set<String>> undelivered(String cluster, List<String> subjects) {
        return pool.withConnection(connection -> connection
                .preparedQuery("SELECT subject_id FROM agent_delivery WHERE cluster_id = $1 AND subject_id = ANY($2)")
                .execute(Tuple.of(cluster, subjects.toArray(String[]::new))))
                .map(rows -> {
                    Set<String> missing = new HashSet<>(subjects);
                    rows.forEach(row -> {
                        missing.remove(row.getString("subject_id"));
                        remember(row.getString("subject_id"), cluster);
                    });
                    return missing;
                });
    }

    private void remember(String subject, String cluster) {
        if (known.size() >= REMEMBERED) {
            known.clear();
        }
        known.add(key(subject, cluster));
    }

    private static String key(String subject, String cluster) {
        return cluster + "/" + subject;
    }
}
