import { percent } from './format.js';

const SNAPSHOT = 'K8S_SNAP';

/** A PVC's progress in percent: its snapshot's for a snapshot, else bytes read of the bytes the scan found. */
export function pvcPercent(pvc) {
  if (pvc.state === 'COMPLETED') {
    return 100;
  }
  if (pvc.op_type === SNAPSHOT) {
    return Math.max(0, Math.min(100, pvc.snapshot_progress_percentage ?? 0));
  }
  return percent(pvc.stats?.io_size ?? 0, pvc.stats?.estimated_size ?? 0);
}

/** A job has one record per PVC and step: the snapshot, then the copy (or the restore) of that snapshot. */
export function stepOf(pvc) {
  return { K8S_SNAP: 'snapshot', K8S_COPY: 'copy', RESTORE: 'restore' }[pvc.op_type] ?? pvc.op_type;
}

export function keyOf(pvc) {
  return `${pvc.op_type}:${pvc.namespace}/${pvc.name}`;
}

/**
 * A job's progress: a copy's (or restore's) bytes read of those the scan found, or its PVC counts before the scan
 * has found any; a snapshot job's PVC counts. A copy's snapshot step does not count, so the bar never goes back.
 */
export function jobPercent(job) {
  if (job.state === 'COMPLETED') {
    return 100;
  }
  const copy = job.kube_copy_progress;
  if (copy?.stats?.estimated_size) {
    return percent(copy.stats.io_size ?? 0, copy.stats.estimated_size);
  }
  const counts = job.type === SNAPSHOT ? job.kube_snapshot_progress : copy;
  return percent(counts?.completed_pvs ?? 0, counts?.total_pvs ?? 0);
}

/** How long the job has run: to its end, or to now while it runs; null before it starts. */
export function elapsedSeconds(job) {
  return job.start_time ? (job.end_time ?? Date.now() / 1000) - job.start_time : null;
}

/** Completed of all PVCs, "2/3", from the copy's counts or else the snapshot's. */
export function pvcSummary(job) {
  const progress = job.kube_copy_progress ?? job.kube_snapshot_progress;
  return progress?.total_pvs ? `${progress.completed_pvs ?? 0}/${progress.total_pvs}` : '–';
}
