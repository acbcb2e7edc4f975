package io.ferry.events.restore;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.ferry.events.job.CopyOptions;
import io.ferry.events.vocabulary.TriggerType;

/**
 * Run a restore (kuberestore) now: job-service creates one RESTORE job per {@code triggerId}, from the backupinstance
 * it names, on the destination cluster's agent.
 *
 * @param triggerId         idempotency key: the same trigger delivered again creates no second job
 * @param restoredefId      the kuberestore (the job's {@code restoredef})
 * @param restoreName       its name when the run was asked for
 * @param clusterId         the destination cluster, whose agent restores
 * @param clusterName       its name when the run was asked for
 * @param backupInstanceId  the recovery point restored: a READY COPY backupinstance of the same organisation
 * @param namespaces        the namespaces restored; empty: all
 * @param namespacesMap     restore namespace {@code key} as namespace {@code value}
 * @param overwriteExisting whether a PVC that is not empty may be written into
 * @param options           download speed limit and parallelism; null: the agent's defaults
 */
public record RestoreTriggered(
        String triggerId,
        String restoredefId,
        String restoreName,
        String clusterId,
        String clusterName,
        String backupInstanceId,
        TriggerType trigger,
        Instant requestedAt,
        List<String> namespaces,
        Map<String, String> namespacesMap,
        boolean overwriteExisting,
        CopyOptions options) {
}
