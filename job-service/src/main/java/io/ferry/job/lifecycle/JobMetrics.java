package io.ferry.job.lifecycle;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.ferry.events.vocabulary.JobState;
import io.ferry.events.vocabulary.JobType;
import io.ferry.messaging.ApplicationStopping;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Jobs as Prometheus sees them, after Velero's {@code velero_backup_*}: jobs started (dispatched to their agent) and
 * finished by type and end state (SKIPPED runs included), their duration by type, cancel requests, timeouts by reason,
 * and the jobs pending and running now. The two gauges are read from the database every
 * {@code ferry.metrics.refresh-interval} (5 s), not when scraped; every instance of job-service reads the same
 * jobs, so they are per database (aggregate with max, not sum).
 */
@ApplicationScoped
public class JobMetrics {

    public static final String STARTED = "ferry.jobs.started";
    public static final String FINISHED = "ferry.jobs.finished";
    public static final String DURATION = "ferry.job.duration";
    public static final String CANCEL_REQUESTS = "ferry.jobs.cancel.requests";
    public static final String TIMEOUTS = "ferry.jobs.timeouts";
    public static final String PENDING = "ferry.jobs.pending";
    public static final String RUNNING = "ferry.jobs.running";

    /** Why a timeout failed a job: the label {@code reason} of {@code ferry_jobs_timeouts_total}. */
    public enum TimeoutReason {
        /** It took longer than {@code ferry.job.timeout}. */
        JOB_TIMEOUT,
        /** Its cluster's agent has not been heard from for longer than {@code ferry.job.agent-timeout}. */
        AGENT_SILENT,
        /** No agent accepted it within {@code ferry.job.accept-timeout}. */
        NOT_ACCEPTED;

        String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private static final Logger LOG = Logger.getLogger(JobMetrics.class);
    private static final String UNFINISHED_QUERY = "SELECT type, state, count(*) FROM job WHERE state = ANY($1) GROUP BY type, state";
    private static final String[] UNFINISHED = JobState.UNFINISHED.stream().map(JobState::name).toArray(String[]::new);
    /** From a quick snapshot to a day-long copy. */
    private static final Duration[] DURATION_BUCKETS = List.of(1, 5, 15, 30, 60, 120, 300, 600, 1800, 3600, 7200, 21600, 43200, 86400)
            .stream().map(Duration::ofSeconds).toArray(Duration[]::new);

    private final MeterRegistry registry;
    private final Pool pool;
    private final Map<JobState, Map<JobType, AtomicLong>> unfinished = new EnumMap<>(JobState.class);
    private final List<Gauge> gauges = new ArrayList<>();

    public JobMetrics(MeterRegistry registry, Pool pool) {
        this.registry = registry;
        this.pool = pool;
        for (JobState state : JobState.UNFINISHED) {
            Map<JobType, AtomicLong> byType = new EnumMap<>(JobType.class);
            for (JobType type : JobType.values()) {
                AtomicLong count = new AtomicLong();
                byType.put(type, count);
                gauges.add(Gauge.builder(state == JobState.RUNNING ? RUNNING : PENDING, count, AtomicLong::get)
                        .description(state == JobState.RUNNING ? "Jobs running now" : "Jobs waiting for their agent to accept them")
                        .tag("type", type.name()).register(registry));
            }
            unfinished.put(state, byType);
        }
        // Every series from the start, at 0: rates and alerts have something to work on before the first job.
        for (JobType type : JobType.values()) {
            started(type);
            duration(type);
            cancelRequests(type);
            JobState.TERMINAL.forEach(state -> finished(type, state));
            for (TimeoutReason reason : TimeoutReason.values()) {
                timeouts(type, reason);
            }
        }
    }

    /**
     * The registry is Micrometer's global one, which outlives the application in a JVM that starts it again (tests,
     * dev mode); a gauge left there would keep reading this instance's (weakly held, soon collected) values.
     */
    @PreDestroy
    void removeGauges() {
        gauges.forEach(registry::remove);
    }

    /** A job was created: started if it was sent to its agent, finished if it ended at once (SKIPPED, FAILED). */
    void created(Job job) {
        if (job.state().isTerminal()) {
            finished(job.type(), job.state()).increment();
        } else {
            started(job.type()).increment();
        }
    }

    /** A stored job changed from {@code before} to {@code after}: counts its end and duration when it ended now. */
    void changed(Job before, Job after) {
        if (before.state().isTerminal() || !after.state().isTerminal()) {
            return;
        }
        finished(after.type(), after.state()).increment();
        if (after.startTime() != null && after.status().endTime() != null) {
            duration(after.type()).record(Duration.between(after.startTime(), after.status().endTime()));
        }
    }

    void cancelRequested(JobType type) {
        cancelRequests(type).increment();
    }

    void timedOut(JobType type, TimeoutReason reason) {
        timeouts(type, reason).increment();
    }

    @Scheduled(every = "${ferry.metrics.refresh-interval:5s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = ApplicationStopping.class)
    Uni<Void> refresh() {
        return pool.withConnection(connection -> connection.preparedQuery(UNFINISHED_QUERY).execute(Tuple.of(UNFINISHED)))
                .invoke(rows -> {
                    Map<JobState, Map<JobType, Long>> counted = new EnumMap<>(JobState.class);
                    for (Row row : rows) {
                        counted.computeIfAbsent(JobState.parse(row.getString(1)),
                                state -> new EnumMap<>(JobType.class)).merge(JobType.parse(row.getString(0)), row.getLong(2), Long::sum);
                    }
                    unfinished.forEach((state, byType) -> byType.forEach((type, count) ->
                            count.set(counted.getOrDefault(state, Map.of()).getOrDefault(type, 0L))));
                })
                .replaceWithVoid()
                .onFailure().invoke(e -> LOG.debugf("The job gauges keep their last values: %s", e.getMessage()))
                .onFailure().recoverWithNull();
    }

    private Counter started(JobType type) {
        return Counter.builder(STARTED).description("Jobs created and sent to their agent").tag("type", type.name()).register(registry);
    }

    private Counter finished(JobType type, JobState state) {
        return Counter.builder(FINISHED).description("Jobs that ended, by end state (a scheduled run skipped while the previous one ran included)")
                .tag("type", type.name()).tag("state", state.name()).register(registry);
    }

    private Timer duration(JobType type) {
        return Timer.builder(DURATION).description("How long jobs took, from creation to their end")
                .serviceLevelObjectives(DURATION_BUCKETS).tag("type", type.name()).register(registry);
    }

    private Counter cancelRequests(JobType type) {
        return Counter.builder(CANCEL_REQUESTS).description("Cancel requests sent to agents").tag("type", type.name()).register(registry);
    }

    private Counter timeouts(JobType type, TimeoutReason reason) {
        return Counter.builder(TIMEOUTS).description("Jobs failed by a timeout").tag("type", type.name()).tag("reason", reason.label())
                .register(registry);
    }
}
