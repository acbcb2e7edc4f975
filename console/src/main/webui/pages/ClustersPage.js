import { html } from 'htm/preact';
import { list } from '../api.js';
import { ago } from '../format.js';
import { usePolled } from '../polling.js';
import { Loading, StateBadge } from '../components.js';
import { CreateForm, TextField } from '../forms.js';

/** Registered clusters: agent state, last heartbeat and the command that installs the agent. */
export function ClustersPage() {
  const clusters = usePolled(() => list('kubeclusters', { sort: 'name', max_results: 100 }), [], { intervalMs: 5000 });
  return html`<section>
    <header class="page-header">
      <h1>Clusters</h1>
      <${CreateForm} resource="kubeclusters" title="cluster" initial=${{ name: '', description: '' }}
          toDocument=${(v) => ({ name: v.name, ...(v.description ? { description: v.description } : {}) })}
          onCreated=${clusters.reload}>
        ${(form) => html`
          <${TextField} name="name" label="Name" form=${form} required />
          <${TextField} name="description" label="Description" form=${form} />`}
      </${CreateForm}>
    </header>
    <${Loading} state=${clusters} />
    ${clusters.data && html`<table class="table" data-testid="clusters">
      <thead><tr><th>Name</th><th>State</th><th>Last heartbeat</th><th>Agent install command</th></tr></thead>
      <tbody>${clusters.data._items.map((cluster) => html`<tr data-name=${cluster.name}>
        <td><strong>${cluster.name}</strong><div class="muted">${cluster.description ?? ''}</div></td>
        <td><${StateBadge} state=${cluster.status?.state} /><div class="muted">${cluster.status?.message ?? ''}</div></td>
        <td>${ago(cluster.status?.last_heartbeat)}</td>
        <td>${cluster.status?.agentURL
          ? html`<code class="command">kubectl apply -f '${cluster.status.agentURL}'</code>`
          : html`<span class="muted">–</span>`}</td>
      </tr>`)}</tbody>
    </table>`}
  </section>`;
}
