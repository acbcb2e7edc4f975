package io.ferry.events.progress;

/**
 * Data transfer figures of one PVC, in bytes and files. {@code io} is what was read (COPY) or written
 * (RESTORE); {@code transferred} what reached the other side.
 */
public record PvcStats(
        long estimatedSize,
        long estimatedNumberOfFiles,
        long ioSize,
        long ioNumberOfFiles,
        long transferredSize,
        long transferredNumberOfFiles) {

    public static final PvcStats ZERO = new PvcStats(0, 0, 0, 0, 0, 0);
}
