package io.ferry.events.retention;

import io.ferry.events.vocabulary.BackupInstanceType;

/**
 * What a DELETE_BACKUP job removes (carried by JobDispatched): the data one job made. For a COPY, that job's snapshots
 * in its kubebackup's repository on the job's target, then whatever no other snapshot needs (prune); for a SNAPSHOT,
 * that job's recovery point in the agent's snapshot store.
 *
 * @param backupInstanceId the backupinstance deleted
 * @param type             SNAPSHOT or COPY
 * @param backupJobId      the job that made it
 */
public record DeleteBackupSpec(String backupInstanceId, BackupInstanceType type, String backupJobId) {
}
