package io.ferry.agent.repository.index;

import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Which chunks a repository holds and where: the union of its index files, loaded when it is opened. */
public final class ChunkIndex {

    private final Map<String, BlobLocation> chunks = new ConcurrentHashMap<>();
    private final Set<String> packs = ConcurrentHashMap.newKeySet();

    /** Adds the blobs of an index file; a chunk stored twice keeps the location first seen (either is good). */
    public void add(IndexFile file) {
        for (IndexFile.PackBlobs pack : file.packs()) {
            packs.add(pack.id());
            for (IndexFile.Blob blob : pack.blobs()) {
                chunks.putIfAbsent(blob.id(), new BlobLocation(pack.id(), blob.offset(), blob.length(), blob.rawLength()));
            }
        }
    }

    /** @param chunkId hex */
    public BlobLocation locate(String chunkId) {
        return chunks.get(chunkId);
    }

    /** Whether an index file names the pack (its chunks may all be located in other packs, stored there first). */
    public boolean indexes(String packId) {
        return packs.contains(packId);
    }

    /** Every indexed chunk (hex id) with its location; a view, not a copy. */
    public Map<String, BlobLocation> all() {
        return Collections.unmodifiableMap(chunks);
    }

    public boolean contains(String chunkId) {
        return chunks.containsKey(chunkId);
    }
}
