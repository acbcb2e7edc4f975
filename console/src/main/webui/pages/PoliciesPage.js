import { html } from 'htm/preact';
import { list } from '../api.js';
import { usePolled } from '../polling.js';
import { Loading } from '../components.js';
import { CreateForm, TextField } from '../forms.js';
import { cronOf, describeSchedule } from '../schedules.js';

const FIRE_TIME = (timeZone) => ({
  timeZone, weekday: 'short', year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit',
  hourCycle: 'h23',
});

function ScheduleLine({ entry, timezone }) {
  const cron = cronOf(entry.schedule);
  const { words, next } = describeSchedule(cron, timezone);
  return html`<li data-cron=${cron}>
    <strong>${words}</strong> <span class="muted">(${cron}, ${timezone})</span>,
    kept ${entry.retainDays} days${entry.locked ? ', locked' : ''}
    <div class="muted next-fires">next: ${next.length > 0
      ? next.map((date) => date.toLocaleString(undefined, FIRE_TIME(timezone))).join(' · ')
      : '–'}</div>
  </li>`;
}

/** Policies: their schedules in words and when they fire next. */
export function PoliciesPage() {
  const policies = usePolled(() => list('policies', { sort: 'name', max_results: 100 }), [], { intervalMs: 10000 });
  const initial = { name: '', timezone: Intl.DateTimeFormat().resolvedOptions().timeZone, cronSpec: '30 2 * * *', retainDays: '7' };
  return html`<section>
    <header class="page-header">
      <div><h1>Policies</h1><p class="muted">Schedules of SCHEDULED backups and copies.</p></div>
      <${CreateForm} resource="policies" title="policy" initial=${initial} onCreated=${policies.reload}
          toDocument=${(v) => ({ name: v.name, timezone: v.timezone,
            schedules: [{ retainDays: Number(v.retainDays), schedule: { cronSpec: v.cronSpec } }] })}>
        ${(form) => html`
          <${TextField} name="name" label="Name" form=${form} required />
          <${TextField} name="timezone" label="Time zone" form=${form} />
          <${TextField} name="cronSpec" label="Schedule (cron: minute hour day-of-month month day-of-week)" form=${form} issue="schedules" />
          <${TextField} name="retainDays" label="Keep runs for (days)" type="number" min="1" form=${form} issue="schedules" />`}
      </${CreateForm}>
    </header>
    <${Loading} state=${policies} />
    ${policies.data && html`<table class="table" data-testid="policies">
      <thead><tr><th>Name</th><th>Schedules</th></tr></thead>
      <tbody>${policies.data._items.map((policy) => html`<tr data-name=${policy.name}>
        <td><strong>${policy.name}</strong><div class="muted">${policy.description ?? ''}</div></td>
        <td><ul class="schedules">${(policy.schedules ?? []).map((entry) =>
          html`<${ScheduleLine} entry=${entry} timezone=${policy.timezone ?? 'UTC'} />`)}</ul></td>
      </tr>`)}</tbody>
    </table>`}
  </section>`;
}
