package io.ferry.events.trigger;

import java.time.Instant;
import java.util.Map;

import io.ferry.events.job.BackupHooks;
import io.ferry.events.job.PvcSelection;

/**
 * Run a copy backup (kubeoffload) now: job-service creates one K8S_COPY job per {@code triggerId}.
 *
 * @param triggerId       idempotency key: the same trigger delivered again creates no second job
 * @param offloadId       the kubeoffload (the job's {@code copydef})
 * @param backupdefId     the kubebackup whose snapshot data is copied (the job's {@code backupdef})
 * @param clusterId       the cluster whose agent does the work
 * @param trigger         ADHOC (action/run) or SCHEDULED (policy)
 * @param retainDays      how long the copy is kept
 * @param runBackup       take a snapshot first (SNAPSHOT phase), otherwise copy the latest recovery point
 * @param deleteSnapshots remove the recovery point after a successful copy
 * @param options         agent options (speed limits, parallelism), as the definition has them
 * @param offloadProvider preferred backup target settings, if any
 * @param requestedAt     when the run was asked for
 * @param names           the definitions' names when the run was asked for, for the job's name fields
 * @param selection       the kubebackup's PVC selection (a copy without runBackup copies those PVCs of the newest
 *                        recovery point); null: job-service takes it from its read model of definitions
 * @param hooks           the kubebackup's hooks (for the SNAPSHOT phase of runBackup); null as for {@code selection}
 */
public record OffloadTriggered(
        String triggerId,
        String offloadId,
        String backupdefId,
        String clusterId,
        String trigger,
        int retainDays,
        boolean runBackup,
        boolean deleteSnapshots,
        Map<String, Object> options,
        Map<String, Object> offloadProvider,
        Instant requestedAt,
        DefinitionNames names,
        PvcSelection selection,
        BackupHooks hooks) {

    /** A trigger without the kubebackup's selection and hooks. */
    public OffloadTriggered(String triggerId, String offloadId, String backupdefId, String clusterId, String trigger,
            int retainDays, boolean runBackup, boolean deleteSnapshots, Map<String, Object> options,
            Map<String, Object> offloadProvider, Instant requestedAt, DefinitionNames names) {
        this(triggerId, offloadId, backupdefId, clusterId, trigger, retainDays, runBackup, deleteSnapshots, options,
                offloadProvider, requestedAt, names, null, null);
    }
}
