package io.ferry.job.backupinstance;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.ferry.events.restore.RestoreSpec;
import io.ferry.events.restore.RestoreTriggered;
import io.ferry.events.vocabulary.Restorability;
import io.ferry.job.lifecycle.DefinitionRef;
import io.ferry.job.lifecycle.JobRequest;
import io.ferry.job.lifecycle.RestoreRequest;
import io.ferry.job.lifecycle.RestoreSources;
import io.ferry.job.schema.BackupinstanceSchema;
import io.ferry.rest.ObjectIds;
import io.ferry.rest.store.DocumentStore;
import io.smallrye.mutiny.Uni;

/**
 * A RESTORE job restores a READY COPY backupinstance of the trigger's organisation from where its copy went. offload-service
 * checks that when the kuberestore is written; it is checked again here because the backupinstance may have changed
 * since: one that cannot be restored makes the job FAILED, saying why.
 */
@ApplicationScoped
public class RestoreRequests implements RestoreSources {

    private final DocumentStore store;
    private final BackupInstanceSources sources;

    public RestoreRequests(DocumentStore store, BackupInstanceSources sources) {
        this.store = store;
        this.sources = sources;
    }

    @Override
    public Uni<JobRequest> request(String orgId, RestoreTriggered trigger) {
        String id = trigger.backupInstanceId();
        Uni<Optional<BackupInstance>> instance = id == null || !ObjectIds.isValid(id) ? Uni.createFrom().item(Optional.empty())
                : store.find(BackupinstanceSchema.SCHEMA, orgId, id).map(found -> found.map(doc -> BackupInstanceMapper.toInstance(doc.doc())));
        return instance.chain(found -> sources.of(orgId, id == null ? "" : id).map(source -> {
            Optional<String> refusal = refusal(id, found);
            DefinitionRef backupdef = found.map(BackupInstance::backupdef).orElse(new DefinitionRef(null, null));
            RestoreRequest restore = new RestoreRequest(trigger.restoredefId(), trigger.restoreName(), id,
                    refusal.isPresent() || source.isEmpty() ? null : new RestoreSpec(found.get().backupJobId(), trigger.namespaces(),
                            trigger.namespacesMap(), trigger.overwriteExisting()),
                    source.map(BackupInstanceSources.Source::target).orElse(null),
                    refusal.orElse(source.isEmpty() ? "Backupinstance " + id + " has no record of where its copy went" : null));
            return JobRequest.of(trigger, backupdef, restore);
        }));
    }

    private static Optional<String> refusal(String id, Optional<BackupInstance> found) {
        if (found.isEmpty()) {
            return Optional.of("Backupinstance " + id + " does not exist (it was deleted, or belongs to another organisation)");
        }
        return Restorability.problem(found.get().type(), found.get().state()).map(problem -> "Backupinstance " + id + " " + problem);
    }
}
