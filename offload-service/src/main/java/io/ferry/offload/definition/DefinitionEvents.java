package io.ferry.offload.definition;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;

import io.ferry.events.definition.DefinitionChanged;
import io.ferry.events.definition.DefinitionDeleted;
import io.ferry.events.definition.DefinitionKind;
import io.ferry.events.vocabulary.TriggerType;
import io.ferry.messaging.outbox.Outbox;
import io.ferry.rest.auth.Caller;
import io.ferry.rest.store.StoredDocument;
import io.smallrye.mutiny.Uni;

/** Announces definition changes and deletions (through the outbox, in the caller's transaction). */
@ApplicationScoped
public class DefinitionEvents {

    private final Outbox outbox;

    public DefinitionEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    public Uni<Void> changed(Caller caller, DefinitionKind kind, StoredDocument stored) {
        return outbox.append(caller.orgId(), stored.id(), toEvent(kind, stored)).replaceWithVoid();
    }

    public Uni<Void> deleted(Caller caller, DefinitionKind kind, StoredDocument deleted) {
        return outbox.append(caller.orgId(), deleted.id(), new DefinitionDeleted(deleted.id(), kind, deleted.revision() + 1))
                .replaceWithVoid();
    }

    DefinitionChanged toEvent(DefinitionKind kind, StoredDocument stored) {
        return switch (kind) {
            case KUBECLUSTER -> DefinitionChanged.ofCluster(stored.id(), stored.revision(), stored.text("name"));
            case KUBEBACKUP -> new DefinitionChanged(stored.id(), kind, stored.revision(), stored.text("name"),
                    stored.text("cluster"), null, stored.text("copydef"), stored.text("policy"), triggerType(stored),
                    flag(stored, "pause"), null, null, null, null, BackupSelection.of(stored), BackupSelection.hooks(stored));
            case KUBEOFFLOAD -> new DefinitionChanged(stored.id(), kind, stored.revision(), stored.text("name"),
                    stored.text("cluster"), stored.text("backupdef"), null, stored.text("policy"), triggerType(stored),
                    null, flag(stored, "run_backup"), flag(stored, "delete_snapshots"), RunParameters.options(stored),
                    RunParameters.offloadProvider(stored), null, null);
        };
    }

    private static TriggerType triggerType(StoredDocument stored) {
        return TriggerType.parse(stored.text("trigger_type"));
    }

    private static Boolean flag(StoredDocument stored, String field) {
        JsonNode value = stored.doc().get(field);
        return value == null || value.isNull() ? null : value.asBoolean();
    }
}
