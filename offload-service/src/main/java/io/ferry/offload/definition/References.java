package io.ferry.offload.definition;

import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.ferry.rest.schema.ResourceSchema;
import io.ferry.rest.store.DocumentStore;
import io.ferry.rest.store.StoredDocument;
import io.smallrye.mutiny.Uni;

/** Checks that a reference field names a document of the caller's organisation (Eve's data relations). */
@ApplicationScoped
public class References {

    private final DocumentStore store;

    public References(DocumentStore store) {
        this.store = store;
    }

    /**
     * @return the referenced document; empty (with an issue recorded under {@code field}) when there is none
     */
    public Uni<Optional<StoredDocument>> resolve(ResourceSchema target, String orgId, String field, String id,
            Map<String, Object> issues) {
        if (id == null) {
            return Uni.createFrom().item(Optional.empty());
        }
        return store.find(target, orgId, id).invoke(found -> {
            if (found.isEmpty()) {
                issues.put(field, "value '" + id + "' must exist in resource '" + target.resource() + "', field '_id'.");
            }
        });
    }
}
