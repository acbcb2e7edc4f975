import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ThroughputTracker } from '../../main/webui/throughput.js';

test('the first sample has no rate and no ETA', () => {
  const tracker = new ThroughputTracker();
  assert.deepEqual(tracker.observe('pvc', 0, 1000, 0), { rate: null, eta: null });
});

test('rate is bytes per second between samples and the ETA what remains at that rate', () => {
  const tracker = new ThroughputTracker();
  tracker.observe('pvc', 0, 10_000, 0);
  const { rate, eta } = tracker.observe('pvc', 1_000, 10_000, 1_000);
  assert.equal(rate, 1_000);
  assert.equal(eta, 9);
});

test('a poll that finds no new report keeps the rate; a stall of seconds brings it down, smoothed', () => {
  const tracker = new ThroughputTracker(0.5, 3_000);
  tracker.observe('pvc', 0, 10_000, 0);
  tracker.observe('pvc', 1_000, 10_000, 1_000);
  assert.deepEqual(tracker.observe('pvc', 1_000, 10_000, 2_000), { rate: 1_000, eta: 9 });
  const stalled = tracker.observe('pvc', 1_000, 10_000, 4_000);
  assert.equal(stalled.rate, 500);
  assert.equal(stalled.eta, 18);
});

test('PVCs are tracked apart, and a sample at the same instant changes nothing', () => {
  const tracker = new ThroughputTracker();
  tracker.observe('a', 0, 100, 0);
  tracker.observe('b', 0, 100, 0);
  assert.equal(tracker.observe('a', 50, 100, 1_000).rate, 50);
  assert.equal(tracker.observe('a', 50, 100, 1_000).rate, 50);
  assert.equal(tracker.observe('b', 10, 100, 1_000).rate, 10);
});
