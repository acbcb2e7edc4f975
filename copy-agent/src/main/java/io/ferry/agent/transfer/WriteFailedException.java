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

    /**
     * @param place what was written to, for example {@code "backup target /backups"}
     */
    public WriteFailedException(String place, Path path, Exception cause) {
        super(describe(place, path, cause), cause);
    }

    /** A failure that is not about a file, described completely by {@code message}. */
    public WriteFailedException(String message, Throwable cause) {
        super(message, cause);
    }

    static String describe(String place, Path path, Exception cause) {
        String reason = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        if (reason.contains("No space left on device") || reason.contains("Disk quota exceeded")) {
            return "The " + place + " is full: writing " + path + " failed (" + reason + ")";
        }
        if (cause instanceof ReadOnlyFileSystemException || cause instanceof AccessDeniedException
                || reason.contains("Read-only file system") || reason.contains("Permission denied")) {
            return "The " + place + " is read-only or not writable: writing " + path + " failed (" + reason + ")";
        }
        return "Writing " + path + " to the " + place + " failed: " + reason;
    }

    /** Wraps an {@link IOException} of a write. */
    public static WriteFailedException of(String place, Path path, IOException cause) {
        return new WriteFailedException(place, path, cause);
    }
}
