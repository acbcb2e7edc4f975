package io.ferry.job.lifecycle;

import io.ferry.events.job.RunSpec;
import io.ferry.events.job.TargetSpec;
import io.smallrye.mutiny.Uni;

/**
 * What follows from a job's life besides its document and JobStateChanged (recovery points do), in the transaction
 * that stores the job.
 */
public interface JobObserver {

    /**
     * The job was sent to its agent.
     *
     * @param target where it copies to (or restores from, or deletes from); null: the agent's default target
     * @param run    what it was sent to do (its PVC selection filled in)
     */
    Uni<Void> dispatched(StoredJob job, TargetSpec target, RunSpec run);

    /** The job changed as subscribers hear of it ({@link JobEvents#isNews}). */
    Uni<Void> changed(StoredJob job);
}
