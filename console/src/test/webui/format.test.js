import { test } from 'node:test';
import assert from 'node:assert/strict';
import { bytes, duration, percent } from '../../main/webui/format.js';

test('bytes in binary units', () => {
  assert.equal(bytes(512), '512 B');
  assert.equal(bytes(3 << 20), '3.0 MiB');
  assert.equal(bytes(undefined), '–');
});

test('durations in seconds, minutes and hours', () => {
  assert.equal(duration(42.4), '42s');
  assert.equal(duration(125), '2m 5s');
  assert.equal(duration(3 * 3600 + 120), '3h 2m');
  assert.equal(duration(-1), '–');
});

test('percent is bounded and whole', () => {
  assert.equal(percent(1, 3), 33);
  assert.equal(percent(5, 0), 0);
  assert.equal(percent(7, 5), 100);
});
