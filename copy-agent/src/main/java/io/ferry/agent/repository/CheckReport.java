package io.ferry.agent.repository;

import java.util.List;

/**
 * What {@link Repository#check()} found.
 *
 * @param packs              pack objects read back
 * @param packBytes          their bytes
 * @param chunks             indexed chunks checked
 * @param snapshots          snapshots whose files were checked
 * @param files              files in those snapshots
 * @param damagedPacks       packs whose bytes no longer have their name's SHA-256, or whose header does not open
 * @param damagedChunks      chunks that are missing or do not authenticate, with why
 * @param affectedFiles      the files of every snapshot that need one of those chunks (or a chunk in no index)
 * @param unreferencedPacks  packs no index names: left by an interrupted or cancelled copy, not damage (garbage
 *                           collection removes them)
 * @param unreferencedBytes  their bytes
 */
public record CheckReport(int packs, long packBytes, int chunks, int snapshots, int files, List<DamagedPack> damagedPacks,
        List<DamagedChunk> damagedChunks, List<AffectedFile> affectedFiles, List<String> unreferencedPacks, long unreferencedBytes) {

    /** Nothing missing or damaged: every file of every snapshot can be restored. */
    public boolean clean() {
        return damagedPacks.isEmpty() && damagedChunks.isEmpty() && affectedFiles.isEmpty();
    }

    public record DamagedPack(String pack, String problem) {
    }

    public record DamagedChunk(String chunk, String pack, String problem) {
    }

    /** A file of a snapshot that cannot be restored, and the first of its chunks that is missing or damaged. */
    public record AffectedFile(String snapshot, String jobId, String namespace, String pvc, String path, String chunk, String problem) {
    }
}
