package io.ferry.rest;

import java.util.Optional;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.ferry.rest.auth.Caller;
import io.ferry.rest.store.StoredDocument;
import io.smallrye.mutiny.Uni;

/**
 * A resource's own rules around the generic Eve behaviour. Every hook runs inside the write's transaction,
 * so a hook that records an event (outbox) commits or rolls back with the write.
 */
public interface ResourceHooks {

    ResourceHooks NONE = new ResourceHooks() {
    };

    /**
     * Checks and completes a schema-valid document before it is stored (cross-field rules, references,
     * derived fields). Fail with an {@code EveException} to refuse it.
     *
     * @param id       the document's id (already chosen for a POST)
     * @param existing the stored document for PUT and PATCH, empty for POST
     */
    default Uni<ObjectNode> prepare(Caller caller, String id, ObjectNode document, Optional<StoredDocument> existing) {
        return Uni.createFrom().item(document);
    }

    /** After an insert ({@code created}) or an update. */
    default Uni<Void> afterWrite(Caller caller, StoredDocument stored, boolean created) {
        return Uni.createFrom().voidItem();
    }

    /** Before a delete; fail (for example with 409) to refuse it. */
    default Uni<Void> beforeDelete(Caller caller, StoredDocument existing) {
        return Uni.createFrom().voidItem();
    }

    default Uni<Void> afterDelete(Caller caller, StoredDocument deleted) {
        return Uni.createFrom().voidItem();
    }
}
