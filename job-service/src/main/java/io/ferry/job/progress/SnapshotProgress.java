package io.ferry.job.progress;

/** A job's snapshots (seed: {@code kube_snapshot_progress}): its PVCs' counts, and how many were skipped (SKIPPED-*). */
public record SnapshotProgress(PvcCounts pvcs, int skipped) {
}
