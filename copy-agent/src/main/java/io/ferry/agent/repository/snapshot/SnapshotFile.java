package io.ferry.agent.repository.snapshot;

import java.time.Instant;
import java.util.List;

/**
 * A regular file of a snapshot.
 *
 * @param path   relative to the PVC, with {@code /}
 * @param mode   the {@code st_mode} (type and permission bits), or null where the file system does not say
 * @param mtime  last modification, to the precision the file system keeps
 * @param inode  the inode number, or null where the file system has none
 * @param chunks the ids (hex) of its chunks, in order; their plaintexts concatenated are the file
 * @param sha256 of the whole file (hex)
 */
public record SnapshotFile(String path, Integer mode, long size, Instant mtime, Long inode, List<String> chunks, String sha256) {
}
