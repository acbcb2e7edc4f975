package io.ferry.scheduler.retention;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import io.ferry.events.EventEnvelope;
import io.ferry.events.backupinstance.BackupInstanceChanged;
import io.ferry.messaging.inbox.IdempotentConsumer;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * Keeps {@code recovery_point} at each backupinstance's newest revision: its state, its expiry (null while PENDING) and
 * whether it was removed. Idempotent by itself: an event applies only when its revision is newer, and the deletions
 * already fired for a backupinstance are kept across its changes.
 */
@ApplicationScoped
public class RecoveryPointsConsumer {

    private static final String UPSERT = """
            INSERT INTO recovery_point (id, org_id, state, expires_at, revision, removed)
            VALUES (:id, :org, :state, to_timestamp(CAST(:expires AS bigint)), :revision, :removed)
            ON CONFLICT (id) DO UPDATE SET state = EXCLUDED.state, expires_at = EXCLUDED.expires_at, revision = EXCLUDED.revision,
                removed = EXCLUDED.removed
            WHERE recovery_point.revision < EXCLUDED.revision""";

    private final IdempotentConsumer consumer;

    public RecoveryPointsConsumer(IdempotentConsumer consumer) {
        this.consumer = consumer;
    }

    @Incoming("backupinstances")
    Uni<Void> onBackupInstance(Message<String> message) {
        return consumer.consumeRepeatable("recovery-points", message, this::apply);
    }

    private Uni<Void> apply(EventEnvelope<?> event) {
        if (!(event.data() instanceof BackupInstanceChanged changed)) {
            return Uni.createFrom().voidItem();
        }
        return Panache.getSession().chain(session -> session.createNativeQuery(UPSERT)
                .setParameter("id", changed.backupInstanceId())
                .setParameter("org", event.orgId())
                .setParameter("state", changed.state().name())
                .setParameter("expires", changed.expiryTime())
                .setParameter("revision", changed.revision())
                .setParameter("removed", changed.removed())
                .executeUpdate()).replaceWithVoid();
    }
}
