package io.ferry.offload.restore;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.ferry.offload.definition.References;
import io.ferry.offload.job.JobView;
import io.ferry.offload.schema.KubeclusterSchema;
import io.ferry.offload.schema.KuberestoreSchema;
import io.ferry.rest.ObjectIds;
import io.ferry.rest.auth.Caller;
import io.ferry.rest.error.EveException;
import io.ferry.rest.ResourceHooks;
import io.ferry.rest.store.StoredDocument;
import io.smallrye.mutiny.Uni;

/**
 * A kuberestore restores a READY copy of the caller's organisation ({@link KuberestoreRules}) into a kubecluster of
 * it, and takes its {@code source_cluster} from the copy. It cannot be deleted while one of its jobs is pending or
 * running.
 */
@ApplicationScoped
public class KuberestoreHooks implements ResourceHooks {

    private final References references;

    public KuberestoreHooks(References references) {
        this.references = references;
    }

    @Override
    public Uni<ObjectNode> prepare(Caller caller, String id, ObjectNode document, Optional<StoredDocument> existing) {
        Map<String, Object> issues = new LinkedHashMap<>();
        KuberestoreRules.check(document, issues);
        String backupInst = document.path(KuberestoreSchema.BACKUP_INST).asText(null);
        return references.resolve(KubeclusterSchema.SCHEMA, caller.orgId(), KuberestoreSchema.CLUSTER,
                        document.path(KuberestoreSchema.CLUSTER).asText(null), issues)
                .chain(() -> backupInstance(caller.orgId(), backupInst))
                .map(instance -> {
                    String problem = backupInst == null ? null : KuberestoreRules.backupInstanceProblem(backupInst, instance.orElse(null));
                    if (problem != null) {
                        issues.put(KuberestoreSchema.BACKUP_INST, problem);
                    }
                    if (!issues.isEmpty()) {
                        throw EveException.invalid(issues);
                    }
                    document.put(KuberestoreSchema.SOURCE_CLUSTER, instance.orElseThrow().clusterId);
                    return document;
                });
    }

    @Override
    public Uni<Void> beforeDelete(Caller caller, StoredDocument existing) {
        return JobView.activeOf(existing.id()).invoke(active -> active.ifPresent(job -> {
            throw new EveException(409, "Job " + job.jobId + " of this kuberestore is " + job.state
                    + "; cancel it or wait until it ends, then delete the kuberestore.");
        })).replaceWithVoid();
    }

    /** The organisation's backupinstance of that id, as offload-service knows it. */
    static Uni<Optional<BackupInstanceView>> backupInstance(String orgId, String id) {
        if (id == null || !ObjectIds.isValid(id)) {
            return Uni.createFrom().item(Optional.empty());
        }
        return BackupInstanceView.<BackupInstanceView>findById(id).map(view -> Optional.ofNullable(view).filter(v -> v.orgId.equals(orgId)));
    }
}
