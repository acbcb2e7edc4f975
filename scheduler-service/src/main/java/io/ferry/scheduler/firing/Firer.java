package io.ferry.scheduler.firing;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.ferry.events.trigger.BackupTriggered;
import io.ferry.events.trigger.DefinitionNames;
import io.ferry.events.trigger.OffloadTriggered;
import io.ferry.messaging.outbox.Outbox;
import io.ferry.scheduler.SchedulerConfig;
import io.ferry.scheduler.policy.CronSchedules;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;

/**
 * Fires due schedules exactly once. Due slots are claimed with {@code FOR UPDATE SKIP LOCKED}, so instances
 * running side by side never take the same one; the trigger goes to the outbox and the slot moves to its
 * next time in the same transaction, so a crash neither loses nor repeats a fire. The trigger id is derived
 * from the definition, the schedule entry and the due time, so job-service would ignore even a repeat.
 * After downtime a slot fires once for its whole missed window, then continues from now (no catch-up
 * storm), and the log says so.
 */
@ApplicationScoped
public class Firer {

    private static final Logger LOG = Logger.getLogger(Firer.class);
    private static final Duration LATE = Duration.ofMinutes(1);
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };
    private static final String CLAIM_DUE = """
            SELECT s.definition_id, s.schedule_index, s.org_id, s.cron, s.timezone, s.retain_days,
                   extract(epoch FROM s.next_fire_at)::bigint,
                   d.kind, d.name, d.cluster_id, d.backupdef_id, d.pause, d.run_backup, d.delete_snapshots, d.options::text,
                   c.name, b.name
            FROM fire_slot s
            JOIN scheduled_definition d ON d.id = s.definition_id
            LEFT JOIN scheduled_definition c ON c.id = d.cluster_id
            LEFT JOIN scheduled_definition b ON b.id = d.backupdef_id
            WHERE s.next_fire_at <= to_timestamp(:now)
            ORDER BY s.next_fire_at
            LIMIT :limit
            FOR UPDATE OF s SKIP LOCKED""";

    private static final String MOVE_SLOTS = """
            UPDATE fire_slot s SET next_fire_at = to_timestamp(u.next)
            FROM unnest(CAST(:definitions AS text[]), CAST(:entries AS int[]), CAST(:next AS bigint[])) AS u(definition_id, entry, next)
            WHERE s.definition_id = u.definition_id AND s.schedule_index = u.entry AND u.next IS NOT NULL""";
    private static final String DROP_FINISHED = """
            DELETE FROM fire_slot s
            USING unnest(CAST(:definitions AS text[]), CAST(:entries AS int[]), CAST(:next AS bigint[])) AS u(definition_id, entry, next)
            WHERE s.definition_id = u.definition_id AND s.schedule_index = u.entry AND u.next IS NULL""";

    private final Outbox outbox;
    private final SchedulerConfig config;
    private final ObjectMapper mapper;

    public Firer(Outbox outbox, SchedulerConfig config, ObjectMapper mapper) {
        this.outbox = outbox;
        this.config = config;
        this.mapper = mapper;
    }

    @Scheduled(every = "${ferry.scheduler.fire-interval:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> fireDueNow() {
        return fireAllDue(Instant.now()).replaceWithVoid();
    }

    /** Fires everything due at {@code now}, batch after batch; returns how many triggers were recorded. */
    public Uni<Integer> fireAllDue(Instant now) {
        return fireDue(now).repeat().whilst(fired -> fired == config.fireBatchSize())
                .collect().asList().map(batches -> batches.stream().mapToInt(Integer::intValue).sum());
    }

    /**
     * One batch: claims up to {@code fire-batch-size} due slots, records their triggers in the outbox and moves
     * them to their next times, in two statements.
     */
    @WithTransaction
    public Uni<Integer> fireDue(Instant now) {
        return Panache.getSession().chain(session -> session.createNativeQuery(CLAIM_DUE, Object[].class)
                .setParameter("now", now.getEpochSecond())
                .setParameter("limit", config.fireBatchSize())
                .getResultList())
                .chain(rows -> {
                    List<Outbox.Pending> triggers = new ArrayList<>();
                    Map<String, Optional<Instant>> nextTimesOf = new HashMap<>();
                    String[] definitions = new String[rows.size()];
                    Integer[] entries = new Integer[rows.size()];
                    Long[] nextTimes = new Long[rows.size()];
                    for (int i = 0; i < rows.size(); i++) {
                        DueSlot slot = DueSlot.of(rows.get(i));
                        Instant due = Instant.ofEpochSecond(slot.dueEpoch());
                        Instant after = now.isAfter(due) ? now : due;
                        Optional<Instant> next = nextTimesOf.computeIfAbsent(slot.cron() + '|' + slot.timezone() + '|' + after,
                                key -> CronSchedules.nextFire(slot.cron(), slot.timezone(), after));
                        if (Duration.between(due, now).compareTo(LATE) > 0) {
                            LOG.infof("Schedule %d of %s was due at %s and missed (scheduler not running); firing it once now, next at %s",
                                    slot.scheduleIndex(), slot.definitionId(), due, next.map(Instant::toString).orElse("never"));
                        }
                        if (!slot.pause()) {
                            triggers.add(new Outbox.Pending(slot.orgId(), slot.definitionId(), trigger(slot, due, now)));
                        }
                        definitions[i] = slot.definitionId();
                        entries[i] = slot.scheduleIndex();
                        nextTimes[i] = next.map(Instant::getEpochSecond).orElse(null);
                    }
                    return outbox.appendAll(triggers)
                            .chain(() -> moveSlots(definitions, entries, nextTimes))
                            .replaceWith(rows.size());
                });
    }

    /** Moves each slot to its next time; a slot that never fires again is removed. */
    private static Uni<Void> moveSlots(String[] definitions, Integer[] entries, Long[] nextTimes) {
        if (definitions.length == 0) {
            return Uni.createFrom().voidItem();
        }
        return Panache.getSession().chain(session -> session.createNativeQuery(MOVE_SLOTS)
                .setParameter("definitions", definitions).setParameter("entries", entries).setParameter("next", nextTimes)
                .executeUpdate()
                .chain(() -> session.createNativeQuery(DROP_FINISHED)
                        .setParameter("definitions", definitions).setParameter("entries", entries).setParameter("next", nextTimes)
                        .executeUpdate()))
                .replaceWithVoid();
    }

    private Object trigger(DueSlot slot, Instant due, Instant now) {
        String triggerId = slot.definitionId() + ":" + slot.scheduleIndex() + ":" + due.getEpochSecond();
        if ("KUBEBACKUP".equals(slot.kind())) {
            return new BackupTriggered(triggerId, slot.definitionId(), slot.clusterId(), "SCHEDULED", slot.retainDays(), now,
                    new DefinitionNames(slot.clusterName(), slot.name(), null));
        }
        return new OffloadTriggered(triggerId, slot.definitionId(), slot.backupdefId(), slot.clusterId(), "SCHEDULED",
                slot.retainDays(), slot.runBackup(), slot.deleteSnapshots(), options(slot.options()), null, now,
                new DefinitionNames(slot.clusterName(), slot.backupdefName(), slot.name()));
    }

    private Map<String, Object> options(String json) {
        try {
            return json == null ? null : mapper.readValue(json, MAP);
        } catch (Exception e) {
            throw new IllegalStateException("Stored options are not JSON", e);
        }
    }

    /** A claimed due slot with what firing it needs. */
    record DueSlot(String definitionId, int scheduleIndex, String orgId, String cron, String timezone, int retainDays,
            long dueEpoch, String kind, String name, String clusterId, String backupdefId, boolean pause, boolean runBackup,
            boolean deleteSnapshots, String options, String clusterName, String backupdefName) {

        static DueSlot of(Object[] row) {
            return new DueSlot(text(row[0]), ((Number) row[1]).intValue(), text(row[2]), text(row[3]), text(row[4]),
                    ((Number) row[5]).intValue(), ((Number) row[6]).longValue(), text(row[7]), text(row[8]), text(row[9]),
                    text(row[10]), (Boolean) row[11], (Boolean) row[12], (Boolean) row[13], text(row[14]), text(row[15]),
                    text(row[16]));
        }

        private static String text(Object value) {
            return value == null ? null : value.toString().trim();
        }
    }
}
