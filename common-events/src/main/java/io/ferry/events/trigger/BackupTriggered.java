package io.ferry.events.trigger;

import java.time.Instant;

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
 */
public record BackupTriggered(String triggerId, String backupdefId, String clusterId, String trigger, int retainDays,
        Instant requestedAt, DefinitionNames names) {
}
