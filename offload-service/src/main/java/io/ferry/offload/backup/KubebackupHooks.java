package io.ferry.offload.backup;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.ferry.events.definition.DefinitionKind;
import io.ferry.offload.cluster.KubeclusterResource;
import io.ferry.offload.definition.DefinitionEvents;
import io.ferry.offload.definition.References;
import io.ferry.offload.definition.Triggers;
import io.ferry.offload.offload.KubeoffloadSchema;
import io.ferry.rest.ResourceHooks;
import io.ferry.rest.auth.Caller;
import io.ferry.rest.error.EveException;
import io.ferry.rest.store.DocumentStore;
import io.ferry.rest.store.StoredDocument;
import io.smallrye.mutiny.Uni;

/**
 * A kubebackup belongs to a cluster of the caller's organisation, needs a policy when SCHEDULED, and may
 * name the kubeoffload that copies it. It cannot be deleted while a kubeoffload copies it.
 */
@ApplicationScoped
public class KubebackupHooks implements ResourceHooks {

    private final References references;
    private final DefinitionEvents events;
    private final DocumentStore store;

    public KubebackupHooks(References references, DefinitionEvents events, DocumentStore store) {
        this.references = references;
        this.events = events;
        this.store = store;
    }

    @Override
    public Uni<ObjectNode> prepare(Caller caller, String id, ObjectNode document, Optional<StoredDocument> existing) {
        Map<String, Object> issues = new LinkedHashMap<>();
        if (Triggers.needsPolicy(document)) {
            issues.put("policy", "required field");
        }
        return references.resolve(KubeclusterResource.SCHEMA, caller.orgId(), "cluster", Triggers.text(document, "cluster"), issues)
                .chain(() -> references.resolve(KubeoffloadSchema.SCHEMA, caller.orgId(), "copydef", Triggers.text(document, "copydef"), issues))
                .map(ignored -> {
                    if (!issues.isEmpty()) {
                        throw EveException.invalid(issues);
                    }
                    return document;
                });
    }

    @Override
    public Uni<Void> afterWrite(Caller caller, StoredDocument stored, boolean created) {
        return events.changed(caller, DefinitionKind.KUBEBACKUP, stored);
    }

    @Override
    public Uni<Void> beforeDelete(Caller caller, StoredDocument existing) {
        return store.find(KubeoffloadSchema.SCHEMA, caller.orgId(), "{\"backupdef\":\"" + existing.id() + "\"}", 1)
                .invoke(copies -> {
                    if (!copies.isEmpty()) {
                        throw new EveException(409, "The kubebackup is copied by kubeoffload '" + copies.get(0).text("name")
                                + "' (" + copies.get(0).id() + "); delete that kubeoffload first.");
                    }
                }).replaceWithVoid();
    }

    @Override
    public Uni<Void> afterDelete(Caller caller, StoredDocument deleted) {
        return events.deleted(caller, DefinitionKind.KUBEBACKUP, deleted);
    }
}
