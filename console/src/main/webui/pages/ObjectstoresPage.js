import { html } from 'htm/preact';
import { list } from '../api.js';
import { usePolled } from '../polling.js';
import { Loading, StateBadge } from '../components.js';

/** Registered object storage and what the agent found when it checked it. */
export function ObjectstoresPage() {
  const stores = usePolled(() => list('objectstores', { sort: 'name', max_results: 100 }), [], { intervalMs: 5000 });
  return html`<section>
    <header class="page-header"><h1>Objectstores</h1></header>
    <${Loading} state=${stores} />
    ${stores.data && html`<table class="table" data-testid="objectstores">
      <thead><tr><th>Name</th><th>Provider</th><th>Bucket</th><th>Endpoint / region</th><th>Checked</th></tr></thead>
      <tbody>${stores.data._items.map((store) => html`<tr data-name=${store.name}>
        <td><strong>${store.name}</strong>${store.locked ? html` <span class="muted">locked</span>` : ''}</td>
        <td>${store.provider_type}</td>
        <td>${store.bucket_name}${store.prefix ? html`<div class="muted">${store.prefix}</div>` : ''}</td>
        <td>${store.s3provider?.endpoint ?? store.region ?? '–'}</td>
        <td><${StateBadge} state=${store.validate_state} /><div class="muted">${store.validate_message ?? ''}</div></td>
      </tr>`)}</tbody>
    </table>`}
  </section>`;
}
