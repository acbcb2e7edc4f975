import { html } from 'htm/preact';
import { useState } from 'preact/hooks';
import { currentUser } from './session.js';

const READ_ONLY = 'Viewer tokens are read-only';

export function StateBadge({ state }) {
  const value = state ?? 'UNKNOWN';
  return html`<span class="badge state-${value.toLowerCase()}" data-state=${value}>${value}</span>`;
}

/** The API's own message for a refusal (Eve's _error.message), and the fields it named. */
export function ErrorNotice({ error }) {
  if (!error) {
    return null;
  }
  const issues = Object.entries(error.issues ?? {});
  return html`<div class="error" role="alert">
    <strong>${error.status ? `${error.status}: ` : ''}${error.message}</strong>
    ${issues.length > 0 && html`<ul>${issues.map(([field, issue]) =>
      html`<li><code>${field}</code>: ${typeof issue === 'string' ? issue : JSON.stringify(issue)}</li>`)}</ul>`}
  </div>`;
}

export function ProgressBar({ value, label }) {
  return html`<div class="progress" role="progressbar" aria-valuemin="0" aria-valuemax="100" aria-valuenow=${value}
      aria-label=${label}>
    <div class="progress-fill" style=${{ width: `${value}%` }}></div>
    <span class="progress-text">${value}%</span>
  </div>`;
}

/** A button for an action that needs the admin role: disabled, saying why, for a viewer token. */
export function ActionButton({ onClick, disabled, children, kind = 'primary', title, ...rest }) {
  const readOnly = currentUser()?.role !== 'admin';
  return html`<button class=${`button ${kind}`} onClick=${onClick} disabled=${readOnly || disabled}
      title=${readOnly ? READ_ONLY : title} ...${rest}>${children}</button>`;
}

/** Runs an API action from a button: busy while it runs, the refusal shown under it. */
export function useAction() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState(null);
  const run = async (perform) => {
    setBusy(true);
    setError(null);
    try {
      return await perform();
    } catch (refusal) {
      setError(refusal);
      return undefined;
    } finally {
      setBusy(false);
    }
  };
  return { busy, error, run, clear: () => setError(null) };
}

/** Column headers that sort the collection with Eve's sort parameter (name, -name). */
export function SortableHeader({ field, label, sort, onSort }) {
  const ascending = sort === field;
  const descending = sort === `-${field}`;
  const next = ascending ? `-${field}` : field;
  return html`<th aria-sort=${ascending ? 'ascending' : descending ? 'descending' : 'none'}>
    <button class="link" onClick=${() => onSort(next)}>${label}${ascending ? ' ▲' : descending ? ' ▼' : ''}</button>
  </th>`;
}

/** Eve's paging: _meta.total, page and max_results; the links say whether there is a next page. */
export function Pager({ answer, page, onPage }) {
  if (!answer) {
    return null;
  }
  const total = answer._meta?.total ?? answer._items.length;
  const size = answer._meta?.max_results ?? answer._items.length;
  const last = Math.max(1, Math.ceil(total / Math.max(1, size)));
  return html`<div class="pager">
    <button class="button secondary" disabled=${!answer._links?.prev} onClick=${() => onPage(page - 1)}>Previous</button>
    <span>Page ${page} of ${last} · ${total} in all</span>
    <button class="button secondary" disabled=${!answer._links?.next} onClick=${() => onPage(page + 1)}>Next</button>
  </div>`;
}

export function Loading({ state }) {
  if (state.loading && !state.data) {
    return html`<p class="muted">Loading…</p>`;
  }
  return html`<${ErrorNotice} error=${state.error} />`;
}

export function Detail({ rows }) {
  return html`<dl class="detail">
    ${rows.filter(([, value]) => value !== undefined).map(([term, value]) => html`<dt>${term}</dt><dd>${value}</dd>`)}
  </dl>`;
}

export function Json({ value }) {
  return value === undefined || value === null ? '–' : html`<code class="json">${JSON.stringify(value)}</code>`;
}
