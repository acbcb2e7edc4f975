package io.ferry.agent.repository.index;

import java.util.Collections;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Which chunks a repository holds and where: the union of its index files, loaded when it is opened. */
public final class ChunkIndex {

    private final Map<String, BlobLocation> chunks = new ConcurrentHashMap<>();

    /** Adds the blobs of an index file; a chunk stored twice keeps the location first seen (either is good). */
    public void add(IndexFile file) {
        for (IndexFile.PackBlobs pack : file.packs()) {
            for (IndexFile.Blob blob : pack.blobs()) {
                chunks.putIfAbsent(blob.id(), new BlobLocation(pack.id(), blob.offset(), blob.length(), blob.rawLength()));
            }
        }
    }

    /** @param chunkId hex */
    public BlobLocation locate(String chunkId) {
        return chunks.get(chunkId);
    }

    /** Every indexed chunk (hex id) with its location; a view, not a copy. */
    public Map<String, BlobLocation> all() {
        return Collections.unmodifiableMap(chunks);
    }

    public boolean contains(String chunkId) {
        return chunks.containsKey(chunkId);
    }
}
