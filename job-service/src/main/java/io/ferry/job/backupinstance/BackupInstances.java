package io.ferry.job.backupinstance;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.ferry.events.job.RunSpec;
import io.ferry.events.job.TargetSpec;
import io.ferry.events.vocabulary.BackupInstanceState;
import io.ferry.events.vocabulary.BackupInstanceType;
import io.ferry.events.vocabulary.JobState;
import io.ferry.events.vocabulary.JobType;
import io.ferry.job.lifecycle.Job;
import io.ferry.job.lifecycle.JobObserver;
import io.ferry.job.lifecycle.StoredJob;
import io.ferry.job.progress.CopyProgress;
import io.ferry.job.schema.BackupinstanceSchema;
import io.ferry.rest.ObjectIds;
import io.ferry.rest.store.DocumentStore;
import io.ferry.rest.store.StoredDocument;
import io.smallrye.mutiny.Uni;

/**
 * Recovery points as jobs make them, in the job's transaction: a snapshot or copy job that is dispatched makes a
 * PENDING backupinstance; when the job COMPLETED or ended PARTIAL it is READY (with the job's end time, PVC count and
 * sizes); when the job ended otherwise (failed, cancelled) it never held anything and is removed. Every change is
 * published as BackupInstanceChanged. A DELETE_BACKUP job that COMPLETED removes the backupinstance it deleted; one that
 * ended otherwise makes it READY again, saying why (retention tries again later).
 */
@ApplicationScoped
public class BackupInstances implements JobObserver {

    private final DocumentStore store;
    private final BackupInstanceSources sources;
    private final BackupInstanceChanges changes;

    public BackupInstances(DocumentStore store, BackupInstanceSources sources, BackupInstanceChanges changes) {
        this.store = store;
        this.sources = sources;
        this.changes = changes;
    }

    @Override
    public Uni<Void> dispatched(StoredJob job, TargetSpec target, RunSpec run) {
        Optional<BackupInstanceType> type = typeMadeBy(job.job());
        if (type.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        Job made = job.job();
        BackupInstance pending = new BackupInstance(made.name(), type.get(), BackupInstanceState.PENDING, made.cluster(), made.backupdef(),
                made.copydef() == null ? null : made.copydef().id(), target == null ? null : target.objectstoreId(), job.id(),
                made.startTime(), null, made.retainDays(), run.selectionOrEveryPvc(), null, null, null, "Being made by job " + job.id(),
                run.retentionLocked());
        String id = ObjectIds.next();
        return store.insert(BackupinstanceSchema.SCHEMA, job.orgId(), id, BackupInstanceMapper.toDocument(pending))
                .call(stored -> sources.insert(job.orgId(), new BackupInstanceSources.Source(id, job.id(), target)))
                .chain(stored -> changes.published(stored, pending, false, stored.revision()));
    }

    @Override
    public Uni<Void> changed(StoredJob job) {
        if (!job.job().state().isTerminal()) {
            return Uni.createFrom().voidItem();
        }
        if (job.job().type() == JobType.DELETE_BACKUP && job.job().backupInstance() != null) {
            return store.findForUpdate(BackupinstanceSchema.SCHEMA, job.orgId(), job.job().backupInstance().backupInstanceId())
                    .chain(stored -> stored.map(document -> deletionEnded(document, job)).orElse(Uni.createFrom().voidItem()));
        }
        if (typeMadeBy(job.job()).isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return sources.ofJob(job.orgId(), job.id()).chain(source -> source
                .map(found -> store.findForUpdate(BackupinstanceSchema.SCHEMA, job.orgId(), found.backupInstanceId())
                        .chain(stored -> stored.map(document -> ended(document, job)).orElse(Uni.createFrom().voidItem())))
                .orElse(Uni.createFrom().voidItem()));
    }

    private Uni<Void> ended(StoredDocument document, StoredJob job) {
        BackupInstance current = BackupInstanceMapper.toInstance(document.doc());
        Job ended = job.job();
        if (ended.state() != JobState.COMPLETED && ended.state() != JobState.PARTIAL) {
            return remove(document, current);
        }
        CopyProgress copy = ended.progress().copy();
        BackupInstance ready = current.ready(ended.status().endTime(), ended.progress().protectedPvcs(ended.type()),
                copy == null ? null : copy.stats().ioSize(), copy == null ? null : copy.stats().transferredSize(), ended.status().message());
        if (ready.equals(current)) {
            return Uni.createFrom().voidItem();
        }
        return changes.update(document, ready);
    }

    private Uni<Void> deletionEnded(StoredDocument document, StoredJob job) {
        BackupInstance current = BackupInstanceMapper.toInstance(document.doc());
        if (current.state() != BackupInstanceState.DELETING) {
            return Uni.createFrom().voidItem();
        }
        if (job.job().state() == JobState.COMPLETED) {
            return remove(document, current);
        }
        BackupInstance ready = current.moved(BackupInstanceState.READY, "Deleting it failed (job %s, %s): %s".formatted(job.id(),
                job.job().state(), job.job().status().message()));
        return changes.update(document, ready);
    }

    private Uni<Void> remove(StoredDocument document, BackupInstance current) {
        return store.delete(BackupinstanceSchema.SCHEMA, document).call(() -> sources.delete(document.id()))
                .chain(() -> changes.published(document, current, true, document.revision() + 1));
    }

    /** Snapshot jobs make SNAPSHOT backupinstances, copy jobs COPY ones; other jobs make none. */
    private static Optional<BackupInstanceType> typeMadeBy(Job job) {
        return switch (job.type()) {
            case K8S_SNAP -> Optional.of(BackupInstanceType.SNAPSHOT);
            case K8S_COPY -> Optional.of(BackupInstanceType.COPY);
            default -> Optional.empty();
        };
    }
}
