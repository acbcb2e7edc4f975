import { html } from 'htm/preact';
import { useState } from 'preact/hooks';
import { Link } from 'wouter-preact';
import { list, listAll } from '../api.js';
import { duration, time } from '../format.js';
import { usePolled } from '../polling.js';
import { Loading, Pager, SortableHeader, StateBadge } from '../components.js';
import { JOB_STATES, JOB_TYPES } from '../vocabulary.js';
import { elapsedSeconds, pvcSummary } from '../progress.js';
import { whereOf } from '../queries.js';

const PAGE_SIZE = 25;

async function loadFilterChoices() {
  const [clusters, backups, offloads] = await Promise.all([
    listAll('kubeclusters', { projection: { name: 1 } }),
    listAll('kubebackups', { projection: { name: 1 } }),
    listAll('kubeoffloads', { projection: { name: 1 } }),
  ]);
  return {
    clusters,
    definitions: [
      ...backups.map((b) => ({ key: `backupdef:${b._id}`, label: `Backup ${b.name} (with its copies and restores)` })),
      ...offloads.map((o) => ({ key: `copydef:${o._id}`, label: `Copy ${o.name}` })),
    ],
  };
}

/** All jobs of the organisation: filtered, sorted and paged by the API. */
export function JobsPage() {
  const [filters, setFilters] = useState({ state: '', type: '', cluster: '', definition: '' });
  const [sort, setSort] = useState('-_created');
  const [page, setPage] = useState(1);
  const choices = usePolled(loadFilterChoices, [], { intervalMs: 0 });
  const jobs = usePolled(() => list('jobs', { where: whereOf(filters), sort, page, max_results: PAGE_SIZE }),
    [JSON.stringify(filters), sort, page], { intervalMs: 2000 });
  const filter = (name) => (event) => {
    setFilters((previous) => ({ ...previous, [name]: event.target.value }));
    setPage(1);
  };
  const sortBy = (next) => {
    setSort(next);
    setPage(1);
  };
  const select = (name, label, options) => html`<label class="field">${label}
    <select name=${name} value=${filters[name]} onChange=${filter(name)}>
      <option value="">any</option>
      ${options.map(([value, text]) => html`<option value=${value}>${text}</option>`)}
    </select></label>`;

  return html`<section>
    <header class="page-header"><h1>Jobs</h1></header>
    <div class="filters" data-testid="job-filters">
      ${select('state', 'State', JOB_STATES.map((state) => [state, state]))}
      ${select('type', 'Type', JOB_TYPES.map((type) => [type, type]))}
      ${select('cluster', 'Cluster', (choices.data?.clusters ?? []).map((c) => [c._id, c.name]))}
      ${select('definition', 'Definition', (choices.data?.definitions ?? []).map((d) => [d.key, d.label]))}
    </div>
    <${Loading} state=${jobs} />
    ${jobs.data && html`<table class="table" data-testid="jobs">
      <thead><tr>
        <${SortableHeader} field="name" label="Job" sort=${sort} onSort=${sortBy} />
        <${SortableHeader} field="type" label="Type" sort=${sort} onSort=${sortBy} />
        <${SortableHeader} field="state" label="State" sort=${sort} onSort=${sortBy} />
        <${SortableHeader} field="cluster_name" label="Cluster" sort=${sort} onSort=${sortBy} />
        <${SortableHeader} field="start_time" label="Started" sort=${sort} onSort=${sortBy} />
        <th>Duration</th><th>PVCs</th>
      </tr></thead>
      <tbody>${jobs.data._items.map((job) => html`<tr data-state=${job.state} data-name=${job.name}>
        <td><${Link} href=${`/jobs/${job._id}`}>${job.name}</${Link}><div class="muted">${job.display_name ?? ''}</div></td>
        <td>${job.type}</td>
        <td><${StateBadge} state=${job.state} /></td>
        <td>${job.cluster_name ?? '–'}</td>
        <td>${time(job.start_time)}</td>
        <td>${duration(elapsedSeconds(job))}</td>
        <td>${pvcSummary(job)}</td>
      </tr>`)}</tbody>
    </table>
    <${Pager} answer=${jobs.data} page=${page} onPage=${setPage} />`}
  </section>`;
}
