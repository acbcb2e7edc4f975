package io.ferry.job.job;

import java.util.Map;

import io.ferry.events.trigger.BackupTriggered;
import io.ferry.events.trigger.DefinitionNames;
import io.ferry.events.trigger.OffloadTriggered;

/** A run asked for by a trigger event, whichever kind. */
public record JobRequest(String triggerId, String type, String clusterId, String backupdefId, String copydefId,
        String trigger, int retainDays, boolean runBackup, boolean deleteSnapshots, Map<String, Object> options,
        Map<String, Object> offloadProvider, DefinitionNames names) {

    public static JobRequest of(OffloadTriggered t) {
        return new JobRequest(t.triggerId(), "K8S_COPY", t.clusterId(), t.backupdefId(), t.offloadId(), t.trigger(),
                t.retainDays(), t.runBackup(), t.deleteSnapshots(), t.options(), t.offloadProvider(), t.names());
    }

    public static JobRequest of(BackupTriggered t) {
        return new JobRequest(t.triggerId(), "K8S_SNAP", t.clusterId(), t.backupdefId(), null, t.trigger(), t.retainDays(),
                false, false, null, null, t.names());
    }

    /** The definition whose runs must not overlap: the kubeoffload of a copy, the kubebackup of a snapshot. */
    public String definitionId() {
        return copydefId != null ? copydefId : backupdefId;
    }

    public String definitionField() {
        return copydefId != null ? "copydef" : "backupdef";
    }
}
