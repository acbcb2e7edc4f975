package io.ferry.events.job;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

import io.ferry.events.restore.RestoreSpec;
import io.ferry.events.retention.DeleteBackupSpec;
import io.ferry.events.vocabulary.JobType;

/**
 * The agent of {@code clusterId} must run this job.
 *
 * @param jobId       the job
 * @param clusterId   the cluster whose agent runs it (the Kafka key)
 * @param type        K8S_SNAP, K8S_COPY, RESTORE or DELETE_BACKUP
 * @param backupdefId the kubebackup (its recovery points are the snapshots; of a RESTORE, the one restored)
 * @param copydefId   the kubeoffload of a K8S_COPY job
 * @param run         what the run does (its fields at the payload's top level)
 * @param target      K8S_COPY: where the copy goes; RESTORE: where the copy is; null: the agent's default target
 * @param restore     RESTORE: what is restored; null for other jobs
 * @param deletion    DELETE_BACKUP: what is deleted (target: where the copy is); null for other jobs
 */
public record JobDispatched(
        String jobId,
        String clusterId,
        JobType type,
        String backupdefId,
        String copydefId,
        @JsonUnwrapped RunSpec run,
        TargetSpec target,
        RestoreSpec restore,
        DeleteBackupSpec deletion) {

    /** A snapshot or copy job. */
    public JobDispatched(String jobId, String clusterId, JobType type, String backupdefId, String copydefId, RunSpec run,
            TargetSpec target) {
        this(jobId, clusterId, type, backupdefId, copydefId, run, target, null, null);
    }

    /** A snapshot, copy or restore job. */
    public JobDispatched(String jobId, String clusterId, JobType type, String backupdefId, String copydefId, RunSpec run,
            TargetSpec target, RestoreSpec restore) {
        this(jobId, clusterId, type, backupdefId, copydefId, run, target, restore, null);
    }
}
