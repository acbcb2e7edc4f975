package io.ferry.offload.cluster;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.ferry.events.definition.DefinitionKind;
import io.ferry.offload.schema.KubebackupSchema;
import io.ferry.offload.access.AgentAccess;
import io.ferry.offload.definition.DefinitionEvents;
import io.ferry.offload.schema.KubeclusterSchema;
import io.ferry.rest.ResourceHooks;
import io.ferry.rest.auth.Caller;
import io.ferry.rest.error.EveException;
import io.ferry.rest.store.DocumentStore;
import io.ferry.rest.store.StoredDocument;
import io.smallrye.mutiny.Uni;

/**
 * A new cluster starts PENDING (until its agent reports in), with the URL of its agent's install manifest. Its
 * name is unique in the organisation ({@link UniqueNames}). A cluster that backups still use cannot be deleted.
 * Every change and deletion is announced as DefinitionChanged/DefinitionDeleted in the same transaction, and the
 * creation and deletion to the agent endpoint as AgentAccessChanged ({@link AgentAccess}).
 */
@ApplicationScoped
public class KubeclusterHooks implements ResourceHooks {

    private final DefinitionEvents events;
    private final DocumentStore store;
    private final AgentInstallUrls agentUrls;
    private final UniqueNames names;
    private final AgentAccess access;

    public KubeclusterHooks(DefinitionEvents events, DocumentStore store, AgentInstallUrls agentUrls, UniqueNames names,
            AgentAccess access) {
        this.access = access;
        this.events = events;
        this.store = store;
        this.agentUrls = agentUrls;
        this.names = names;
    }

    @Override
    public Uni<ObjectNode> prepare(Caller caller, String id, ObjectNode document, Optional<StoredDocument> existing) {
        if (existing.isEmpty()) {
            ClusterStatusMapper.VIEW.write(document, ClusterStatus.pending(agentUrls.issue(id)));
        }
        return names.require(KubeclusterSchema.SCHEMA, caller.orgId(), id, document.path("name").asText()).replaceWith(document);
    }

    @Override
    public Uni<Void> afterWrite(Caller caller, StoredDocument stored, boolean created) {
        return events.changed(caller, DefinitionKind.KUBECLUSTER, stored)
                .chain(() -> created ? access.registered(caller.orgId(), stored.id()) : Uni.createFrom().voidItem());
    }

    @Override
    public Uni<Void> beforeDelete(Caller caller, StoredDocument existing) {
        return store.find(KubebackupSchema.SCHEMA, caller.orgId(), "{\"cluster\":\"" + existing.id() + "\"}", 1)
                .invoke(users -> {
                    if (!users.isEmpty()) {
                        throw new EveException(409, "The kubecluster is used by kubebackup '" + users.get(0).text("name")
                                + "' (" + users.get(0).id() + "); delete its backups first.");
                    }
                }).replaceWithVoid();
    }

    @Override
    public Uni<Void> afterDelete(Caller caller, StoredDocument deleted) {
        return events.deleted(caller, DefinitionKind.KUBECLUSTER, deleted).chain(() -> access.removed(caller.orgId(), deleted.id()));
    }
}
