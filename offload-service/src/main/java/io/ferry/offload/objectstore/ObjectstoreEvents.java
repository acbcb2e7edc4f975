package io.ferry.offload.objectstore;

import jakarta.enterprise.context.ApplicationScoped;

import io.ferry.events.objectstore.ObjectstoreChanged;
import io.ferry.events.objectstore.ObjectstoreDeleted;
import io.ferry.messaging.outbox.Outbox;
import io.ferry.offload.schema.ObjectstoreSchema;
import io.ferry.rest.store.StoredDocument;
import io.smallrye.mutiny.Uni;

/** Announces objectstore changes and deletions on the definitions topic (through the outbox, in the write's transaction). */
@ApplicationScoped
public class ObjectstoreEvents {

    private final Outbox outbox;

    public ObjectstoreEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    Uni<Void> changed(String orgId, StoredDocument stored) {
        return outbox.append(orgId, stored.id(), new ObjectstoreChanged(stored.id(), stored.revision(),
                ObjectstoreTargets.of(stored.id(), stored.doc()), stored.doc().path(ObjectstoreSchema.LOCKED).asBoolean(false)))
                .replaceWithVoid();
    }

    Uni<Void> deleted(String orgId, StoredDocument deleted) {
        return outbox.append(orgId, deleted.id(), new ObjectstoreDeleted(deleted.id(), deleted.revision() + 1)).replaceWithVoid();
    }
}
