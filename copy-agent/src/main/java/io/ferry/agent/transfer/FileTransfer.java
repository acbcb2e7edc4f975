package io.ferry.agent.transfer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Copies one file in chunks: rate-limited, stoppable between chunks, with its SHA-256 computed on the way;
 * either straight into its destination or, so that a file under its final name is always complete,
 * through a temporary file that is flushed to disk and then renamed.
 */
public final class FileTransfer {

    public static final int CHUNK_SIZE = 64 * 1024;

    /** What was copied. */
    public record Copied(long size, String sha256) {
    }

    private FileTransfer() {
    }

    /**
     * @param source      the file to read
     * @param label       how messages name the source file
     * @param destination the file to create (its parent is created)
     * @param place       what the destination is, for messages ("backup target ...")
     * @throws UnreadableFileException       when the source cannot be read
     * @throws WriteFailedException          when the destination cannot be written
     * @throws Cancellation.StoppedException when the job is stopped meanwhile
     */
    public static Copied copy(Path source, String label, Path destination, String place, RateLimit limit,
            Cancellation cancellation, TransferListener listener) throws UnreadableFileException, WriteFailedException {
        Copied copied = write(source, label, destination, false, place, limit, cancellation, listener);
        listener.fileDone();
        return copied;
    }

    /**
     * Like {@link #copy}, but writes {@code temporary}, forces it to disk and only then renames it to
     * {@code destination} (replacing what is there).
     */
    public static Copied copyThenRename(Path source, String label, Path temporary, Path destination, String place,
            RateLimit limit, Cancellation cancellation, TransferListener listener)
            throws UnreadableFileException, WriteFailedException {
        Copied copied = write(source, label, temporary, true, place, limit, cancellation, listener);
        try {
            Files.createDirectories(destination.getParent());
            Files.move(temporary, destination, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw writeFailure(destination, place, cancellation, e);
        }
        listener.fileDone();
        return copied;
    }

    private static Copied write(Path source, String label, Path destination, boolean force, String place, RateLimit limit,
            Cancellation cancellation, TransferListener listener) throws UnreadableFileException, WriteFailedException {
        MessageDigest digest = sha256();
        byte[] buffer = new byte[CHUNK_SIZE];
        long size = 0;
        try (InputStream in = open(source, label, cancellation);
                FileChannel channel = create(destination, place, cancellation);
                OutputStream out = Channels.newOutputStream(channel)) {
            while (true) {
                cancellation.check();
                int read = read(in, buffer, label, cancellation);
                if (read < 0) {
                    break;
                }
                listener.bytesRead(read);
                digest.update(buffer, 0, read);
                try {
                    limit.acquire(read);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    cancellation.check();
                    throw new WriteFailedException(place, destination, e);
                }
                write(out, buffer, read, destination, place, cancellation);
                listener.bytesWritten(read);
                size += read;
            }
            if (force) {
                channel.force(true);
            }
        } catch (IOException e) {
            throw writeFailure(destination, place, cancellation, e);
        }
        return new Copied(size, HexFormat.of().formatHex(digest.digest()));
    }

    private static InputStream open(Path source, String label, Cancellation cancellation) throws UnreadableFileException {
        try {
            return Files.newInputStream(source);
        } catch (IOException e) {
            cancellation.check();
            throw new UnreadableFileException(label, e.toString());
        }
    }

    private static FileChannel create(Path destination, String place, Cancellation cancellation) throws WriteFailedException {
        try {
            Files.createDirectories(destination.getParent());
            return FileChannel.open(destination, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                    StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw writeFailure(destination, place, cancellation, e);
        }
    }

    private static int read(InputStream in, byte[] buffer, String label, Cancellation cancellation) throws UnreadableFileException {
        try {
            return in.read(buffer);
        } catch (IOException e) {
            cancellation.check();
            throw new UnreadableFileException(label, e.toString());
        }
    }

    private static void write(OutputStream out, byte[] buffer, int length, Path destination, String place,
            Cancellation cancellation) throws WriteFailedException {
        try {
            out.write(buffer, 0, length);
        } catch (IOException e) {
            throw writeFailure(destination, place, cancellation, e);
        }
    }

    private static WriteFailedException writeFailure(Path destination, String place, Cancellation cancellation, IOException e) {
        cancellation.check();
        return WriteFailedException.of(place, destination, e);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("The JVM has no SHA-256", e);
        }
    }
}
