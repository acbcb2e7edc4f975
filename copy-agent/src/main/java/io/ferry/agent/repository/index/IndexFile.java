package io.ferry.agent.repository.index;

import java.util.HexFormat;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

import io.ferry.agent.repository.pack.PackEntry;

/**
 * An index file, {@code index/<SHA-256 of its stored bytes>}: sealed JSON (aad {@code "ferry:index"}) listing the
 * blobs of the packs one write session uploaded. Written once, after all its packs, never changed.
 */
public record IndexFile(int version, List<PackBlobs> packs) {

    public static final int VERSION = 1;

    /** A pack and its blobs. */
    public record PackBlobs(String id, List<Blob> blobs) {

        /** A pack as its header lists its blobs. */
        public static PackBlobs of(String packId, List<PackEntry> entries) {
            return new PackBlobs(packId, entries.stream().map(entry -> new Blob(HexFormat.of().formatHex(entry.chunkId()), entry.offset(),
                    entry.length(), entry.rawLength())).toList());
        }
    }

    /** A blob: chunk id (hex), offset and length of the sealed blob in the pack, the chunk's plaintext length. */
    public record Blob(String id, long offset, int length, @JsonProperty("raw_length") int rawLength) {
    }
}
