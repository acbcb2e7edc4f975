package io.ferry.messaging.outbox;

import java.util.List;
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
    private static final String INSERT_ALL = """
            INSERT INTO outbox_event (id, topic, event_key, ce_type, org_id, payload)
            SELECT CAST(u.id AS uuid), u.topic, u.event_key, u.ce_type, u.org_id, u.payload
            FROM unnest(CAST(:ids AS text[]), CAST(:topics AS text[]), CAST(:keys AS text[]), CAST(:types AS text[]),
                        CAST(:orgs AS text[]), CAST(:payloads AS text[]))
                 WITH ORDINALITY AS u(id, topic, event_key, ce_type, org_id, payload, position)
            ORDER BY u.position""";

    /** An event to append with {@link #appendAll(List)}. */
    public record Pending(String orgId, String key, Object payload) {
    }

    /**
     * Appends many events in one statement, in list order (which the relay keeps). Must run inside a
     * transaction.
     */
    public Uni<Integer> appendAll(List<Pending> events) {
        if (events.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        int size = events.size();
        String[] ids = new String[size];
        String[] topics = new String[size];
        String[] keys = new String[size];
        String[] types = new String[size];
        String[] orgs = new String[size];
        String[] payloads = new String[size];
        for (int i = 0; i < size; i++) {
            Pending event = events.get(i);
            EventType<?> type = EventCatalog.forPayload(event.payload().getClass());
            ids[i] = UUID.randomUUID().toString();
            topics[i] = type.topic();
            keys[i] = event.key();
            types[i] = type.ceType();
            orgs[i] = event.orgId();
            payloads[i] = EventJson.write(event.payload());
        }
        return Panache.getSession().chain(session -> session.createNativeQuery(INSERT_ALL)
                .setParameter("ids", ids).setParameter("topics", topics).setParameter("keys", keys)
                .setParameter("types", types).setParameter("orgs", orgs).setParameter("payloads", payloads)
                .executeUpdate());
    }

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
