package io.ferry.offload.restore;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;

import io.ferry.events.restore.RestoreTriggered;
import io.ferry.events.vocabulary.TriggerType;
import io.ferry.messaging.outbox.Outbox;
import io.ferry.offload.definition.RunParameters;
import io.ferry.offload.schema.KubeclusterSchema;
import io.ferry.offload.schema.KuberestoreSchema;
import io.ferry.rest.ObjectIds;
import io.ferry.rest.auth.Caller;
import io.ferry.rest.error.EveException;
import io.ferry.rest.store.DocumentStore;
import io.ferry.rest.store.StoredDocument;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * {@code action/run} of a kuberestore: asks job-service for a RESTORE job through the outbox, once the backupinstance it
 * names is still a READY copy (422 otherwise: it may have changed since the kuberestore was written).
 */
@ApplicationScoped
public class RestoreRuns {

    private final DocumentStore store;
    private final Outbox outbox;

    public RestoreRuns(DocumentStore store, Outbox outbox) {
        this.store = store;
        this.outbox = outbox;
    }

    /** @return the kuberestore as it was before the run (its status still shows the previous job) */
    @WithTransaction
    public Uni<StoredDocument> run(Caller caller, String id) {
        if (!ObjectIds.isValid(id)) {
            return Uni.createFrom().failure(EveException.notFound());
        }
        return store.find(KuberestoreSchema.SCHEMA, caller.orgId(), id).map(found -> found.orElseThrow(EveException::notFound))
                .call(restore -> {
                    String backupInst = restore.text(KuberestoreSchema.BACKUP_INST);
                    return KuberestoreHooks.backupInstance(caller.orgId(), backupInst).invoke(instance -> {
                        String problem = KuberestoreRules.backupInstanceProblem(backupInst, instance.orElse(null));
                        if (problem != null) {
                            throw EveException.invalid(Map.of(KuberestoreSchema.BACKUP_INST, problem));
                        }
                    });
                })
                .call(restore -> store.find(KubeclusterSchema.SCHEMA, caller.orgId(), restore.text(KuberestoreSchema.CLUSTER))
                        .chain(cluster -> outbox.append(caller.orgId(), restore.id(), triggered(restore,
                                cluster.map(doc -> doc.text("name")).orElse(null)))));
    }

    private static RestoreTriggered triggered(StoredDocument restore, String clusterName) {
        JsonNode selection = restore.doc().path(KuberestoreSchema.SELECTION);
        List<String> namespaces = new ArrayList<>();
        if (!selection.path(KuberestoreSchema.ALL_NAMESPACES).asBoolean(false)) {
            selection.path(KuberestoreSchema.NAMESPACES).forEach(namespace -> namespaces.add(namespace.asText()));
        }
        Map<String, String> namespacesMap = new LinkedHashMap<>();
        restore.doc().path(KuberestoreSchema.NAMESPACES_MAP).fields()
                .forEachRemaining(entry -> namespacesMap.put(entry.getKey(), entry.getValue().asText()));
        return new RestoreTriggered(UUID.randomUUID().toString(), restore.id(), restore.text(KuberestoreSchema.NAME),
                restore.text(KuberestoreSchema.CLUSTER), clusterName, restore.text(KuberestoreSchema.BACKUP_INST), TriggerType.ADHOC,
                Instant.now(), namespaces, namespacesMap, restore.doc().path(KuberestoreSchema.OVERWRITE_EXISTING_PVCS).asBoolean(false),
                RunParameters.options(restore));
    }
}
