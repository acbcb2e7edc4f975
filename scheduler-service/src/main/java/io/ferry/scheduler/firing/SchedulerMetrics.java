package io.ferry.scheduler.firing;

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

/**
 * The scheduler's figures: {@code ferry_scheduler_fires_total} (triggers recorded by scheduled runs),
 * {@code ferry_scheduler_missed_windows_total} (slots that fired late, once for a window missed while no scheduler
 * ran) and {@code ferry_scheduler_slots_due} (slots whose time has come and that wait to fire). The gauge is read from
 * the database every {@code ferry.metrics.refresh-interval} (5 s), not when scraped; every instance reads the same
 * slots, so it is per database (aggregate with max, not sum).
 */
@ApplicationScoped
public class SchedulerMetrics {

    public static final String FIRES = "ferry.scheduler.fires";
    public static final String MISSED_WINDOWS = "ferry.scheduler.missed.windows";
    public static final String SLOTS_DUE = "ferry.scheduler.slots.due";

    private static final Logger LOG = Logger.getLogger(SchedulerMetrics.class);

    private final Pool pool;
    private final Counter fires;
    private final Counter missedWindows;
    private final AtomicLong slotsDue = new AtomicLong();
    private final MeterRegistry registry;
    private final Gauge slotsDueGauge;

    public SchedulerMetrics(MeterRegistry registry, Pool pool) {
        this.pool = pool;
        this.registry = registry;
        this.fires = Counter.builder(FIRES).description("Scheduled runs triggered").register(registry);
        this.missedWindows = Counter.builder(MISSED_WINDOWS)
                .description("Schedule slots that fired more than a minute late (the scheduler was not running)").register(registry);
        this.slotsDueGauge = Gauge.builder(SLOTS_DUE, slotsDue, AtomicLong::get)
                .description("Schedule slots whose fire time has passed and that have not fired").register(registry);
    }

    /**
     * The registry is Micrometer's global one, which outlives the application in a JVM that starts it again (tests,
     * dev mode); a gauge left there would keep reading this instance's (weakly held, soon collected) values.
     */
    @PreDestroy
    void removeGauge() {
        registry.remove(slotsDueGauge);
    }

    /**
     * @param fired  triggers recorded
     * @param missed slots that fired late
     */
    void fired(int fired, int missed) {
        fires.increment(fired);
        missedWindows.increment(missed);
    }

    @Scheduled(every = "${ferry.metrics.refresh-interval:5s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = ApplicationStopping.class)
    Uni<Void> refresh() {
        return pool.withConnection(connection -> connection.query("SELECT count(*) FROM fire_slot WHERE next_fire_at <= now()").execute())
                .invoke(rows -> slotsDue.set(rows.iterator().next().getLong(0)))
                .replaceWithVoid()
                .onFailure().invoke(e -> LOG.debugf("The slots-due gauge keeps its last value: %s", e.getMessage()))
                .onFailure().recoverWithNull();
    }
}
