package io.ferry.messaging.outbox;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.ferry.events.EventCatalog;
import io.ferry.events.EventJson;
import io.ferry.events.EventType;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * Records events in the current transaction. They reach Kafka only if that transaction commits, and
 * then at least once ({@link OutboxRelay}).
 */
@ApplicationScoped
public class Outbox {

    private static final String INSERT = """
            INSERT INTO outbox_event (id, topic, event_key, ce_type, org_id, payload)
            VALUES (:id, :topic, :key, :type, :org, :payload)""";
    /**
     * Appends an event. Must run inside a transaction ({@code @WithTransaction} or
     * {@code Panache.withTransaction}).
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
        return Panache.getSession().chain(session -> session.createNativeQuery(INSERT)
                .setParameter("id", id)
                .setParameter("topic", type.topic())
                .setParameter("key", key)
                .setParameter("type", type.ceType())
                .setParameter("org", orgId)
                .setParameter("payload", json)
                .executeUpdate())
                .replaceWith(id);
    }
}
