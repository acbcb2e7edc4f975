package io.ferry.scheduler.retention;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.ferry.events.EventCatalog;
import io.ferry.events.Topics;
import io.ferry.events.vocabulary.BackupInstanceState;
import io.ferry.events.vocabulary.DeletionReason;
import io.ferry.messaging.ApplicationStopping;
import io.ferry.scheduler.SchedulerConfig;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;

/**
 * Retention: asks job-service to delete every READY recovery point whose expiry has passed, once. One statement claims
 * due rows with {@code FOR UPDATE SKIP LOCKED} (instances side by side never take the same one), counts the deletion
 * and records DeleteBackupTriggered in the outbox, so a crash neither loses nor repeats it; after downtime everything
 * that expired meanwhile fires once. A recovery point asked for stays READY here until job-service's DELETING arrives;
 * it is asked for again only after {@code deletion-retry} (when its deletion failed), under a new trigger id. job-service
 * deletes only READY ones, so even a repeat deletes nothing twice.
 *
 * <p>The payload is built in SQL with the field names of {@code DeleteBackupTriggered} (common-events); RetentionTest
 * decodes it into that record.
 */
@ApplicationScoped
public class Expirer {

    private static final Logger LOG = Logger.getLogger(Expirer.class);
    private static final String FIRE = """
            WITH due AS (
                SELECT id FROM recovery_point
                WHERE NOT removed AND state = CAST(:ready AS text) AND expires_at <= to_timestamp(CAST(:now AS bigint))
                  AND (last_fired_at IS NULL OR last_fired_at <= to_timestamp(CAST(:now AS bigint) - CAST(:retry AS bigint)))
                ORDER BY expires_at LIMIT :limit FOR UPDATE SKIP LOCKED),
            fired AS (
                UPDATE recovery_point r SET deletions_fired = r.deletions_fired + 1, last_fired_at = to_timestamp(CAST(:now AS bigint))
                FROM due WHERE r.id = due.id
                RETURNING r.id, r.org_id, r.deletions_fired),
            recorded AS (
                INSERT INTO outbox_event (id, topic, event_key, ce_type, org_id, payload)
                SELECT gen_random_uuid(), CAST(:topic AS text), trim(f.id), CAST(:ceType AS text), f.org_id,
                       jsonb_build_object('triggerId', trim(f.id) || ':expired:' || f.deletions_fired, 'backupInstanceId', trim(f.id),
                           'reason', CAST(:reason AS text), 'requestedAt', CAST(:requestedAt AS text))::text
                FROM fired f ORDER BY f.id
                RETURNING 1)
            SELECT count(*) FROM recorded""";

    private final SchedulerConfig config;

    public Expirer(SchedulerConfig config) {
        this.config = config;
    }

    @Scheduled(every = "${ferry.scheduler.expire-interval:10s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = ApplicationStopping.class)
    Uni<Void> expireDueNow() {
        return expireAllDue(Instant.now()).replaceWithVoid();
    }

    /** Asks for the deletion of everything expired at {@code now}, batch after batch; returns how many. */
    public Uni<Integer> expireAllDue(Instant now) {
        return expireDue(now).repeat().whilst(fired -> fired > 0)
                .collect().asList().map(batches -> batches.stream().mapToInt(Integer::intValue).sum())
                .invoke(fired -> {
                    if (fired > 0) {
                        LOG.infof("%d recovery point(s) expired; their deletion was asked for", fired);
                    }
                });
    }

    /** One transaction: up to {@code fire-batch-size} expired recovery points. */
    @WithTransaction
    public Uni<Integer> expireDue(Instant now) {
        return Panache.getSession().chain(session -> session.createNativeQuery(FIRE, Object.class)
                .setParameter("ready", BackupInstanceState.READY.name())
                .setParameter("now", now.getEpochSecond())
                .setParameter("retry", config.deletionRetry().toSeconds())
                .setParameter("limit", config.fireBatchSize())
                .setParameter("topic", Topics.TRIGGERS)
                .setParameter("ceType", EventCatalog.DELETE_BACKUP_TRIGGERED.ceType())
                .setParameter("reason", DeletionReason.EXPIRED.name())
                .setParameter("requestedAt", now.toString())
                .getSingleResult()).map(count -> ((Number) count).intValue());
    }
}
