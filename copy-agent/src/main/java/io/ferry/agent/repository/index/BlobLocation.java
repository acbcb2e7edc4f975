package io.ferry.agent.repository.index;

/** Where a chunk is stored: the pack, the sealed blob's offset and length in it, the chunk's plaintext length. */
public record BlobLocation(String pack, long offset, int length, int rawLength) {
}
