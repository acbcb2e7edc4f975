package io.ferry.offload.restore;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import io.ferry.events.EventEnvelope;
import io.ferry.events.backupinstance.BackupInstanceChanged;
import io.ferry.messaging.inbox.IdempotentConsumer;
import io.smallrye.mutiny.Uni;

/**
 * Keeps {@link BackupInstanceView} at each backupinstance's newest revision: a redelivered or older event changes
 * nothing, and a backupinstance stays with the organisation of its first event.
 */
@ApplicationScoped
public class BackupInstanceConsumer {

    private final IdempotentConsumer consumer;

    public BackupInstanceConsumer(IdempotentConsumer consumer) {
        this.consumer = consumer;
    }

    @Incoming("backupinstances")
    Uni<Void> onBackupInstance(Message<String> message) {
        return consumer.consumeRepeatable("backupinstance-view", message, this::apply);
    }

    private Uni<Void> apply(EventEnvelope<?> event) {
        if (!(event.data() instanceof BackupInstanceChanged changed) || changed.backupInstanceId() == null) {
            return Uni.createFrom().voidItem();
        }
        return BackupInstanceView.<BackupInstanceView>findById(changed.backupInstanceId()).chain(existing -> {
            if (existing != null && (existing.revision >= changed.revision() || !existing.orgId.equals(event.orgId()))) {
                return Uni.createFrom().voidItem();
            }
            BackupInstanceView view = existing == null ? new BackupInstanceView() : existing;
            view.id = changed.backupInstanceId();
            view.orgId = event.orgId();
            view.type = changed.type();
            view.state = changed.state();
            view.clusterId = changed.clusterId();
            view.backupdefId = changed.backupdefId();
            view.backupJobId = changed.backupJobId();
            view.revision = changed.revision();
            view.removed = changed.removed();
            return view.persist().replaceWithVoid();
        });
    }
}
