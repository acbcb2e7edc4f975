package io.ferry.job.backupinstance;

import jakarta.enterprise.context.ApplicationScoped;

import io.ferry.events.backupinstance.BackupInstanceChanged;
import io.ferry.messaging.outbox.Outbox;
import io.ferry.rest.store.StoredDocument;
import io.smallrye.mutiny.Uni;

/** Publishes every change of a backupinstance as BackupInstanceChanged, in the caller's transaction. */
@ApplicationScoped
public class BackupInstanceEvents {

    private final Outbox outbox;

    public BackupInstanceEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    /** {@code instance} as stored in {@code stored}, at {@code revision}; {@code removed}: it no longer exists. */
    public Uni<Void> changed(StoredDocument stored, BackupInstance instance, boolean removed, long revision) {
        return outbox.append(stored.orgId(), stored.id(), new BackupInstanceChanged(stored.id(), instance.type(), instance.state(),
                instance.cluster().id(), instance.backupdef().id(), instance.offloadDef(), instance.backupJobId(),
                instance.endTime() == null ? null : instance.endTime().getEpochSecond(), instance.retainDays(),
                instance.expiry().map(expiry -> expiry.getEpochSecond()).orElse(null), revision, removed))
                .replaceWithVoid();
    }
}
