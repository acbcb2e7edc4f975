package io.ferry.events.job;

import java.util.Map;

/**
 * The agent of {@code clusterId} must run this job.
 *
 * @param jobId           the job
 * @param clusterId       the cluster whose agent runs it (the Kafka key)
 * @param type            K8S_SNAP or K8S_COPY
 * @param backupdefId     the kubebackup (its recovery points are the snapshots)
 * @param copydefId       the kubeoffload of a K8S_COPY job
 * @param retainDays      how long the result is kept
 * @param runBackup       K8S_COPY: take a snapshot first, otherwise copy the latest recovery point
 * @param deleteSnapshots K8S_COPY: remove the recovery point after a fully successful copy
 * @param options         agent options (speed limits, parallelism)
 * @param offloadProvider preferred backup target settings
 * @param selection       which PVCs the job covers; null (from an older producer): every PVC
 * @param hooks           the kubebackup's pre- and post-hooks; null: none
 */
public record JobDispatched(
        String jobId,
        String clusterId,
        String type,
        String backupdefId,
        String copydefId,
        int retainDays,
        boolean runBackup,
        boolean deleteSnapshots,
        Map<String, Object> options,
        Map<String, Object> offloadProvider,
        PvcSelection selection,
        BackupHooks hooks) {

    /** The selection to apply: every PVC when the producer sent none. */
    public PvcSelection selectionOrEveryPvc() {
        return selection == null ? PvcSelection.EVERY_PVC : selection;
    }

    public BackupHooks hooksOrNone() {
        return hooks == null ? BackupHooks.NONE : hooks;
    }
}
