package io.ferry.job.lifecycle;

import io.ferry.events.job.RunSpec;
import io.ferry.events.restore.RestoreTriggered;
import io.ferry.events.trigger.BackupTriggered;
import io.ferry.events.trigger.DefinitionNames;
import io.ferry.events.trigger.OffloadTriggered;
import io.ferry.events.vocabulary.JobType;
import io.ferry.events.vocabulary.TriggerType;
import io.ferry.job.schema.JobSchema;

/**
 * A run asked for by a trigger event, whichever kind.
 *
 * @param run     what the run does; its selection and hooks are null when the trigger carries none (then they come from
 *                the definitions read model)
 * @param restore  what a RESTORE job restores; null for other jobs
 * @param deletion what a DELETE_BACKUP job deletes; null for other jobs
 */
public record JobRequest(String triggerId, JobType type, String clusterId, String backupdefId, String copydefId,
        TriggerType trigger, DefinitionNames names, RunSpec run, RestoreRequest restore, DeletionRequest deletion) {

    public static JobRequest of(OffloadTriggered t) {
        return new JobRequest(t.triggerId(), JobType.K8S_COPY, t.clusterId(), t.backupdefId(), t.offloadId(), t.trigger(),
                t.names(), t.run(), null, null);
    }

    public static JobRequest of(BackupTriggered t) {
        return new JobRequest(t.triggerId(), JobType.K8S_SNAP, t.clusterId(), t.backupdefId(), null, t.trigger(), t.names(),
                RunSpec.snapshot(t.retainDays(), t.selection(), t.hooks(), t.retentionLocked()), null, null);
    }

    /**
     * A RESTORE job of the kuberestore {@code t} runs, restoring from the kubebackup {@code backupdef} (null when the
     * backupinstance was not found).
     */
    public static JobRequest of(RestoreTriggered t, DefinitionRef backupdef, RestoreRequest restore) {
        return new JobRequest(t.triggerId(), JobType.RESTORE, t.clusterId(), backupdef.id(), null, t.trigger(),
                new DefinitionNames(t.clusterName(), backupdef.name(), null),
                new RunSpec(0, false, false, t.options(), null, null, null), restore, null);
    }

    /**
     * A DELETE_BACKUP job on the agent of the cluster the recovery point was taken of: SCHEDULED when retention asks for
     * it, ADHOC when a user does.
     */
    public static JobRequest deletion(String triggerId, TriggerType trigger, DefinitionRef cluster, DefinitionRef backupdef,
            DeletionRequest deletion) {
        return new JobRequest(triggerId, JobType.DELETE_BACKUP, cluster.id(), backupdef.id(), null, trigger,
                new DefinitionNames(cluster.name(), backupdef.name(), null), new RunSpec(0, false, false, null, null, null, null), null,
                deletion);
    }

    /** The definition whose runs must not overlap: the kubeoffload of a copy, the kubebackup of a snapshot. */
    public String definitionId() {
        return copydefId != null ? copydefId : backupdefId;
    }

    /** The field of a job that holds {@link #definitionId()}. */
    public String definitionField() {
        return copydefId != null ? JobSchema.COPYDEF : JobSchema.BACKUPDEF;
    }
}
