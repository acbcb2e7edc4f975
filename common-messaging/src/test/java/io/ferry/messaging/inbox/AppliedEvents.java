package io.ferry.messaging.inbox;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import io.ferry.events.definition.DefinitionChanged;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vertx.pgclient.PgException;

/**
 * A consumer whose side effect counts applications, so that a second application is visible. Events
 * named {@code flaky-...} fail their first two attempts as a serialization conflict would; events named
 * {@code rejected-...} always fail as a handler bug would.
 */
@ApplicationScoped
public class AppliedEvents {

    static final int FLAKY_FAILURES = 2;

    private final IdempotentConsumer consumer;
    private final Map<String, AtomicInteger> attempts = new ConcurrentHashMap<>();

    public AppliedEvents(IdempotentConsumer consumer) {
        this.consumer = consumer;
    }

    int attempts(String eventId) {
        AtomicInteger count = attempts.get(eventId);
        return count == null ? 0 : count.get();
    }

    @Incoming("test-definitions")
    Uni<Void> onDefinition(Message<String> message) {
        return consumer.consume("applied-events", message, event -> {
            DefinitionChanged changed = (DefinitionChanged) event.data();
            int attempt = attempts.computeIfAbsent(event.id(), id -> new AtomicInteger()).incrementAndGet();
            if (changed.name().startsWith("flaky-") && attempt <= FLAKY_FAILURES) {
                return Uni.createFrom().failure(new PgException("could not serialize access due to concurrent update", "ERROR",
                        "40001", null));
            }
            if (changed.name().startsWith("rejected-")) {
                return Uni.createFrom().failure(new IllegalStateException("the handler cannot apply " + changed.name()));
            }
            return Panache.getSession().chain(session -> session.createNativeQuery("""
                    INSERT INTO applied_event (event_id, name, applied) VALUES (:id, :name, 1)
                    ON CONFLICT (event_id) DO UPDATE SET applied = applied_event.applied + 1""")
                    .setParameter("id", event.id())
                    .setParameter("name", changed.name())
                    .executeUpdate())
                    .replaceWithVoid();
        });
    }
}
