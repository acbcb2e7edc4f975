import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cronOf, describeSchedule } from '../../main/webui/schedules.js';

test('a schedule is described in words and its next fires come in its time zone', () => {
  const { words, next } = describeSchedule('30 2 * * *', 'Europe/Berlin');
  assert.match(words, /02:30/);
  assert.equal(next.length, 3);
  for (const fire of next) {
    const local = fire.toLocaleString('en-GB', { timeZone: 'Europe/Berlin', hour: '2-digit', minute: '2-digit' });
    assert.equal(local, '02:30');
  }
  assert.ok(next[1] - next[0] >= 23 * 3600_000, 'one a day');
});

test('the field form and the cronSpec form are the same schedule', () => {
  assert.equal(cronOf({ minute: '0', hour: '4', dayOfMonth: '*', month: '*', dayOfWeek: 'SUN' }), '0 4 * * SUN');
  assert.equal(cronOf({ cronSpec: '30 2 * * *' }), '30 2 * * *');
});

test('an expression that is not cron says so instead of failing the page', () => {
  const { words, next } = describeSchedule('not cron', 'UTC');
  assert.match(words, /^not cron \(/);
  assert.deepEqual(next, []);
});
