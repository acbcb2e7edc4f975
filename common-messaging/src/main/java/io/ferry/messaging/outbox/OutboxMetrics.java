package io.ferry.messaging.outbox;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.ferry.messaging.ApplicationStopping;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;

/**
 * The outbox relay's figures: {@code ferry_outbox_published_total{type}} as the broker acknowledges events, and
 * what waits in the outbox, {@code ferry_outbox_pending_events} and {@code ferry_outbox_oldest_pending_age_seconds}
 * (the relay's lag). The two gauges are read from the database every {@code ferry.metrics.refresh-interval} (5 s),
 * not when scraped: a scrape never waits for the database. Every instance of a service reads the same outbox, so
 * these gauges are per database (aggregate them with max, not sum).
 */
@ApplicationScoped
public class OutboxMetrics {

    public static final String PUBLISHED = "ferry.outbox.published";
    public static final String PENDING = "ferry.outbox.pending.events";
    public static final String OLDEST_AGE = "ferry.outbox.oldest.pending.age.seconds";

    private static final Logger LOG = Logger.getLogger(OutboxMetrics.class);
    private static final String PENDING_QUERY = """
            SELECT count(*), coalesce(extract(epoch FROM now() - min(created_at)), 0)::float8 FROM outbox_event""";

    private final MeterRegistry registry;
    private final Pool pool;
    private final AtomicLong pending = new AtomicLong();
    private final AtomicLong oldestAgeMillis = new AtomicLong();
    private final List<Gauge> gauges;

    public OutboxMetrics(MeterRegistry registry, Pool pool) {
        this.registry = registry;
        this.pool = pool;
        this.gauges = List.of(
                Gauge.builder(PENDING, pending, AtomicLong::get).description("Events in the outbox not yet acknowledged by Kafka")
                        .register(registry),
                Gauge.builder(OLDEST_AGE, oldestAgeMillis, millis -> millis.get() / 1000.0)
                        .description("How long the oldest event in the outbox has waited for the relay").register(registry));
    }

    /**
     * The registry is Micrometer's global one, which outlives the application in a JVM that starts it again (tests,
     * dev mode); a gauge left there would keep reading this instance's (weakly held, soon collected) values.
     */
    @PreDestroy
    void removeGauges() {
        gauges.forEach(registry::remove);
    }

    /** {@code count} events of one type the broker acknowledged (counted once per batch and type: this is the relay's hot path). */
    void published(String type, long count) {
        Counter.builder(PUBLISHED).description("Events the outbox relay published to Kafka").tag("type", type).register(registry)
                .increment(count);
    }

    @Scheduled(every = "${ferry.metrics.refresh-interval:5s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = ApplicationStopping.class)
    Uni<Void> refresh() {
        return pool.withConnection(connection -> connection.query(PENDING_QUERY).execute())
                .invoke(rows -> {
                    Row row = rows.iterator().next();
                    pending.set(row.getLong(0));
                    oldestAgeMillis.set(Math.round(row.getDouble(1) * 1000));
                })
                .replaceWithVoid()
                .onFailure().invoke(e -> LOG.debugf("The outbox gauges keep their last values: %s", e.getMessage()))
                .onFailure().recoverWithNull();
    }
}
