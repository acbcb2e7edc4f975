package io.ferry.job.job;

import java.util.Map;

import io.ferry.events.job.BackupHooks;
import io.ferry.events.job.PvcSelection;
import io.ferry.events.trigger.BackupTriggered;
import io.ferry.events.trigger.DefinitionNames;
import io.ferry.events.trigger.OffloadTriggered;

/**
 * A run asked for by a trigger event, whichever kind.
 *
 * @param selection the kubebackup's PVC selection if the trigger carries it (null: from the definitions read model)
 * @param hooks     the kubebackup's hooks if the trigger carries them (null: from the definitions read model)
 */
public record JobRequest(String triggerId, String type, String clusterId, String backupdefId, String copydefId,
        String trigger, int retainDays, boolean runBackup, boolean deleteSnapshots, Map<String, Object> options,
        Map<String, Object> offloadProvider, DefinitionNames names, PvcSelection selection, BackupHooks hooks) {

    public static JobRequest of(OffloadTriggered t) {
        return new JobRequest(t.triggerId(), "K8S_COPY", t.clusterId(), t.backupdefId(), t.offloadId(), t.trigger(),
                t.retainDays(), t.runBackup(), t.deleteSnapshots(), t.options(), t.offloadProvider(), t.names(), t.selection(),
                t.hooks());
    }

    public static JobRequest of(BackupTriggered t) {
        return new JobRequest(t.triggerId(), "K8S_SNAP", t.clusterId(), t.backupdefId(), null, t.trigger(), t.retainDays(),
                false, false, null, null, t.names(), t.selection(), t.hooks());
    }

    /** The definition whose runs must not overlap: the kubeoffload of a copy, the kubebackup of a snapshot. */
    public String definitionId() {
        return copydefId != null ? copydefId : backupdefId;
    }

    public String definitionField() {
        return copydefId != null ? "copydef" : "backupdef";
    }
}
