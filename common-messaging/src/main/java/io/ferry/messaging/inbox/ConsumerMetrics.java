package io.ferry.messaging.inbox;

import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * What each consumer did with the events it received, by consumer (a name fixed in the code, such as
 * {@code definitions-read-model}) and CloudEvents type: {@code ferry_events_applied_total},
 * {@code ferry_events_duplicates_total} (applied before or superseded: nothing changed) and
 * {@code ferry_events_dead_lettered_total}. A consumer's three series appear, at 0, with its first event, so that
 * rates and alerts have a series to work on before anything goes wrong.
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
        consumed(consumer, type, 1, applied ? 1 : 0);
    }

    /** A batch of {@code received} events, committed: {@code applied} of them changed something, the rest nothing. */
    public void consumed(String consumer, String type, long received, long applied) {
        counter(APPLIED, "Events a consumer applied", consumer, type).increment(applied);
        counter(DUPLICATES, "Events a consumer ignored: applied before (a redelivery) or superseded by a newer one", consumer, type)
                .increment(received - applied);
        deadLetters(consumer);
    }

    public void deadLettered(String consumer) {
        deadLetters(consumer).increment();
    }

    private Counter deadLetters(String consumer) {
        return Counter.builder(DEAD_LETTERED).description("Events a consumer sent to its dead-letter topic (malformed or rejected)")
                .tag("consumer", consumer).register(registry);
    }

    private Counter counter(String name, String description, String consumer, String type) {
        return Counter.builder(name).description(description).tag("consumer", consumer).tag("type", type).register(registry);
    }
}
