package io.ferry.agent.repository.pack;

/** A blob in a pack: the chunk it holds, where its sealed bytes are, and the chunk's plaintext length. */
public record PackEntry(byte[] chunkId, int offset, int length, int rawLength) {
}
