package io.ferry.job.backupinstance;

import java.time.Instant;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.ferry.events.retention.DeleteBackupSpec;
import io.ferry.events.retention.DeleteBackupTriggered;
import io.ferry.events.vocabulary.BackupInstanceState;
import io.ferry.events.vocabulary.DeletionReason;
import io.ferry.events.vocabulary.TriggerType;
import io.ferry.job.lifecycle.DeletionRequest;
import io.ferry.job.lifecycle.DeletionSources;
import io.ferry.job.lifecycle.JobLifecycle;
import io.ferry.job.lifecycle.JobRequest;
import io.ferry.job.objectstore.ObjectstoreViews;
import io.ferry.job.schema.BackupinstanceSchema;
import io.ferry.rest.ObjectIds;
import io.ferry.rest.auth.Caller;
import io.ferry.rest.error.EveException;
import io.ferry.rest.http.Preconditions;
import io.ferry.rest.store.DocumentStore;
import io.ferry.rest.store.StoredDocument;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * Deleting recovery points: when retention says one expired (DeleteBackupTriggered from scheduler-service) or a user
 * asks ({@code DELETE /api/v1/backupinstances/<id>}). Either way the backupinstance goes DELETING and a DELETE_BACKUP
 * job is sent to the agent of the cluster it was taken of, with where its copy is; {@link BackupInstances} removes it
 * when that job completes. Only a READY backupinstance is deleted, so a deletion asked for twice runs once. A user may
 * not delete one early whose schedule entry or objectstore is {@code locked} (409, saying until when).
 */
@ApplicationScoped
public class BackupInstanceDeletions implements DeletionSources {

    private static final Logger LOG = Logger.getLogger(BackupInstanceDeletions.class);

    private final DocumentStore store;
    private final BackupInstanceSources sources;
    private final BackupInstanceChanges changes;
    private final ObjectstoreViews objectstores;
    private final JobLifecycle lifecycle;

    public BackupInstanceDeletions(DocumentStore store, BackupInstanceSources sources, BackupInstanceChanges changes,
            ObjectstoreViews objectstores, JobLifecycle lifecycle) {
        this.store = store;
        this.sources = sources;
        this.changes = changes;
        this.objectstores = objectstores;
        this.lifecycle = lifecycle;
    }

    @Override
    public Uni<Optional<JobRequest>> request(String orgId, DeleteBackupTriggered trigger) {
        String id = trigger.backupInstanceId();
        if (!ObjectIds.isValid(id)) {
            LOG.warnf("Deletion %s names no backupinstance id (%s); ignored", trigger.triggerId(), id);
            return Uni.createFrom().item(Optional.empty());
        }
        return store.findForUpdate(BackupinstanceSchema.SCHEMA, orgId, id).chain(found -> {
            Optional<BackupInstance> instance = found.map(document -> BackupInstanceMapper.toInstance(document.doc()));
            if (instance.isEmpty() || instance.get().state() != BackupInstanceState.READY) {
                LOG.infof("Deletion %s of backupinstance %s: nothing to do, it is %s", trigger.triggerId(), id,
                        instance.map(present -> present.state().name()).orElse("gone"));
                return Uni.createFrom().item(Optional.<JobRequest>empty());
            }
            return start(found.get(), instance.get(), trigger.triggerId(), trigger.reason(), Instant.now()).map(Optional::of);
        });
    }

    /**
     * Deletes a READY backupinstance before it expires: 404 when the caller's organisation has none of that id, 412 when
     * {@code ifMatch} (optional) is not its etag, 409 while it is being made or deleted, or while it is locked.
     */
    @WithTransaction
    public Uni<Void> delete(Caller caller, String id, String ifMatch) {
        if (!ObjectIds.isValid(id)) {
            return Uni.createFrom().failure(EveException.notFound());
        }
        return store.findForUpdate(BackupinstanceSchema.SCHEMA, caller.orgId(), id).chain(found -> {
            StoredDocument document = found.orElseThrow(EveException::notFound);
            Preconditions.checkMatch(ifMatch, document);
            BackupInstance instance = BackupInstanceMapper.toInstance(document.doc());
            Instant now = Instant.now();
            if (instance.state() == BackupInstanceState.PENDING) {
                throw new EveException(409, "Backupinstance %s is %s: job %s is still making it (cancel that job instead)".formatted(id,
                        instance.state(), instance.backupJobId()));
            }
            if (instance.state() != BackupInstanceState.READY) {
                throw new EveException(409, "Backupinstance %s is already %s".formatted(id, instance.state()));
            }
            return lockedBy(caller.orgId(), instance, now).chain(lock -> {
                if (lock.isPresent()) {
                    throw new EveException(409, "Backupinstance %s cannot be deleted before it expires at %s (expiry_time %d): %s"
                            .formatted(id, instance.expiry().orElseThrow(), instance.expiry().orElseThrow().getEpochSecond(), lock.get()));
                }
                return start(document, instance, "delete:" + id + ":" + document.revision(), DeletionReason.REQUESTED, now)
                        .chain(request -> lifecycle.create(caller.orgId(), request, now));
            });
        });
    }

    /** What locks the backupinstance until it expires, if anything does and it has not expired yet. */
    private Uni<Optional<String>> lockedBy(String orgId, BackupInstance instance, Instant now) {
        if (instance.expiry().isEmpty() || !instance.expiry().get().isAfter(now)) {
            return Uni.createFrom().item(Optional.empty());
        }
        if (instance.locked()) {
            return Uni.createFrom().item(Optional.of("the policy's schedule entry that made it is locked"));
        }
        if (instance.objectstore() == null) {
            return Uni.createFrom().item(Optional.empty());
        }
        return objectstores.find(orgId, instance.objectstore()).map(objectstore -> objectstore.filter(found -> found.locked() && !found.deleted())
                .map(locked -> "objectstore " + locked.id() + " is locked"));
    }

    private Uni<JobRequest> start(StoredDocument document, BackupInstance instance, String triggerId, DeletionReason reason, Instant now) {
        String why = reason == DeletionReason.EXPIRED
                ? "Expired at %s; being deleted".formatted(instance.expiry().map(Instant::toString).orElse("?"))
                : "Being deleted, as asked at " + now;
        BackupInstance deleting = instance.moved(BackupInstanceState.DELETING, why);
        return changes.update(document, deleting)
                .chain(() -> sources.of(document.orgId(), document.id()))
                .map(source -> JobRequest.deletion(triggerId, reason == DeletionReason.EXPIRED ? TriggerType.SCHEDULED : TriggerType.ADHOC,
                        instance.cluster(), instance.backupdef(), new DeletionRequest(instance.name(),
                                new DeleteBackupSpec(document.id(), instance.type(), instance.backupJobId()),
                                source.map(BackupInstanceSources.Source::target).orElse(null))));
    }
}
