package io.ferry.agent.transfer;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Path;
import java.nio.file.ReadOnlyFileSystemException;

/**
 * Writing to a destination the agent owns (the backup target or the snapshot store) failed. Unlike an
 * unreadable source file, this fails the whole job: no other PVC can be written there either.
 */
public class WriteFailedException extends Exception {

    /** What went wrong, as metrics count it. */
    public enum Kind {
        /** The destination is full. */
        FULL,
        /** The destination is read-only or the agent may not write it. */
        NOT_WRITABLE,
        /** The destination cannot be used at all (unreachable, wrong credentials, no bucket). */
        UNUSABLE,
        /** Any other failed write. */
        WRITE_FAILED
    }

    private final Kind kind;

    /**
     * @param place what was written to, for example {@code "backup target /backups"}
     */
    public WriteFailedException(String place, Path path, Exception cause) {
        super(describe(place, path, cause), cause);
        this.kind = kindOf(cause);
    }

    /** A failure that is not about a file, described completely by {@code message}. */
    public WriteFailedException(String message, Throwable cause) {
        this(Kind.WRITE_FAILED, message, cause);
    }

    protected WriteFailedException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    static String describe(String place, Path path, Exception cause) {
        String reason = reason(cause);
        return switch (kindOf(cause)) {
            case FULL -> "The " + place + " is full: writing " + path + " failed (" + reason + ")";
            case NOT_WRITABLE -> "The " + place + " is read-only or not writable: writing " + path + " failed (" + reason + ")";
            default -> "Writing " + path + " to the " + place + " failed: " + reason;
        };
    }

    private static Kind kindOf(Exception cause) {
        String reason = reason(cause);
        if (reason.contains("No space left on device") || reason.contains("Disk quota exceeded")) {
            return Kind.FULL;
        }
        if (cause instanceof ReadOnlyFileSystemException || cause instanceof AccessDeniedException
                || reason.contains("Read-only file system") || reason.contains("Permission denied")) {
            return Kind.NOT_WRITABLE;
        }
        return Kind.WRITE_FAILED;
    }

    private static String reason(Exception cause) {
        return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    }

    /** Wraps an {@link IOException} of a write. */
    public static WriteFailedException of(String place, Path path, IOException cause) {
        return new WriteFailedException(place, path, cause);
    }
}
