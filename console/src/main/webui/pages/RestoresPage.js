import { html } from 'htm/preact';
import { Link } from 'wouter-preact';
import { action, list } from '../api.js';
import { bytes, time } from '../format.js';
import { usePolled } from '../polling.js';
import { ActionButton, ErrorNotice, Loading, StateBadge, useAction } from '../components.js';

function RestoreRun({ restore, onRan }) {
  const run = useAction();
  const start = async () => {
    if (await run.run(() => action('kuberestores', restore._id, 'run')) !== undefined) {
      onRan();
    }
  };
  return html`<${ActionButton} onClick=${start} disabled=${run.busy}>Run</${ActionButton}><${ErrorNotice} error=${run.error} />`;
}

/** Recovery points (backupinstances) and the restores (kuberestores) made from them. */
export function RestoresPage() {
  const restores = usePolled(() => list('kuberestores', { sort: 'name', max_results: 100 }), [], { intervalMs: 3000 });
  const points = usePolled(() => list('backupinstances', { sort: '-start_time', max_results: 50 }), [], { intervalMs: 5000 });
  return html`<section>
    <header class="page-header"><h1>Restores</h1></header>
    <${Loading} state=${restores} />
    ${restores.data && html`<table class="table" data-testid="kuberestores">
      <thead><tr><th>Name</th><th>Namespaces</th><th>Last run</th><th></th></tr></thead>
      <tbody>${restores.data._items.map((restore) => html`<tr data-name=${restore.name}>
        <td><strong>${restore.name}</strong></td>
        <td>${(restore.selection?.namespaces ?? []).join(', ') || 'all'}${restore.namespaces_map
          ? html`<div class="muted">${Object.entries(restore.namespaces_map).map(([from, to]) => `${from} → ${to}`).join(', ')}</div>` : ''}</td>
        <td>${restore.status?.state ? html`<${StateBadge} state=${restore.status.state} />` : '–'}
          ${restore.status?.jobid && html` <${Link} href=${`/jobs/${restore.status.jobid}`}>job</${Link}>`}</td>
        <td><${RestoreRun} restore=${restore} onRan=${restores.reload} /></td>
      </tr>`)}</tbody>
    </table>`}
    <h2>Recovery points</h2>
    <${Loading} state=${points} />
    ${points.data && html`<table class="table" data-testid="backupinstances">
      <thead><tr><th>Name</th><th>Type</th><th>State</th><th>Made</th><th>Data</th><th>Kept for</th></tr></thead>
      <tbody>${points.data._items.map((point) => html`<tr data-name=${point.name}>
        <td>${point.backup_job_id ? html`<${Link} href=${`/jobs/${point.backup_job_id}`}>${point.name}</${Link}>` : point.name}</td>
        <td>${point.type}</td>
        <td><${StateBadge} state=${point.state} /></td>
        <td>${time(point.end_time ?? point.start_time)}</td>
        <td>${bytes(point.total_copy_data)}</td>
        <td>${point.retention?.retainDays ? `${point.retention.retainDays} days` : '–'}</td>
      </tr>`)}</tbody>
    </table>`}
  </section>`;
}
