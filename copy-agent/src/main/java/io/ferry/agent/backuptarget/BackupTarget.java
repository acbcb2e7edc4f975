package io.ferry.agent.backuptarget;

import java.io.IOException;

import io.ferry.agent.transfer.WriteFailedException;

/**
 * Where copies go: the agent's directory ({@link DirectoryTarget}) or an S3 bucket ({@code S3Target}). A copy
 * job checks its target in {@link #begin} before any PVC is copied; a target is closed when its job ends.
 */
public interface BackupTarget extends AutoCloseable {

    /** What messages call the target, for example {@code "backup target /backups"}. */
    String place();

    /**
     * Checks that the target can be written and starts a job's copy there, or continues the copy of an earlier
     * attempt (its complete files stay, anything half-written goes).
     *
     * @throws TargetUnusableException when the target cannot be used at all (the message says why)
     * @throws WriteFailedException    when the check could not write
     */
    TargetCopy begin(CopyId copy) throws WriteFailedException;

    /** Removes whatever a job's copy left in the target: the job will not be resumed. */
    void remove(CopyId copy) throws IOException;

    @Override
    void close();
}
