import { html } from 'htm/preact';
import { useState } from 'preact/hooks';
import { action } from '../api.js';
import { ActionButton, ErrorNotice, useAction } from '../components.js';

/** "Run now": asks how long the run's recovery point is kept (retainDays) and, for a copy, whether to snapshot first. */
export function RunButton({ resource, id, asksRunBackup, onRan }) {
  const [open, setOpen] = useState(false);
  const [retainDays, setRetainDays] = useState('7');
  const [runBackup, setRunBackup] = useState(true);
  const [done, setDone] = useState(false);
  const run = useAction();

  const submit = async (event) => {
    event.preventDefault();
    const body = { retention: { retainDays: Number(retainDays) } };
    if (asksRunBackup) {
      body.runBackup = runBackup;
    }
    const answer = await run.run(() => action(resource, id, 'run', body));
    if (answer !== undefined) {
      setOpen(false);
      setDone(true);
      onRan?.();
    }
  };

  if (!open) {
    return html`<span class="run">
      <${ActionButton} onClick=${() => { setOpen(true); setDone(false); }} data-testid="run-now">Run now</${ActionButton}>
      ${done && html`<span class="muted" data-testid="run-requested">Run requested; its job appears below.</span>`}
    </span>`;
  }
  return html`<form class="inline-form" onSubmit=${submit} data-testid="run-form">
    <label>Keep for <input type="number" name="retainDays" min="1" value=${retainDays} required
      onInput=${(e) => setRetainDays(e.target.value)} /> days</label>
    ${asksRunBackup && html`<label><input type="checkbox" name="runBackup" checked=${runBackup}
      onChange=${(e) => setRunBackup(e.target.checked)} /> take a snapshot first</label>`}
    <${ActionButton} type="submit" disabled=${run.busy} data-testid="run-submit">Run</${ActionButton}>
    <button type="button" class="button secondary" onClick=${() => setOpen(false)}>Cancel</button>
    <${ErrorNotice} error=${run.error} />
  </form>`;
}
