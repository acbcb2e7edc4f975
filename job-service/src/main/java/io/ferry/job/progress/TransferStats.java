package io.ferry.job.progress;

/** Data transfer figures summed over a job's PVCs, in bytes and files (seed: {@code kube_copy_progress.stats}). */
public record TransferStats(
        long estimatedSize,
        long estimatedNumberOfFiles,
        long ioSize,
        long ioNumberOfFiles,
        long transferredSize,
        long transferredNumberOfFiles) {

    public static final TransferStats ZERO = new TransferStats(0, 0, 0, 0, 0, 0);

    public TransferStats plus(TransferStats other) {
        return new TransferStats(estimatedSize + other.estimatedSize, estimatedNumberOfFiles + other.estimatedNumberOfFiles,
                ioSize + other.ioSize, ioNumberOfFiles + other.ioNumberOfFiles, transferredSize + other.transferredSize,
                transferredNumberOfFiles + other.transferredNumberOfFiles);
    }
}
