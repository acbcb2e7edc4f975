package io.ferry.endpoint.access;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import io.ferry.events.EventEnvelope;
import io.ferry.events.EventJson;
import io.ferry.events.access.AgentAccessChanged;
import io.ferry.messaging.inbox.IdempotentConsumer;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/** Keeps {@code agent_access} at each cluster's newest revision; an older or repeated event changes nothing. */
@ApplicationScoped
public class AgentAccessConsumer {

    private static final String UPSERT = """
            INSERT INTO agent_access (cluster_id, org_id, revision, credentials, revoked_at, removed)
            VALUES (:cluster, :org, :revision, CAST(CAST(:credentials AS text) AS jsonb), CAST(CAST(:revoked AS text) AS timestamptz), :removed)
            ON CONFLICT (cluster_id) DO UPDATE SET org_id = EXCLUDED.org_id, revision = EXCLUDED.revision,
                credentials = EXCLUDED.credentials, revoked_at = EXCLUDED.revoked_at, removed = EXCLUDED.removed
            WHERE agent_access.revision < EXCLUDED.revision""";

    private final IdempotentConsumer consumer;

    public AgentAccessConsumer(IdempotentConsumer consumer) {
        this.consumer = consumer;
    }

    @Incoming("agent-access")
    Uni<Void> onAccess(Message<String> message) {
        return consumer.consumeRepeatable("agent-access", message, this::apply);
    }

    private Uni<Void> apply(EventEnvelope<?> event) {
        if (!(event.data() instanceof AgentAccessChanged changed)) {
            return Uni.createFrom().voidItem();
        }
        return Panache.getSession().chain(session -> session.createNativeQuery(UPSERT)
                .setParameter("cluster", changed.clusterId())
                .setParameter("org", event.orgId())
                .setParameter("revision", changed.revision())
                .setParameter("credentials", EventJson.write(changed.credentials()))
                .setParameter("revoked", changed.revokedAt() == null ? null : changed.revokedAt().toString())
                .setParameter("removed", changed.removed())
                .executeUpdate()).replaceWithVoid();
    }
}
