package io.ferry.offload.backup;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.ferry.events.definition.DefinitionKind;
import io.ferry.offload.definition.BackupSelection;
import io.ferry.offload.definition.DefinitionEvents;
import io.ferry.offload.definition.References;
import io.ferry.offload.definition.Triggers;
import io.ferry.offload.job.JobView;
import io.ferry.offload.schema.KubeclusterSchema;
import io.ferry.offload.schema.KubeoffloadSchema;
import io.ferry.rest.ResourceHooks;
import io.ferry.rest.auth.Caller;
import io.ferry.rest.error.EveException;
import io.ferry.rest.store.DocumentStore;
import io.ferry.rest.store.StoredDocument;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * A kubebackup belongs to a cluster of the caller's organisation, needs a policy when SCHEDULED (unless the
 * kubeoffload it names as {@code copydef} schedules it), and may name the kubeoffload that copies it. Deleting it
 * deletes the kubeoffloads that copy it (a copy of nothing cannot run), unless a job of one of them is pending or
 * running (409).
 */
@ApplicationScoped
public class KubebackupHooks implements ResourceHooks {

    /** More kubeoffloads of one kubebackup than anyone defines; a delete removes them all in one go. */
    private static final int MAX_COPIES = 1000;

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
        if (Triggers.backupNeedsPolicy(document)) {
            issues.put("policy", "required field");
        }
        BackupSelection.labelSelectorIssue(document.path("source").path("label_selector"))
                .ifPresent(issue -> issues.put("source", Map.of("label_selector", issue)));
        return references.resolve(KubeclusterSchema.SCHEMA, caller.orgId(), "cluster", Triggers.text(document, "cluster"), issues)
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
        return store.find(KubeoffloadSchema.SCHEMA, caller.orgId(), "{\"backupdef\":\"" + existing.id() + "\"}", MAX_COPIES)
                .call(this::refuseWhileOneRuns)
                .chain(copies -> deleteAll(caller, copies));
    }

    @Override
    public Uni<Void> afterDelete(Caller caller, StoredDocument deleted) {
        return events.deleted(caller, DefinitionKind.KUBEBACKUP, deleted);
    }

    private Uni<Void> refuseWhileOneRuns(List<StoredDocument> copies) {
        return Multi.createFrom().iterable(copies).onItem().transformToUniAndConcatenate(copy -> JobView.activeOf(copy.id())
                .invoke(active -> active.ifPresent(job -> {
                    throw new EveException(409, "Job " + job.jobId + " of kubeoffload '" + copy.text("name") + "' (" + copy.id()
                            + "), which copies this kubebackup, is " + job.state
                            + "; cancel it or wait until it ends, then delete the kubebackup.");
                }))).collect().last().replaceWithVoid();
    }

    private Uni<Void> deleteAll(Caller caller, List<StoredDocument> copies) {
        return Multi.createFrom().iterable(copies).onItem().transformToUniAndConcatenate(copy -> store.delete(KubeoffloadSchema.SCHEMA, copy)
                .invoke(deleted -> {
                    if (!deleted) {
                        throw new EveException(409, "Kubeoffload '" + copy.text("name") + "' (" + copy.id()
                                + "), which copies this kubebackup, changed meanwhile; delete the kubebackup again.");
                    }
                })
                .call(() -> events.deleted(caller, DefinitionKind.KUBEOFFLOAD, copy))).collect().last().replaceWithVoid();
    }
}
