package io.ferry.agent.repository.pack;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import io.ferry.agent.repository.crypto.Sealer;

/**
 * Collects sealed blobs into a pack:
 * {@code blob_1 || … || blob_n || header || u32be(header length)}, where
 * {@code header = seal(aad "ferry:pack-header", u32be(n) || n × (chunk id (32) || u32be offset || u32be length || u32be raw length))}.
 * A pack's id is the SHA-256 of all its bytes (hex); it is stored as {@code data/<first two hex digits>/<id>}.
 */
public final class PackBuilder {

    /** Packs are closed once they reach this size. */
    public static final int TARGET_SIZE = 16 * 1024 * 1024;
    static final int ENTRY_LENGTH = 32 + 4 + 4 + 4;

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream(TARGET_SIZE + 4 * 1024 * 1024);
    private final List<PackEntry> entries = new ArrayList<>();

    /** Adds a sealed blob. */
    public void add(byte[] chunkId, byte[] sealedBlob, int rawLength) {
        entries.add(new PackEntry(chunkId, bytes.size(), sealedBlob.length, rawLength));
        bytes.writeBytes(sealedBlob);
    }

    public int size() {
        return bytes.size();
    }

    public boolean isEmpty() {
        return entries.isEmpty();
    }

    /** The pack, with its header sealed by {@code sealer}. */
    public Pack build(Sealer sealer) {
        ByteBuffer header = ByteBuffer.allocate(4 + entries.size() * ENTRY_LENGTH);
        header.putInt(entries.size());
        for (PackEntry entry : entries) {
            header.put(entry.chunkId()).putInt(entry.offset()).putInt(entry.length()).putInt(entry.rawLength());
        }
        byte[] sealedHeader = sealer.seal(Sealer.PACK_HEADER, header.array());
        bytes.writeBytes(sealedHeader);
        bytes.writeBytes(ByteBuffer.allocate(4).putInt(sealedHeader.length).array());
        byte[] data = bytes.toByteArray();
        return new Pack(HexFormat.of().formatHex(sha256(data)), data, List.copyOf(entries));
    }

    /** A finished pack: its id, bytes and blobs. */
    public record Pack(String id, byte[] data, List<PackEntry> entries) {

        public String name() {
            return objectName(id);
        }
    }

    public static String objectName(String packId) {
        return "data/" + packId.substring(0, 2) + "/" + packId;
    }

    static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("The JVM has no SHA-256", e);
        }
    }
}
