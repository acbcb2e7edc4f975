package io.ferry.offload.job;

import jakarta.enterprise.context.ApplicationScoped;

import io.ferry.events.vocabulary.JobType;
import io.ferry.offload.schema.KubebackupSchema;
import io.ferry.offload.schema.KubeoffloadSchema;
import io.ferry.offload.schema.KuberestoreSchema;
import io.ferry.rest.schema.ResourceSchema;
import io.ferry.rest.store.DocumentStore;
import io.smallrye.mutiny.Uni;

/**
 * Derives a definition's {@code status} from its jobs: a kubeoffload and a kuberestore show their newest job, a
 * kubebackup its last three runs (snapshots and copies); {@code last_job_run_time} is the newest job's start time.
 */
@ApplicationScoped
public class DefinitionStatus {

    static final int BACKUP_RUNS_SHOWN = 3;

    private final DocumentStore store;

    public DefinitionStatus(DocumentStore store) {
        this.store = store;
    }

    /**
     * Recomputes the status of the definitions the job belongs to, storing each only when it changed: a copy's
     * kubeoffload, and the kubebackup of every job. A kubebackup's runs are its snapshots and the copies of it,
     * so that its {@code last_job_run_time} is the newest start of any job with its {@code backupdef}: the
     * Terraform provider finds a run's job as {@code backupdef = X, start_time > last_job_run_time}. Users may
     * change the rest of a definition meanwhile: the status is written onto its newest revision.
     */
    public Uni<Void> refresh(JobView job) {
        Uni<Void> backup = job.backupdefId == null ? Uni.createFrom().voidItem()
                : JobView.newestOfBackup(job.backupdefId, BACKUP_RUNS_SHOWN).map(BackupStatus::of)
                        .chain(status -> store.modify(KubebackupSchema.SCHEMA, job.orgId, job.backupdefId, DefinitionStatusMapper.BACKUP,
                                current -> status))
                        .replaceWithVoid();
        ResourceSchema definition = job.type == JobType.K8S_COPY ? KubeoffloadSchema.SCHEMA
                : job.type == JobType.RESTORE ? KuberestoreSchema.SCHEMA : null;
        if (definition == null) {
            return backup;
        }
        return JobView.newestOf(job.definitionId, 1).map(jobs -> OffloadStatus.of(jobs.get(0)))
                .chain(status -> store.modify(definition, job.orgId, job.definitionId, DefinitionStatusMapper.OFFLOAD, current -> status))
                .chain(() -> backup);
    }
}
