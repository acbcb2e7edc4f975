package io.ferry.offload.kubeoffload;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.ferry.events.definition.DefinitionKind;
import io.ferry.offload.schema.KubebackupSchema;
import io.ferry.offload.definition.DefinitionEvents;
import io.ferry.offload.definition.References;
import io.ferry.offload.definition.Triggers;
import io.ferry.offload.job.JobView;
import io.ferry.rest.ResourceHooks;
import io.ferry.rest.auth.Caller;
import io.ferry.rest.error.EveException;
import io.ferry.rest.store.StoredDocument;
import io.smallrye.mutiny.Uni;

/**
 * A kubeoffload copies a kubebackup of the caller's organisation and takes its cluster from it; a
 * SCHEDULED one needs a policy; its {@code offload_provider} follows {@link OffloadProviderRules}. It cannot be
 * deleted while one of its jobs is pending or running.
 */
@ApplicationScoped
public class KubeoffloadHooks implements ResourceHooks {

    private final References references;
    private final DefinitionEvents events;
    private final OffloadProviderRules providers;

    public KubeoffloadHooks(References references, DefinitionEvents events, OffloadProviderRules providers) {
        this.references = references;
        this.events = events;
        this.providers = providers;
    }

    @Override
    public Uni<ObjectNode> prepare(Caller caller, String id, ObjectNode document, Optional<StoredDocument> existing) {
        Map<String, Object> issues = new LinkedHashMap<>();
        if (Triggers.needsPolicy(document)) {
            issues.put("policy", "required field");
        }
        return providers.check(caller.orgId(), document, issues)
                .chain(() -> references.resolve(KubebackupSchema.SCHEMA, caller.orgId(), "backupdef",
                        Triggers.text(document, "backupdef"), issues))
                .map(backup -> {
                    if (!issues.isEmpty()) {
                        throw EveException.invalid(issues);
                    }
                    document.put("cluster", backup.orElseThrow().text("cluster"));
                    return document;
                });
    }

    @Override
    public Uni<Void> afterWrite(Caller caller, StoredDocument stored, boolean created) {
        return events.changed(caller, DefinitionKind.KUBEOFFLOAD, stored);
    }

    @Override
    public Uni<Void> beforeDelete(Caller caller, StoredDocument existing) {
        return JobView.activeOf(existing.id()).invoke(active -> active.ifPresent(job -> {
            throw new EveException(409, "Job " + job.jobId + " of this kubeoffload is " + job.state
                    + "; cancel it or wait until it ends, then delete the kubeoffload.");
        })).replaceWithVoid();
    }

    @Override
    public Uni<Void> afterDelete(Caller caller, StoredDocument deleted) {
        return events.deleted(caller, DefinitionKind.KUBEOFFLOAD, deleted);
    }
}
