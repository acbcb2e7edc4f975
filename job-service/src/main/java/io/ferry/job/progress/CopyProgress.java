package io.ferry.job.progress;

/** A job's data transfer (seed: {@code kube_copy_progress}): its copied PVCs' counts and figures. */
public record CopyProgress(PvcCounts pvcs, TransferStats stats) {
}
