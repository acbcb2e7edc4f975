package io.ferry.scheduler.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

import jakarta.inject.Inject;
import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;

import io.ferry.scheduler.firing.Firer;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Firing benchmark (a harness that prints figures, not a test: surefire's default includes leave it out).
 * N SCHEDULED definitions fall due in the same minute; it measures the time until the last trigger event
 * is on the broker (fired, recorded in the outbox, published and acknowledged), next to db-scheduler
 * executing N due one-time tasks on the same PostgreSQL in the same run.
 *
 * <pre>
 * ./mvnw -B -q install -DskipTests
 * ./mvnw -B -pl scheduler-service test -Dtest=SchedulerFireBenchmark [-Dferry.bench.definitions=100000]
 * </pre>
 */
@QuarkusTest
class SchedulerFireBenchmark {

    private static final long POLL_NANOS = Duration.ofMillis(20).toNanos();

    @Inject
    Firer firer;

    @Inject
    Pool pool;

    @Inject
    DataSource dataSource;

    @Test
    void fireManyDueAtOnce() throws Throwable {
        int definitions = Integer.getInteger("ferry.bench.definitions", 100_000);
        Instant due = Instant.now().truncatedTo(ChronoUnit.MINUTES).plus(Duration.ofMinutes(1));

        pool.preparedQuery("""
                INSERT INTO scheduled_definition (id, org_id, kind, name, cluster_id, backupdef_id, policy_id, trigger_type, revision)
                SELECT 'b' || lpad(to_hex(n), 23, '0'), 'bench', 'KUBEOFFLOAD', 'copy-' || n, repeat('c', 24), repeat('d', 24),
                       repeat('e', 24), 'SCHEDULED', 1
                FROM generate_series(1, $1) AS n""").execute(Tuple.of(definitions)).await().indefinitely();
        pool.preparedQuery("""
                INSERT INTO fire_slot (definition_id, schedule_index, org_id, policy_id, cron, timezone, retain_days, next_fire_at)
                SELECT 'b' || lpad(to_hex(n), 23, '0'), 0, 'bench', repeat('e', 24), '* * * * *', 'UTC', 7, to_timestamp($2)
                FROM generate_series(1, $1) AS n""").execute(Tuple.of(definitions, due.getEpochSecond())).await().indefinitely();

        long start = System.nanoTime();
        int fired = VertxContextSupport.subscribeAndAwait(() -> firer.fireAllDue(due));
        long recorded = System.nanoTime();
        while (count("SELECT count(*) FROM outbox_event") > 0) {
            LockSupport.parkNanos(POLL_NANOS);
        }
        long onBroker = System.nanoTime();

        double dbScheduler = dbSchedulerSeconds(definitions);

        System.out.printf("%n=== scheduler-service firing benchmark (%d definitions due in the same minute) ===%n", definitions);
        System.out.printf("ferry: fired and recorded in the outbox    %8.2f s%n", seconds(recorded - start));
        System.out.printf("ferry: last trigger event on the broker    %8.2f s  (%,.0f definitions/s)%n",
                seconds(onBroker - start), definitions / seconds(onBroker - start));
        System.out.printf("db-scheduler: %d due tasks executed    %8.2f s  (%,.0f tasks/s)%n", definitions, dbScheduler,
                definitions / dbScheduler);
        System.out.printf("ferry / db-scheduler time                  %8.2f%n%n", seconds(onBroker - start) / dbScheduler);
        assertThat(fired).isEqualTo(definitions);
        assertThat(count("SELECT count(*) FROM fire_slot WHERE org_id = 'bench' AND next_fire_at > to_timestamp(" + due.getEpochSecond() + ")"))
                .isEqualTo(definitions);
    }

    /** db-scheduler (lock-and-fetch polling, as its docs recommend for throughput on PostgreSQL) runs N due tasks. */
    private double dbSchedulerSeconds(int tasks) {
        pool.query("DROP TABLE IF EXISTS scheduled_tasks").execute().await().indefinitely();
        pool.query("""
                CREATE TABLE scheduled_tasks (
                    task_name text NOT NULL, task_instance text NOT NULL, task_data bytea,
                    execution_time timestamptz NOT NULL, picked boolean NOT NULL, picked_by text,
                    last_success timestamptz, last_failure timestamptz, consecutive_failures int,
                    last_heartbeat timestamptz, version bigint NOT NULL, priority smallint,
                    PRIMARY KEY (task_name, task_instance))""").execute().await().indefinitely();
        pool.query("CREATE INDEX execution_time_idx ON scheduled_tasks (execution_time)").execute().await().indefinitely();
        pool.query("CREATE INDEX last_heartbeat_idx ON scheduled_tasks (last_heartbeat)").execute().await().indefinitely();
        pool.query("CREATE INDEX priority_execution_time_idx ON scheduled_tasks (priority DESC, execution_time ASC)")
                .execute().await().indefinitely();
        pool.preparedQuery("""
                INSERT INTO scheduled_tasks (task_name, task_instance, execution_time, picked, version, priority)
                SELECT 'bench', 'task-' || n, now() - interval '1 second', false, 1, 0 FROM generate_series(1, $1) AS n""")
                .execute(Tuple.of(tasks)).await().indefinitely();

        AtomicInteger executed = new AtomicInteger();
        OneTimeTask<Void> task = Tasks.oneTime("bench").execute((instance, context) -> executed.incrementAndGet());
        Scheduler scheduler = Scheduler.create(dataSource, task)
                .threads(10)
                .pollingInterval(Duration.ofMillis(100))
                .pollUsingLockAndFetch(0.5, 4.0)
                .build();
        long start = System.nanoTime();
        scheduler.start();
        while (count("SELECT count(*) FROM scheduled_tasks") > 0) {
            LockSupport.parkNanos(POLL_NANOS);
        }
        long done = System.nanoTime();
        scheduler.stop();
        assertThat(executed.get()).isGreaterThanOrEqualTo(tasks);
        return seconds(done - start);
    }

    private long count(String sql) {
        return pool.query(sql).execute().await().indefinitely().iterator().next().getLong(0);
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }
}
