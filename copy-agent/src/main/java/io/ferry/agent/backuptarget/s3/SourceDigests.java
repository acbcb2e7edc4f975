package io.ferry.agent.backuptarget.s3;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import io.ferry.agent.transfer.Cancellation;
import io.ferry.agent.transfer.TransferListener;
import io.ferry.agent.transfer.UnreadableFileException;

/**
 * One read of a source file before it is uploaded: its SHA-256 (for the manifest) and the digest the server checks
 * of each part (a header, so it must be known before the body is sent). A file smaller than the part size is one
 * part; in SHA-256 mode its part digest is the file's.
 *
 * @param multipart whether the file is at least a part in size, and is uploaded in parts
 * @param parts     the file's parts in order; one for a file below the part size (also for an empty one)
 */
record SourceDigests(long size, String sha256, boolean multipart, List<Part> parts) {

    private static final int BUFFER = 256 * 1024;

    /** A range of the file uploaded as one part (or as the whole object), with the digest the server checks. */
    record Part(int number, long offset, long length, byte[] digest) {
    }

    /**
     * @param expectedSize the size the scan found: files of at least {@code partSize} are read as parts
     * @throws UnreadableFileException when the file cannot be read, or its size is not what the scan found
     */
    static SourceDigests read(Path source, long expectedSize, long partSize, ServerChecksum checksum, String label,
            Cancellation cancellation, TransferListener listener) throws UnreadableFileException {
        MessageDigest file = ServerChecksum.digest("SHA-256");
        boolean onePart = expectedSize < partSize;
        MessageDigest part = onePart && checksum == ServerChecksum.SHA256 ? null : checksum.newDigest();
        List<Part> parts = new ArrayList<>();
        byte[] buffer = new byte[BUFFER];
        long size = 0;
        long partStart = 0;
        try (InputStream in = Files.newInputStream(source)) {
            while (true) {
                cancellation.check();
                int wanted = onePart ? BUFFER : (int) Math.min(BUFFER, partStart + partSize - size);
                int read = in.read(buffer, 0, wanted);
                if (read < 0) {
                    break;
                }
                listener.bytesRead(read);
                file.update(buffer, 0, read);
                if (part != null) {
                    part.update(buffer, 0, read);
                }
                size += read;
                if (!onePart && size - partStart == partSize) {
                    parts.add(new Part(parts.size() + 1, partStart, partSize, part.digest()));
                    partStart = size;
                }
            }
        } catch (IOException e) {
            cancellation.check();
            throw new UnreadableFileException(label, e.toString());
        }
        if (size != expectedSize) {
            throw new UnreadableFileException(label, "it has %d bytes, not the %d it had when the PVC was scanned".formatted(size,
                    expectedSize));
        }
        byte[] sha256 = file.digest();
        if (onePart) {
            parts.add(new Part(1, 0, size, part == null ? sha256 : part.digest()));
        } else if (size > partStart) {
            parts.add(new Part(parts.size() + 1, partStart, size - partStart, part.digest()));
        }
        return new SourceDigests(size, HexFormat.of().formatHex(sha256), !onePart, List.copyOf(parts));
    }
}
