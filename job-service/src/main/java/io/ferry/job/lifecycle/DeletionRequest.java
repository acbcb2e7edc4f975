package io.ferry.job.lifecycle;

import io.ferry.events.job.TargetSpec;
import io.ferry.events.retention.DeleteBackupSpec;

/**
 * The recovery point a DELETE_BACKUP job removes.
 *
 * @param name   the backupinstance's name (the job is named after it)
 * @param target where its copy is; null: the agent's default target (or a SNAPSHOT, which is in the agent's store)
 */
public record DeletionRequest(String name, DeleteBackupSpec spec, TargetSpec target) {
}
