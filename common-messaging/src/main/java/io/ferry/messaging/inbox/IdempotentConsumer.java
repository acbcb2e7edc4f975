package io.ferry.messaging.inbox;

import java.util.Optional;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import io.ferry.events.EventEnvelope;
import io.ferry.events.MalformedEventException;
import io.ferry.kafka.IncomingEvents;
import io.ferry.messaging.tracing.EventTraces;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * Applies each event at most once per consumer: the event id is recorded in the same transaction as
 * the handler's writes, so a redelivered event (Kafka delivers at least once) changes nothing. The
 * Kafka offset is acknowledged only after that transaction commits.
 * <p>
 * A transient failure (database unreachable, serialization conflict; see {@link TransientRetry}) is
 * retried with back-off for as long as it lasts, holding up the partition rather than skipping the event.
 * While the application shuts down the event is left unacknowledged, so it is delivered again after the
 * restart. Only a failure of the event itself (malformed, or rejected by the handler) sends it to the
 * channel's dead-letter topic.
 */
@ApplicationScoped
public class IdempotentConsumer {

    private static final Logger LOG = Logger.getLogger(IdempotentConsumer.class);

    private final ProcessedEvents processedEvents;
    private final TransientRetry retry;
    private final EventTraces traces;
    private final ConsumerMetrics metrics;

    public IdempotentConsumer(ProcessedEvents processedEvents, TransientRetry retry, EventTraces traces, ConsumerMetrics metrics) {
        this.processedEvents = processedEvents;
        this.retry = retry;
        this.traces = traces;
        this.metrics = metrics;
    }

    /**
     * @param consumer a name unique within the service, for example {@code definitions-read-model}
     * @param message  the Kafka message as received by an {@code @Incoming} method
     * @param handler  applies the event; runs inside the transaction
     */
    public Uni<Void> consume(String consumer, Message<String> message, Function<EventEnvelope<?>, Uni<Void>> handler) {
        return apply(consumer, message, event -> processedEvents.markProcessed(consumer, event.id())
                .chain(first -> {
                    if (!first) {
                        LOG.debugf("%s: event %s was applied before, skipping", consumer, event.id());
                        return Uni.createFrom().item(false);
                    }
                    return handler.apply(event).replaceWith(true);
                }));
    }

    /**
     * For events whose handler is idempotent by itself (applying one twice changes nothing, such as a
     * heartbeat): no processed-event id is kept.
     */
    public Uni<Void> consumeRepeatable(String consumer, Message<String> message, Function<EventEnvelope<?>, Uni<Void>> handler) {
        return apply(consumer, message, event -> handler.apply(event).replaceWith(true));
    }

    /** @param work applies the event; answers false for one that was applied before */
    private Uni<Void> apply(String consumer, Message<String> message, Function<EventEnvelope<?>, Uni<Boolean>> work) {
        Optional<EventEnvelope<?>> decoded;
        try {
            decoded = IncomingEvents.decode(message);
        } catch (MalformedEventException e) {
            LOG.errorf("%s: rejecting a malformed event: %s", consumer, e.getMessage());
            metrics.deadLettered(consumer);
            return Uni.createFrom().completionStage(message.nack(e));
        }
        if (decoded.isEmpty()) {
            return Uni.createFrom().completionStage(message.ack());
        }
        EventEnvelope<?> event = decoded.get();
        return traces.within(consumer + " " + event.type(), event, () -> retry.untilDone(Panache.withTransaction(() -> work.apply(event)),
                e -> LOG.warnf("%s: applying event %s failed, retrying: %s", consumer, event.id(), e.getMessage()))
                .invoke(applied -> metrics.consumed(consumer, event.type(), applied))
                .chain(() -> Uni.createFrom().completionStage(message.ack()))
                .onFailure().recoverWithUni(e -> {
                    if (retry.leftForRestart(e)) {
                        LOG.infof("%s: event %s left unacknowledged while stopping; it is delivered again after the restart",
                                consumer, event.id());
                        return Uni.createFrom().nothing();
                    }
                    LOG.errorf(e, "%s: applying event %s (%s) failed", consumer, event.id(), event.type());
                    metrics.deadLettered(consumer);
                    return Uni.createFrom().completionStage(message.nack(e));
                }));
    }
}
