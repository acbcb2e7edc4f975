package io.ferry.messaging.inbox;

import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * What each consumer did with the events it received, by consumer (a name fixed in the code, such as
 * {@code definitions-read-model}) and CloudEvents type: {@code ferry_events_applied_total},
 * {@code ferry_events_duplicates_total} (applied before or superseded: nothing changed) and
 * {@code ferry_events_dead_lettered_total}.
 */
@ApplicationScoped
public class ConsumerMetrics {

    public static final String APPLIED = "ferry.events.applied";
    public static final String DUPLICATES = "ferry.events.duplicates";
    public static final String DEAD_LETTERED = "ferry.events.dead.lettered";

    private final MeterRegistry registry;

    public ConsumerMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** One event, committed: applied, or (false) found applied before. */
    public void consumed(String consumer, String type, boolean applied) {
        if (applied) {
            applied(consumer, type, 1);
        } else {
            duplicates(consumer, type, 1);
        }
    }

    /** A batch of {@code received} events, committed: {@code applied} of them changed something, the rest nothing. */
    public void consumed(String consumer, String type, long received, long applied) {
        applied(consumer, type, applied);
        duplicates(consumer, type, received - applied);
    }

    public void applied(String consumer, String type, long events) {
        count(APPLIED, "Events a consumer applied", consumer, type, events);
    }

    public void duplicates(String consumer, String type, long events) {
        count(DUPLICATES, "Events a consumer ignored: applied before (a redelivery) or superseded by a newer one", consumer, type,
                events);
    }

    public void deadLettered(String consumer) {
        Counter.builder(DEAD_LETTERED).description("Events a consumer sent to its dead-letter topic (malformed or rejected)")
                .tag("consumer", consumer).register(registry).increment();
    }

    private void count(String name, String description, String consumer, String type, long events) {
        if (events > 0) {
            Counter.builder(name).description(description).tag("consumer", consumer).tag("type", type).register(registry)
                    .increment(events);
        }
    }
}
