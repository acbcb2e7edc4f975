import { test } from 'node:test';
import assert from 'node:assert/strict';
import { elapsedSeconds, jobPercent, keyOf, pvcPercent, pvcSummary, stepOf } from '../../main/webui/progress.js';

test('a copy is bytes read of the bytes the scan found, rounded down', () => {
  assert.equal(pvcPercent({ op_type: 'K8S_COPY', state: 'ACTIVE', stats: { io_size: 999, estimated_size: 1000 } }), 99);
  assert.equal(pvcPercent({ op_type: 'K8S_COPY', state: 'PENDING' }), 0);
});

test('a completed PVC is 100% even where the scan found nothing', () => {
  assert.equal(pvcPercent({ op_type: 'K8S_COPY', state: 'COMPLETED', stats: { io_size: 0, estimated_size: 0 } }), 100);
});

test('a snapshot shows its own percentage, bounded', () => {
  assert.equal(pvcPercent({ op_type: 'K8S_SNAP', state: 'ACTIVE', snapshot_progress_percentage: 40 }), 40);
  assert.equal(pvcPercent({ op_type: 'K8S_SNAP', state: 'ACTIVE', snapshot_progress_percentage: 140 }), 100);
});

test('a PVC has a record per step, so the key and the step name include it', () => {
  const snapshot = { op_type: 'K8S_SNAP', namespace: 'shop', name: 'db' };
  const copy = { ...snapshot, op_type: 'K8S_COPY' };
  assert.notEqual(keyOf(snapshot), keyOf(copy));
  assert.deepEqual([stepOf(snapshot), stepOf(copy), stepOf({ op_type: 'RESTORE' })], ['snapshot', 'copy', 'restore']);
});

test('a job is its bytes when it has them, else its PVC counts', () => {
  assert.equal(jobPercent({ state: 'RUNNING', kube_copy_progress: { stats: { io_size: 50, estimated_size: 200 } } }), 25);
  assert.equal(jobPercent({ state: 'RUNNING', type: 'K8S_SNAP', kube_snapshot_progress: { completed_pvs: 1, total_pvs: 4 } }), 25);
  assert.equal(jobPercent({ state: 'COMPLETED' }), 100);
});

test('a copy whose snapshot step is done is still at 0%, not at its snapshot counts', () => {
  assert.equal(jobPercent({ state: 'RUNNING', type: 'K8S_COPY', kube_snapshot_progress: { completed_pvs: 2, total_pvs: 2 },
    kube_copy_progress: { completed_pvs: 0, total_pvs: 2 } }), 0);
  assert.equal(jobPercent({ state: 'RUNNING', type: 'K8S_COPY', kube_snapshot_progress: { completed_pvs: 2, total_pvs: 2 } }), 0);
});

test('a job has run until its end, or until now while it runs, and not at all before it starts', () => {
  assert.equal(elapsedSeconds({ start_time: 100, end_time: 160 }), 60);
  const running = elapsedSeconds({ start_time: Date.now() / 1000 - 5 });
  assert.ok(running >= 5 && running < 6);
  assert.equal(elapsedSeconds({}), null);
});

test('PVC counts come from the copy, else the snapshot', () => {
  assert.equal(pvcSummary({ kube_copy_progress: { completed_pvs: 2, total_pvs: 3 }, kube_snapshot_progress: { completed_pvs: 3, total_pvs: 3 } }), '2/3');
  assert.equal(pvcSummary({ kube_snapshot_progress: { total_pvs: 4 } }), '0/4');
  assert.equal(pvcSummary({}), '–');
});
