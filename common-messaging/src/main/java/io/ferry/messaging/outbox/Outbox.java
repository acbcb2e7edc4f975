package io.ferry.messaging.outbox;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.ferry.events.EventCatalog;
import io.ferry.events.EventJson;
import io.ferry.events.EventType;
import io.ferry.messaging.tracing.EventTraces;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * Records events in the current transaction. They reach Kafka only if that transaction commits, and
 * then at least once ({@link OutboxRelay}).
 */
@ApplicationScoped
public class Outbox {

    private static final String INSERT = """
            INSERT INTO outbox_event (id, topic, event_key, ce_type, org_id, payload, traceparent)
            VALUES (:id, :topic, :key, :type, :org, :payload, :traceparent)""";
    /**
     * Appends an event. Must run inside a transaction ({@code @WithTransaction} or
     * {@code Panache.withTransaction}). The event belongs to the trace of the span current when this is called.
     *
     * @param orgId   the organisation the event belongs to
     * @param key     the Kafka key (definition, job or cluster id) that keeps related events in order
     * @param payload a payload record of the {@link EventCatalog}
     * @return the new event's id
     */
    public Uni<UUID> append(String orgId, String key, Object payload) {
        EventType<?> type = EventCatalog.forPayload(payload.getClass());
        UUID id = UUID.randomUUID();
        String json = EventJson.write(payload);
        String traceparent = EventTraces.current();
        return Panache.getSession().chain(session -> session.createNativeQuery(INSERT)
                .setParameter("id", id)
                .setParameter("topic", type.topic())
                .setParameter("key", key)
                .setParameter("type", type.ceType())
                .setParameter("org", orgId)
                .setParameter("payload", json)
                .setParameter("traceparent", traceparent)
                .executeUpdate())
                .replaceWith(id);
    }
}
