package io.ferry.offload.agent;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.ferry.events.vocabulary.ClusterState;
import io.ferry.messaging.ApplicationStopping;
import io.ferry.offload.OffloadConfig;
import io.ferry.offload.cluster.ClusterStatus;
import io.ferry.offload.cluster.ClusterStatusMapper;
import io.ferry.offload.schema.KubeclusterSchema;
import io.ferry.rest.store.DocumentStore;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/** Marks clusters INACTIVE whose agent has been silent for longer than the agent timeout. */
@ApplicationScoped
public class AgentInactivity {

    private static final Logger LOG = Logger.getLogger(AgentInactivity.class);
    private static final String SILENT = "SELECT id, org_id FROM kubecluster WHERE doc -> '" + KubeclusterSchema.STATUS + "' ->> '"
            + KubeclusterSchema.STATE + "' = :active AND (doc -> '" + KubeclusterSchema.STATUS + "' ->> '" + KubeclusterSchema.LAST_HEARTBEAT
            + "')::bigint < :cutoff";

    private final DocumentStore store;
    private final OffloadConfig config;

    public AgentInactivity(DocumentStore store, OffloadConfig config) {
        this.store = store;
        this.config = config;
    }

    @Scheduled(every = "${ferry.offload.agent-check-interval:30s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = ApplicationStopping.class)
    Uni<Void> markSilentClusters() {
        return markSilentClusters(Instant.now());
    }

    @WithTransaction
    public Uni<Void> markSilentClusters(Instant now) {
        long cutoff = now.minus(config.agentTimeout()).getEpochSecond();
        return Panache.getSession().chain(session -> session.createNativeQuery(SILENT, Object[].class)
                .setParameter("active", ClusterState.ACTIVE.name()).setParameter("cutoff", cutoff).getResultList())
                .chain(silent -> Multi.createFrom().iterable(silent).onItem()
                        .transformToUniAndConcatenate(row -> markInactive(row[1].toString(), row[0].toString().trim(), cutoff))
                        .collect().asList())
                .replaceWithVoid();
    }

    /** A heartbeat may have arrived since the query: only a cluster that is still silent becomes INACTIVE. */
    private Uni<Void> markInactive(String orgId, String clusterId, long cutoff) {
        return store.modify(KubeclusterSchema.SCHEMA, orgId, clusterId, ClusterStatusMapper.VIEW, status -> silent(status, cutoff)
                ? status.withState(ClusterState.INACTIVE, status.message()) : status)
                .invoke(stored -> stored.map(document -> ClusterStatusMapper.VIEW.read(document.doc()))
                        .filter(status -> status.state() == ClusterState.INACTIVE && status.lastHeartbeatOrZero() < cutoff)
                        .ifPresent(status -> LOG.infof("Cluster %s (organisation %s): no agent heartbeat for %s, now %s", clusterId,
                                orgId, config.agentTimeout(), ClusterState.INACTIVE)))
                .replaceWithVoid();
    }

    private static boolean silent(ClusterStatus status, long cutoff) {
        return status.state() == ClusterState.ACTIVE && status.lastHeartbeat() != null && status.lastHeartbeat() < cutoff;
    }
}
