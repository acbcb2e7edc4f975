package io.ferry.job.lifecycle;

import io.ferry.events.restore.RestoreTriggered;
import io.smallrye.mutiny.Uni;

/** Turns a restore trigger into the request for its RESTORE job, with what is known of the backupinstance it restores. */
public interface RestoreSources {

    Uni<JobRequest> request(String orgId, RestoreTriggered trigger);
}
