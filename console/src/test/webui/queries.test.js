import { test } from 'node:test';
import assert from 'node:assert/strict';
import { whereOf } from '../../main/webui/queries.js';
import { isCancellable } from '../../main/webui/vocabulary.js';

test('empty filters query everything', () => {
  assert.deepEqual(whereOf({ state: '', type: '', cluster: '', definition: '' }), {});
});

test('filters become equalities, a definition its backupdef or copydef', () => {
  assert.deepEqual(whereOf({ state: 'RUNNING', type: 'K8S_COPY', cluster: 'c1', definition: 'copydef:o1' }),
    { state: 'RUNNING', type: 'K8S_COPY', cluster: 'c1', copydef: 'o1' });
  assert.deepEqual(whereOf({ definition: 'backupdef:b1' }), { backupdef: 'b1' });
});

test('only a running snapshot, copy or restore offers cancel', () => {
  assert.equal(isCancellable({ state: 'RUNNING', type: 'K8S_COPY' }), true);
  assert.equal(isCancellable({ state: 'RUNNING', type: 'DELETE_BACKUP' }), false);
  assert.equal(isCancellable({ state: 'PENDING', type: 'K8S_SNAP' }), false);
});
