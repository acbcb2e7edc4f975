package io.ferry.messaging.inbox;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.ferry.messaging.ApplicationStopping;
import io.ferry.messaging.MessagingConfig;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;

/** The ids of the events each consumer has applied, kept for {@link MessagingConfig#processedEventRetention()}. */
@ApplicationScoped
public class ProcessedEvents {

    private static final Logger LOG = Logger.getLogger(ProcessedEvents.class);

    private final MessagingConfig config;

    public ProcessedEvents(MessagingConfig config) {
        this.config = config;
    }

    /**
     * Records that {@code consumer} applies the event, in the current transaction.
     *
     * @return true the first time, false when the event was applied before (a redelivery)
     */
    public Uni<Boolean> markProcessed(String consumer, String eventId) {
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                INSERT INTO processed_event (consumer, event_id) VALUES (:consumer, :id)
                ON CONFLICT DO NOTHING""")
                .setParameter("consumer", consumer)
                .setParameter("id", eventId)
                .executeUpdate())
                .map(inserted -> inserted == 1);
    }

    @Scheduled(every = "1h", delayed = "1m", skipExecutionIf = ApplicationStopping.class)
    Uni<Void> forgetOldEvents() {
        OffsetDateTime cutoff = OffsetDateTime.now(ZoneOffset.UTC).minus(config.processedEventRetention());
        return Panache.withTransaction(() -> ProcessedEvent.delete("processedAt < ?1", cutoff))
                .invoke(deleted -> LOG.debugf("Forgot %d processed event ids", deleted))
                .replaceWithVoid();
    }
}
