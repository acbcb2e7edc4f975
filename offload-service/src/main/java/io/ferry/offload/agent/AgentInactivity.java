package io.ferry.offload.agent;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.ferry.messaging.ApplicationStopping;
import io.ferry.offload.OffloadConfig;
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
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                SELECT id, org_id FROM kubecluster
                WHERE doc -> 'status' ->> 'state' = 'ACTIVE' AND (doc -> 'status' ->> 'last_heartbeat')::bigint < :cutoff""",
                Object[].class).setParameter("cutoff", cutoff).getResultList())
                .chain(silent -> Multi.createFrom().iterable(silent).onItem()
                        .transformToUniAndConcatenate(row -> markInactive(row[1].toString(), row[0].toString().trim()))
                        .collect().asList())
                .replaceWithVoid();
    }

    private Uni<Void> markInactive(String orgId, String clusterId) {
        return store.find(KubeclusterSchema.SCHEMA, orgId, clusterId).chain(found -> {
            if (found.isEmpty()) {
                return Uni.createFrom().voidItem();
            }
            ObjectNode doc = found.get().doc().deepCopy();
            ((ObjectNode) doc.path("status")).put("state", "INACTIVE");
            LOG.infof("Cluster %s (organisation %s): no agent heartbeat for %s, now INACTIVE", clusterId, orgId,
                    config.agentTimeout());
            return store.update(KubeclusterSchema.SCHEMA, found.get(), doc).replaceWithVoid();
        });
    }
}
