package io.ferry.scheduler.firing;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.ferry.events.EventCatalog;
import io.ferry.events.Topics;
import io.ferry.events.vocabulary.TriggerType;
import io.ferry.messaging.ApplicationStopping;
import io.ferry.scheduler.SchedulerConfig;
import io.ferry.scheduler.cron.CronSchedules;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;

/**
 * Fires due schedules exactly once. Due slots that share a cron expression, a time zone and a due time form
 * a group with one next fire time (computed here, DST-aware); each group is fired by one statement that
 * claims its slots with {@code FOR UPDATE SKIP LOCKED} (instances running side by side never take the same
 * slot), moves them to the next time and records their triggers in the outbox, so a crash neither loses nor
 * repeats a fire. The trigger id is derived from the definition, the schedule entry and the due time, so
 * job-service would ignore even a repeat. After downtime a slot fires once for its whole missed window, then
 * continues from now (no catch-up storm), and the log says so. Paused definitions move on without firing.
 *
 * <p>The trigger payloads are built in SQL with the field names of {@code OffloadTriggered} and
 * {@code BackupTriggered} (common-events); FirerTest decodes them into those records.
 */
@ApplicationScoped
public class Firer {

    private static final Logger LOG = Logger.getLogger(Firer.class);
    private static final Duration LATE = Duration.ofMinutes(1);
    private static final String EARLIEST_DUE_GROUP = """
            SELECT cron, timezone, extract(epoch FROM next_fire_at)::bigint
            FROM fire_slot WHERE next_fire_at <= to_timestamp(CAST(:now AS bigint))
            ORDER BY next_fire_at LIMIT 1""";
    private static final String CLAIM = """
            claimed AS (
                SELECT definition_id, schedule_index FROM fire_slot
                WHERE next_fire_at = to_timestamp(CAST(:due AS bigint)) AND cron = CAST(:cron AS text) AND timezone = CAST(:timezone AS text)
                LIMIT :limit FOR UPDATE SKIP LOCKED)""";
    private static final String MOVE = """
            moved AS (
                UPDATE fire_slot s SET next_fire_at = to_timestamp(CAST(:next AS bigint))
                FROM claimed c WHERE s.definition_id = c.definition_id AND s.schedule_index = c.schedule_index
                RETURNING s.definition_id, s.schedule_index, s.org_id, s.retain_days, s.locked)""";
    private static final String REMOVE = """
            moved AS (
                DELETE FROM fire_slot s USING claimed c
                WHERE s.definition_id = c.definition_id AND s.schedule_index = c.schedule_index
                RETURNING s.definition_id, s.schedule_index, s.org_id, s.retain_days, s.locked)""";
    private static final String RECORD_TRIGGERS = """
            fired AS (
                INSERT INTO outbox_event (id, topic, event_key, ce_type, org_id, payload)
                SELECT gen_random_uuid(), CAST(:topic AS text), m.definition_id,
                       CASE d.kind WHEN 'KUBEBACKUP' THEN CAST(:backupType AS text) ELSE CAST(:offloadType AS text) END,
                       m.org_id,
                       jsonb_strip_nulls(CASE d.kind WHEN 'KUBEBACKUP' THEN jsonb_build_object(
                           'triggerId', trim(m.definition_id) || ':' || m.schedule_index || ':' || CAST(:due AS bigint),
                           'backupdefId', trim(m.definition_id), 'clusterId', trim(d.cluster_id), 'trigger', CAST(:trigger AS text),
                           'retainDays', m.retain_days, 'retentionLocked', m.locked, 'requestedAt', CAST(:requestedAt AS text),
                           'names', jsonb_build_object('cluster', c.name, 'backupdef', d.name))
                       ELSE jsonb_build_object(
                           'triggerId', trim(m.definition_id) || ':' || m.schedule_index || ':' || CAST(:due AS bigint),
                           'offloadId', trim(m.definition_id), 'backupdefId', trim(d.backupdef_id),
                           'clusterId', trim(d.cluster_id), 'trigger', CAST(:trigger AS text), 'retainDays', m.retain_days,
                           'retentionLocked', m.locked, 'runBackup', d.run_backup, 'deleteSnapshots', d.delete_snapshots, 'options', d.options,
                           'requestedAt', CAST(:requestedAt AS text),
                           'names', jsonb_build_object('cluster', c.name, 'backupdef', b.name, 'copydef', d.name)) END)::text
                FROM moved m
                JOIN scheduled_definition d ON d.id = m.definition_id
                LEFT JOIN scheduled_definition c ON c.id = d.cluster_id
                LEFT JOIN scheduled_definition b ON b.id = d.backupdef_id
                WHERE NOT d.pause
                ORDER BY m.definition_id, m.schedule_index
                RETURNING 1)""";
    private static final String RESULT = "SELECT (SELECT count(*) FROM moved), (SELECT count(*) FROM fired)";

    private final SchedulerConfig config;
    private final SchedulerMetrics metrics;

    public Firer(SchedulerConfig config, SchedulerMetrics metrics) {
        this.config = config;
        this.metrics = metrics;
    }

    @Scheduled(every = "${ferry.scheduler.fire-interval:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = ApplicationStopping.class)
    Uni<Void> fireDueNow() {
        return fireAllDue(Instant.now()).replaceWithVoid();
    }

    /** Fires everything due at {@code now}, group after group; returns how many slots fired (paused ones included). */
    public Uni<Integer> fireAllDue(Instant now) {
        return fireDue(now).repeat().whilst(fired -> fired > 0)
                .collect().asList().map(batches -> batches.stream().mapToInt(Integer::intValue).sum());
    }

    /** One transaction: fires up to {@code fire-batch-size} slots of the earliest due group. */
    @WithTransaction
    public Uni<Integer> fireDue(Instant now) {
        return Panache.getSession().chain(session -> session.createNativeQuery(EARLIEST_DUE_GROUP, Object[].class)
                .setParameter("now", now.getEpochSecond())
                .getResultList()
                .chain(groups -> {
                    if (groups.isEmpty()) {
                        return Uni.createFrom().item(0);
                    }
                    Object[] group = groups.get(0);
                    return fireGroup(group[0].toString(), group[1].toString(), Instant.ofEpochSecond(((Number) group[2]).longValue()), now);
                }));
    }

    private Uni<Integer> fireGroup(String cron, String timezone, Instant due, Instant now) {
        Optional<Instant> next = CronSchedules.nextFire(cron, timezone, now.isAfter(due) ? now : due);
        String sql = "WITH " + CLAIM + ",\n" + (next.isPresent() ? MOVE : REMOVE) + ",\n" + RECORD_TRIGGERS + "\n" + RESULT;
        return Panache.getSession().chain(session -> {
            var query = session.createNativeQuery(sql, Object[].class)
                    .setParameter("due", due.getEpochSecond())
                    .setParameter("cron", cron)
                    .setParameter("timezone", timezone)
                    .setParameter("limit", config.fireBatchSize())
                    .setParameter("topic", Topics.TRIGGERS)
                    .setParameter("backupType", EventCatalog.BACKUP_TRIGGERED.ceType())
                    .setParameter("offloadType", EventCatalog.OFFLOAD_TRIGGERED.ceType())
                    .setParameter("trigger", TriggerType.SCHEDULED.name())
                    .setParameter("requestedAt", now.toString());
            next.ifPresent(time -> query.setParameter("next", time.getEpochSecond()));
            return query.getSingleResult();
        }).map(counts -> {
            int moved = ((Number) counts[0]).intValue();
            boolean late = Duration.between(due, now).compareTo(LATE) > 0;
            metrics.fired(((Number) counts[1]).intValue(), late ? moved : 0);
            if (moved > 0 && late) {
                LOG.infof("%d schedule(s) due at %s were missed (scheduler not running); fired once now, next at %s", moved,
                        due, next.map(Instant::toString).orElse("never"));
            }
            return moved;
        });
    }
}
