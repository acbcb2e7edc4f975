package io.ferry.offload.cluster;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.ferry.events.definition.DefinitionChanged;
import io.ferry.events.definition.DefinitionDeleted;
import io.ferry.events.definition.DefinitionKind;
import io.ferry.messaging.outbox.Outbox;
import io.ferry.rest.ResourceHooks;
import io.ferry.rest.auth.Caller;
import io.ferry.rest.store.StoredDocument;
import io.smallrye.mutiny.Uni;

/**
 * A new cluster starts PENDING (until its agent reports in). Every change and deletion is announced as
 * DefinitionChanged/DefinitionDeleted in the same transaction.
 */
@ApplicationScoped
public class KubeclusterHooks implements ResourceHooks {

    private final Outbox outbox;

    public KubeclusterHooks(Outbox outbox) {
        this.outbox = outbox;
    }

    @Override
    public Uni<ObjectNode> prepare(Caller caller, ObjectNode document, Optional<StoredDocument> existing) {
        if (existing.isEmpty()) {
            document.putObject("status").put("state", "PENDING");
        }
        return Uni.createFrom().item(document);
    }

    @Override
    public Uni<Void> afterWrite(Caller caller, StoredDocument stored, boolean created) {
        return outbox.append(caller.orgId(), stored.id(),
                DefinitionChanged.ofCluster(stored.id(), stored.revision(), stored.text("name"))).replaceWithVoid();
    }

    @Override
    public Uni<Void> afterDelete(Caller caller, StoredDocument deleted) {
        return outbox.append(caller.orgId(), deleted.id(),
                new DefinitionDeleted(deleted.id(), DefinitionKind.KUBECLUSTER, deleted.revision() + 1)).replaceWithVoid();
    }
}
