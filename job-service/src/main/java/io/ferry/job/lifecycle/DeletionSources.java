package io.ferry.job.lifecycle;

import java.util.Optional;

import io.ferry.events.retention.DeleteBackupTriggered;
import io.smallrye.mutiny.Uni;

/** Where the DELETE_BACKUP jobs that triggers ask for come from: the recovery points ({@code backupinstance}). */
public interface DeletionSources {

    /**
     * The DELETE_BACKUP job {@code trigger} asks for, its backupinstance marked DELETING (in the caller's transaction);
     * empty when the backupinstance is not READY (gone, still being made, or already being deleted): nothing is deleted.
     */
    Uni<Optional<JobRequest>> request(String orgId, DeleteBackupTriggered trigger);
}
