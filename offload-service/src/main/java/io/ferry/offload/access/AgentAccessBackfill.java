package io.ferry.offload.access;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * Announces to the agent endpoint the kubeclusters it has never heard of: those registered before agents came in
 * through it (AgentAccessChanged is published when a cluster is created). Runs at every start and finds nothing once
 * every cluster has been announced; without it the local agent of a single machine would not serve clusters kept from
 * an earlier version, and their agents' installs would be the first the endpoint learns of them.
 */
@ApplicationScoped
public class AgentAccessBackfill {

    private static final Logger LOG = Logger.getLogger(AgentAccessBackfill.class);
    private static final String UNANNOUNCED = """
            SELECT k.org_id, k.id FROM kubecluster k WHERE NOT EXISTS (SELECT 1 FROM agent_access a WHERE a.cluster_id = k.id)""";

    private final AgentAccess access;

    public AgentAccessBackfill(AgentAccess access) {
        this.access = access;
    }

    void onStart(@Observes StartupEvent event) {
        try {
            int announced = VertxContextSupport.subscribeAndAwait(this::announceUnannounced);
            if (announced > 0) {
                LOG.infof("Announced %d kubeclusters to the agent endpoint", announced);
            }
        } catch (Throwable e) {
            LOG.warnf("Could not announce kubeclusters to the agent endpoint (the next start tries again): %s", e.getMessage());
        }
    }

    /** @return how many clusters were announced */
    Uni<Integer> announceUnannounced() {
        return Panache.withTransaction(() -> Panache.getSession()
                .chain(session -> session.createNativeQuery(UNANNOUNCED, Object[].class).getResultList())
                .chain(rows -> announce(rows).replaceWith(rows.size())));
    }

    private Uni<Void> announce(List<Object[]> clusters) {
        return Multi.createFrom().iterable(clusters)
                .onItem().transformToUniAndConcatenate(row -> access.registered(row[0].toString().trim(), row[1].toString().trim()))
                .collect().asList().replaceWithVoid();
    }
}
