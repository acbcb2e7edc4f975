package io.ferry.job.lifecycle;

import io.ferry.events.job.TargetSpec;
import io.ferry.events.restore.RestoreSpec;

/**
 * The restore a RESTORE job's trigger asks for, with what was found of the backupinstance it restores.
 *
 * @param spec        what the agent restores; null when the backupinstance cannot be restored
 * @param target      where the copy is; null: the agent's default target
 * @param unavailable why the backupinstance cannot be restored (the job is then FAILED at once); null when it can
 */
public record RestoreRequest(String restoredefId, String restoreName, String backupInstanceId, RestoreSpec spec, TargetSpec target,
        String unavailable) {
}
