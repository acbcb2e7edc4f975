import { html } from 'htm/preact';
import { useRef, useState } from 'preact/hooks';
import { Link } from 'wouter-preact';
import { action, get, list } from '../api.js';
import { bytes, duration, rate, time } from '../format.js';
import { usePolled } from '../polling.js';
import { ActionButton, Detail, ErrorNotice, Loading, Pager, ProgressBar, StateBadge, useAction } from '../components.js';
import { ThroughputTracker } from '../throughput.js';
import { elapsedSeconds, jobPercent, keyOf, pvcPercent, stepOf } from '../progress.js';
import { TERMINAL_JOB_STATES, isCancellable } from '../vocabulary.js';

const PVC_PAGE_SIZE = 100;

function DefinitionLinks({ job }) {
  const links = [
    ['kubebackups', job.backupdef, job.backupdef_name, 'Backup'],
    ['kubeoffloads', job.copydef, job.copydef_name, 'Copy'],
  ].filter(([, id]) => id);
  return links.length === 0 ? (job.restoredef_name ?? '–') : links.map(([resource, id, name, label]) =>
    html`<span class="reference">${label} <${Link} href=${`/${resource}/${id}`}>${name ?? id}</${Link}></span>`);
}

function PvcRow({ pvc }) {
  const value = pvcPercent(pvc);
  const stats = pvc.stats ?? {};
  const running = pvc.state === 'ACTIVE';
  const step = stepOf(pvc);
  return html`<tr data-pvc=${`${pvc.namespace}/${pvc.name}`} data-step=${step} data-state=${pvc.state}>
    <td><strong>${pvc.name}</strong><div class="muted">${pvc.namespace}</div></td>
    <td>${step}</td>
    <td><${StateBadge} state=${pvc.state} /></td>
    <td class="bar-cell"><${ProgressBar} value=${value} label=${`${step} of ${pvc.namespace}/${pvc.name}`} /></td>
    ${pvc.stats
      ? html`<td>${bytes(stats.io_size ?? 0)} of ${bytes(stats.estimated_size)}<div class="muted">stored ${bytes(stats.transferred_size ?? 0)}</div></td>
        <td>${stats.io_number_of_files ?? 0} of ${stats.estimated_number_of_files ?? '–'}</td>`
      : html`<td>–</td><td>–</td>`}
    <td>${running ? rate(pvc.throughput) : '–'}</td>
    <td>${running && pvc.eta !== null ? duration(pvc.eta) : '–'}</td>
    <td class="muted">${pvc.message ?? ''}</td>
  </tr>`;
}

/** One job, followed live: phase, activity and every PVC's progress, polled each second until the job ends. */
export function JobPage({ id }) {
  const tracker = useRef(new ThroughputTracker());
  const [pvcPage, setPvcPage] = useState(1);
  const cancel = useAction();
  const load = async () => {
    const [job, pvcs] = await Promise.all([
      get('jobs', id),
      list('kubepvcprogress', { where: { job_id: id }, sort: 'namespace,name,-op_type', page: pvcPage, max_results: PVC_PAGE_SIZE }),
    ]);
    const now = Date.now();
    pvcs._items = pvcs._items.map((pvc) => {
      const { rate: throughput, eta } = tracker.current.observe(keyOf(pvc),
        pvc.stats?.io_size ?? 0, pvc.stats?.estimated_size, now);
      return { ...pvc, throughput, eta };
    });
    return { job, pvcs };
  };
  const state = usePolled(load, [id, pvcPage], {
    intervalMs: 1000,
    keepPolling: ({ job, pvcs }) => !TERMINAL_JOB_STATES.includes(job.state)
      || pvcs._items.some((pvc) => pvc.state === 'PENDING' || pvc.state === 'ACTIVE'),
  });
  const job = state.data?.job;
  const pvcs = state.data?.pvcs;

  const requestCancel = async () => {
    await cancel.run(() => action('jobs', id, 'cancel'));
    state.reload();
  };

  return html`<section data-testid="job-page" data-state=${job?.state}>
    <${Loading} state=${state} />
    ${job && html`
      <header class="page-header">
        <div>
          <h1>${job.name}</h1>
          <p class="muted">${job.type} · <${StateBadge} state=${job.state} />
            ${job.phase && html` · phase <span data-testid="phase">${job.phase}</span>`}</p>
        </div>
        <div>
          <${ActionButton} kind="danger" onClick=${requestCancel} disabled=${!isCancellable(job) || cancel.busy}
              title=${isCancellable(job) ? 'Stop this job' : 'Only a running snapshot, copy or restore can be cancelled'}
              data-testid="cancel-job">Cancel job</${ActionButton}>
          <${ErrorNotice} error=${cancel.error} />
        </div>
      </header>
      <div class="card">
        <${ProgressBar} value=${jobPercent(job)} label="job" />
        <${Detail} rows=${[
          ['Message', job.message ?? '–'],
          ['Cluster', job.cluster_name ?? job.cluster ?? '–'],
          ['Definition', html`<${DefinitionLinks} job=${job} />`],
          ['Started', time(job.start_time)],
          ['Ended', job.end_time ? time(job.end_time) : undefined],
          ['Duration', job.start_time ? duration(elapsedSeconds(job)) : undefined],
          ['Kept for', job.retention?.retainDays ? `${job.retention.retainDays} days` : undefined],
        ]} />
      </div>
      <h2>PVCs</h2>
      ${pvcs && pvcs._items.length === 0 && html`<p class="muted">No PVC has reported yet.</p>`}
      ${pvcs && pvcs._items.length > 0 && html`
        <table class="table" data-testid="pvcs">
          <thead><tr><th>PVC</th><th>Step</th><th>State</th><th>Progress</th><th>Bytes</th><th>Files</th>
            <th>Throughput</th><th>ETA</th><th>Message</th></tr></thead>
          <tbody>${pvcs._items.map((pvc) => html`<${PvcRow} key=${keyOf(pvc)} pvc=${pvc} />`)}</tbody>
        </table>
        <${Pager} answer=${pvcs} page=${pvcPage} onPage=${setPvcPage} />`}
      <h2>Activity</h2>
      <ol class="activity" data-testid="activity">
        ${(job.activity ?? []).map((line) => html`<li>${line}</li>`)}
      </ol>`}
  </section>`;
}
