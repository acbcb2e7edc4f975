package io.ferry.messaging.inbox;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import io.ferry.events.definition.DefinitionChanged;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/** A consumer whose side effect counts applications, so that a second application is visible. */
@ApplicationScoped
public class AppliedEvents {

    private final IdempotentConsumer consumer;

    public AppliedEvents(IdempotentConsumer consumer) {
        this.consumer = consumer;
    }

    @Incoming("test-definitions")
    Uni<Void> onDefinition(Message<String> message) {
        return consumer.consume("applied-events", message, event -> {
            DefinitionChanged changed = (DefinitionChanged) event.data();
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
