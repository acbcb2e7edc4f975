package io.ferry.rest;

import java.util.Iterator;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.ferry.rest.auth.Caller;
import io.ferry.rest.error.EveException;
import io.ferry.rest.http.Preconditions;
import io.ferry.rest.schema.Field;
import io.ferry.rest.schema.ResourceSchema;
import io.ferry.rest.store.DocumentStore;
import io.ferry.rest.store.StoredDocument;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * The writes of the Eve layer, each one transaction: the document, the hooks' work and their events
 * commit together. Concurrent writers with the same ETag: the first UPDATE wins, the other gets 412.
 */
@ApplicationScoped
public class DocumentWrites {

    private final DocumentStore store;

    public DocumentWrites(DocumentStore store) {
        this.store = store;
    }

    /** @param requestedId the id the client chose (unique among all organisations' documents), or null for a new one */
    @WithTransaction
    public Uni<StoredDocument> create(ResourceSchema schema, Caller caller, String requestedId, ObjectNode document,
            ResourceHooks hooks) {
        if (requestedId == null) {
            return insert(schema, caller, ObjectIds.next(), document, hooks);
        }
        return store.idTaken(schema, requestedId).chain(taken -> {
            if (taken) {
                return Uni.createFrom().failure(EveException.invalid(Map.of("_id", "value '" + requestedId + "' is not unique")));
            }
            return insert(schema, caller, requestedId, document, hooks);
        });
    }

    private Uni<StoredDocument> insert(ResourceSchema schema, Caller caller, String id, ObjectNode document, ResourceHooks hooks) {
        return hooks.prepare(caller, id, document, Optional.empty())
                .chain(prepared -> store.insert(schema, caller.orgId(), id, prepared))
                .call(stored -> hooks.afterWrite(caller, stored, true));
    }

    /** PUT: the new document replaces the old one; read-only and server-managed fields stay. */
    @WithTransaction
    public Uni<StoredDocument> replace(ResourceSchema schema, Caller caller, String id, String ifMatch, ObjectNode document,
            ResourceHooks hooks) {
        return existing(schema, caller, id)
                .invoke(current -> Preconditions.requireMatch(ifMatch, current))
                .chain(current -> write(schema, caller, current, keepReadOnly(schema, current.doc(), document), hooks));
    }

    /** PATCH: the fields sent are merged into the document (nested documents too). */
    @WithTransaction
    public Uni<StoredDocument> patch(ResourceSchema schema, Caller caller, String id, String ifMatch, ObjectNode changes,
            ResourceHooks hooks) {
        return existing(schema, caller, id)
                .invoke(current -> Preconditions.requireMatch(ifMatch, current))
                .chain(current -> write(schema, caller, current, merge(current.doc().deepCopy(), changes), hooks));
    }

    @WithTransaction
    public Uni<Void> delete(ResourceSchema schema, Caller caller, String id, String ifMatch, ResourceHooks hooks) {
        return existing(schema, caller, id)
                .invoke(current -> Preconditions.checkMatch(ifMatch, current))
                .call(current -> hooks.beforeDelete(caller, current))
                .call(current -> store.delete(schema, current).invoke(deleted -> {
                    if (!deleted) {
                        throw new EveException(412, "Client and server etags don't match");
                    }
                }))
                .call(current -> hooks.afterDelete(caller, current))
                .replaceWithVoid();
    }

    private Uni<StoredDocument> write(ResourceSchema schema, Caller caller, StoredDocument current, ObjectNode document,
            ResourceHooks hooks) {
        return hooks.prepare(caller, current.id(), document, Optional.of(current))
                .chain(prepared -> store.update(schema, current, prepared))
                .map(updated -> updated.orElseThrow(() -> new EveException(412, "Client and server etags don't match")))
                .call(stored -> hooks.afterWrite(caller, stored, false));
    }

    private Uni<StoredDocument> existing(ResourceSchema schema, Caller caller, String id) {
        if (!ObjectIds.isValid(id)) {
            return Uni.createFrom().failure(EveException.notFound());
        }
        return store.find(schema, caller.orgId(), id).map(found -> found.orElseThrow(EveException::notFound));
    }

    private static ObjectNode keepReadOnly(ResourceSchema schema, ObjectNode current, ObjectNode replacement) {
        for (Field field : schema.fields().values()) {
            if ((field.isReadOnly() || field.isServerManaged()) && current.has(field.name())) {
                replacement.set(field.name(), current.get(field.name()));
            }
        }
        return replacement;
    }

    static ObjectNode merge(ObjectNode target, ObjectNode changes) {
        Iterator<Map.Entry<String, JsonNode>> entries = changes.fields();
        while (entries.hasNext()) {
            Map.Entry<String, JsonNode> change = entries.next();
            JsonNode existing = target.get(change.getKey());
            if (existing != null && existing.isObject() && change.getValue().isObject()) {
                merge((ObjectNode) existing, (ObjectNode) change.getValue());
            } else {
                target.set(change.getKey(), change.getValue());
            }
        }
        return target;
    }
}
