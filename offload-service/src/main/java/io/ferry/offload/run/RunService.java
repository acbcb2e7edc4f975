package io.ferry.offload.run;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.ferry.events.job.RunSpec;
import io.ferry.events.trigger.BackupTriggered;
import io.ferry.events.trigger.DefinitionNames;
import io.ferry.events.trigger.OffloadTriggered;
import io.ferry.events.vocabulary.TriggerType;
import io.ferry.messaging.outbox.Outbox;
import io.ferry.offload.schema.KubebackupSchema;
import io.ferry.offload.definition.BackupSelection;
import io.ferry.offload.definition.RunParameters;
import io.ferry.offload.schema.KubeclusterSchema;
import io.ferry.offload.schema.KubeoffloadSchema;
import io.ferry.rest.ObjectIds;
import io.ferry.rest.auth.Caller;
import io.ferry.rest.error.EveException;
import io.ferry.rest.schema.ResourceSchema;
import io.ferry.rest.store.DocumentStore;
import io.ferry.rest.store.StoredDocument;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/** {@code action/run}: asks job-service for a job of the definition, through the outbox. */
@ApplicationScoped
public class RunService {

    private final DocumentStore store;
    private final Outbox outbox;

    public RunService(DocumentStore store, Outbox outbox) {
        this.store = store;
        this.outbox = outbox;
    }

    /** @return the kubeoffload as it was before the run (its status still shows the previous job) */
    @WithTransaction
    public Uni<StoredDocument> runOffload(Caller caller, String id, RunRequest request) {
        return definition(KubeoffloadSchema.SCHEMA, caller, id).call(offload -> find(KubebackupSchema.SCHEMA, caller, offload.text("backupdef"))
                .chain(backup -> nameOf(caller, offload.text("cluster")).chain(cluster -> outbox.append(caller.orgId(), offload.id(),
                        new OffloadTriggered(UUID.randomUUID().toString(), offload.id(), offload.text("backupdef"),
                                offload.text("cluster"), TriggerType.ADHOC, Instant.now(),
                                new DefinitionNames(cluster, backup.map(b -> b.text("name")).orElse(null), offload.text("name")),
                                new RunSpec(request.retainDays(), request.runBackup(),
                                        offload.doc().path("delete_snapshots").asBoolean(true), RunParameters.options(offload),
                                        RunParameters.offloadProvider(offload), backup.map(BackupSelection::of).orElse(null),
                                        backup.map(BackupSelection::hooks).orElse(null)))))));
    }

    @WithTransaction
    public Uni<StoredDocument> runBackup(Caller caller, String id, RunRequest request) {
        return definition(KubebackupSchema.SCHEMA, caller, id).call(backup -> nameOf(caller, backup.text("cluster"))
                .chain(cluster -> outbox.append(caller.orgId(), backup.id(), new BackupTriggered(UUID.randomUUID().toString(),
                        backup.id(), backup.text("cluster"), TriggerType.ADHOC, request.retainDays(), Instant.now(),
                        new DefinitionNames(cluster, backup.text("name"), null), BackupSelection.of(backup),
                        BackupSelection.hooks(backup)))));
    }

    private Uni<String> nameOf(Caller caller, String clusterId) {
        return find(KubeclusterSchema.SCHEMA, caller, clusterId).map(found -> found.map(doc -> doc.text("name")).orElse(null));
    }

    private Uni<Optional<StoredDocument>> find(ResourceSchema schema, Caller caller, String id) {
        return id == null ? Uni.createFrom().item(Optional.empty()) : store.find(schema, caller.orgId(), id);
    }

    private Uni<StoredDocument> definition(ResourceSchema schema, Caller caller, String id) {
        if (!ObjectIds.isValid(id)) {
            return Uni.createFrom().failure(EveException.notFound());
        }
        return store.find(schema, caller.orgId(), id).map(found -> found.orElseThrow(EveException::notFound));
    }
}
