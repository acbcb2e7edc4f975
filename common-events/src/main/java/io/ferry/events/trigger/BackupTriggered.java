package io.ferry.events.trigger;

import java.time.Instant;

import io.ferry.events.job.BackupHooks;
import io.ferry.events.job.PvcSelection;
import io.ferry.events.vocabulary.TriggerType;

/**
 * Run a snapshot backup (kubebackup) now: job-service creates one K8S_SNAP job per {@code triggerId}.
 *
 * @param triggerId   idempotency key
 * @param backupdefId the kubebackup
 * @param clusterId   the cluster whose agent takes the snapshot
 * @param trigger     ADHOC or SCHEDULED
 * @param retainDays  how long the recovery point is kept
 * @param requestedAt when the run was asked for
 * @param names       the definitions' names when the run was asked for
 * @param selection   the kubebackup's PVC selection when the run was asked for; null: job-service takes it from its
 *                    read model of definitions (the scheduler's triggers carry none)
 * @param hooks       the kubebackup's hooks when the run was asked for; null as for {@code selection}
 * @param retentionLocked the recovery point may not be deleted before it expires (a {@code locked} schedule entry)
 */
public record BackupTriggered(String triggerId, String backupdefId, String clusterId, TriggerType trigger, int retainDays,
        Instant requestedAt, DefinitionNames names, PvcSelection selection, BackupHooks hooks, boolean retentionLocked) {

    /** A trigger whose recovery point may be deleted early. */
    public BackupTriggered(String triggerId, String backupdefId, String clusterId, TriggerType trigger, int retainDays,
            Instant requestedAt, DefinitionNames names, PvcSelection selection, BackupHooks hooks) {
        this(triggerId, backupdefId, clusterId, trigger, retainDays, requestedAt, names, selection, hooks, false);
    }

    /** A trigger without the kubebackup's selection and hooks. */
    public BackupTriggered(String triggerId, String backupdefId, String clusterId, TriggerType trigger, int retainDays,
            Instant requestedAt, DefinitionNames names) {
        this(triggerId, backupdefId, clusterId, trigger, retainDays, requestedAt, names, null, null, false);
    }
}
