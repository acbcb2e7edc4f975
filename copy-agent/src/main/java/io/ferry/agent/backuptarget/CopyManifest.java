package io.ferry.agent.backuptarget;

import java.time.Instant;
import java.util.List;

import io.ferry.events.vocabulary.JobState;
import io.ferry.events.vocabulary.PvcState;

/**
 * {@code manifest.json} of a copy in the backup target: what was copied, and whether the copy is complete.
 *
 * @param complete      true once the job finished writing; false for a cancelled or failed copy (its data
 *                      has been removed)
 * @param state         the job's result
 * @param recoveryPoint the recovery point that was copied
 */
public record CopyManifest(
        String jobId,
        String clusterId,
        String backupdefId,
        String copydefId,
        String recoveryPoint,
        boolean complete,
        JobState state,
        String message,
        Instant startedAt,
        Instant finishedAt,
        Instant expiresAt,
        List<PvcEntry> pvcs) {

    /** One PVC: its result and every file written, with its size and SHA-256. */
    public record PvcEntry(String namespace, String name, PvcState state, String message, long size, List<FileEntry> files) {
    }

    /** One file, by its path relative to the PVC. */
    public record FileEntry(String path, long size, String sha256) {
    }
}
