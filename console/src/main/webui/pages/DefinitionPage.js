import { html } from 'htm/preact';
import { Link } from 'wouter-preact';
import { get, list } from '../api.js';
import { duration, time } from '../format.js';
import { usePolled } from '../polling.js';
import { Detail, Json, Loading, StateBadge } from '../components.js';
import { BACKUPS, lastRunState } from '../definitions.js';
import { elapsedSeconds, pvcSummary } from '../progress.js';
import { RunButton } from './RunButton.js';
import { RunsChart } from './RunsChart.js';

const RECENT_RUNS = 20;

function Reference({ resource, id }) {
  const target = usePolled(() => (id ? get(resource, id) : Promise.resolve(null)), [resource, id], { intervalMs: 0 });
  if (!id) {
    return '–';
  }
  const name = target.data?.name ?? id;
  return resource === 'kubebackups' || resource === 'kubeoffloads'
    ? html`<${Link} href=${`/${resource}/${id}`}>${name}</${Link}>` : name;
}

/** One kubebackup or kubeoffload: its definition, its last runs and a chart of them, and "Run now". */
export function DefinitionPage({ kind, id }) {
  const definition = usePolled(() => get(kind.resource, id), [kind.resource, id], { intervalMs: 3000 });
  const runs = usePolled(() => list('jobs', { where: kind.runsQuery(id), sort: '-start_time', max_results: RECENT_RUNS }),
    [kind.resource, id], { intervalMs: 2000 });
  const doc = definition.data;
  return html`<section data-testid="definition-page" data-id=${id}>
    <${Loading} state=${definition} />
    ${doc && html`
      <header class="page-header">
        <div>
          <h1>${doc.name}</h1>
          <p class="muted">${kind === BACKUPS ? 'Backup' : 'Copy'} · ${doc.trigger_type}
            ${lastRunState(doc) && html` · last run <${StateBadge} state=${lastRunState(doc)} />`}</p>
        </div>
        <${RunButton} resource=${kind.resource} id=${id} asksRunBackup=${kind.asksRunBackup}
            onRan=${() => { runs.reload(); definition.reload(); }} />
      </header>
      <div class="card">
        <${Detail} rows=${[
          ['Cluster', html`<${Reference} resource="kubeclusters" id=${doc.cluster} />`],
          kind === BACKUPS ? ['Source', html`<${Json} value=${doc.source} />`] : ['Copies backup', html`<${Reference} resource="kubebackups" id=${doc.backupdef} />`],
          ['Policy', doc.policy ? html`<${Reference} resource="policies" id=${doc.policy} />` : 'none (ad hoc)'],
          ['Options', doc.options ? html`<${Json} value=${doc.options} />` : undefined],
          ['Target', doc.offload_provider ? html`<${Json} value=${doc.offload_provider} />` : undefined],
          ['Snapshot before copying', kind === BACKUPS ? undefined : String(Boolean(doc.run_backup))],
          ['Status', html`<${Json} value=${doc.status} />`],
          ['Created', time(doc._created)],
        ]} />
      </div>`}
    <h2>Recent runs</h2>
    <${Loading} state=${runs} />
    ${runs.data && html`
      <${RunsChart} jobs=${runs.data._items} />
      <table class="table" data-testid="runs">
        <thead><tr><th>Job</th><th>Type</th><th>State</th><th>Started</th><th>Duration</th><th>PVCs</th></tr></thead>
        <tbody>${runs.data._items.map((job) => html`<tr data-state=${job.state}>
          <td><${Link} href=${`/jobs/${job._id}`}>${job.name}</${Link}></td>
          <td>${job.type}</td>
          <td><${StateBadge} state=${job.state} /></td>
          <td>${time(job.start_time)}</td>
          <td>${duration(elapsedSeconds(job))}</td>
          <td>${pvcSummary(job)}</td>
        </tr>`)}</tbody>
      </table>`}
  </section>`;
}
