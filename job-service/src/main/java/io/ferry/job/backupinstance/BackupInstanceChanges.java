package io.ferry.job.backupinstance;

import jakarta.enterprise.context.ApplicationScoped;

import io.ferry.events.backupinstance.BackupInstanceChanged;
import io.ferry.job.schema.BackupinstanceSchema;
import io.ferry.messaging.outbox.Outbox;
import io.ferry.rest.store.DocumentStore;
import io.ferry.rest.store.StoredDocument;
import io.smallrye.mutiny.Uni;

/** Stores changes of backupinstances and publishes each as BackupInstanceChanged, in the caller's transaction. */
@ApplicationScoped
public class BackupInstanceChanges {

    private final DocumentStore store;
    private final Outbox outbox;

    public BackupInstanceChanges(DocumentStore store, Outbox outbox) {
        this.store = store;
        this.outbox = outbox;
    }

    /** Stores {@code next} over {@code current} (whose row the caller has locked) and publishes it. */
    public Uni<Void> update(StoredDocument current, BackupInstance next) {
        return store.update(BackupinstanceSchema.SCHEMA, current, BackupInstanceMapper.toDocument(next))
                .map(updated -> updated.orElseThrow(() -> new IllegalStateException("Backupinstance " + current.id() + " changed while locked")))
                .chain(updated -> published(updated, next, false, updated.revision()));
    }

    /** {@code instance} as stored in {@code stored}, at {@code revision}; {@code removed}: it no longer exists. */
    public Uni<Void> published(StoredDocument stored, BackupInstance instance, boolean removed, long revision) {
        return outbox.append(stored.orgId(), stored.id(), new BackupInstanceChanged(stored.id(), instance.type(), instance.state(),
                instance.cluster().id(), instance.backupdef().id(), instance.offloadDef(), instance.backupJobId(),
                instance.endTime() == null ? null : instance.endTime().getEpochSecond(), instance.retainDays(),
                instance.expiry().map(expiry -> expiry.getEpochSecond()).orElse(null), revision, removed))
                .replaceWithVoid();
    }
}
