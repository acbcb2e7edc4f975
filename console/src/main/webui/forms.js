import { html } from 'htm/preact';
import { useState } from 'preact/hooks';
import { create } from './api.js';
import { ActionButton, ErrorNotice, useAction } from './components.js';

/**
 * A create form: {@code fields} are edited as strings and booleans, {@code toDocument} turns them into the JSON
 * document that is POSTed; the API validates it and its 422 names the fields at fault, which are marked here.
 */
export function CreateForm({ resource, title, initial, toDocument, onCreated, children }) {
  const [values, setValues] = useState(initial);
  const [open, setOpen] = useState(false);
  const submit = useAction();
  const set = (name, value) => setValues((previous) => ({ ...previous, [name]: value }));

  const onSubmit = async (event) => {
    event.preventDefault();
    const created = await submit.run(() => create(resource, toDocument(values)));
    if (created !== undefined) {
      setValues(initial);
      setOpen(false);
      onCreated?.(created);
    }
  };

  if (!open) {
    return html`<${ActionButton} onClick=${() => setOpen(true)} data-testid=${`new-${resource}`}>New ${title}</${ActionButton}>`;
  }
  return html`<form class="card form" onSubmit=${onSubmit} data-testid=${`create-${resource}`}>
    <h3>New ${title}</h3>
    ${children({ values, set, issues: submit.error?.issues ?? {} })}
    <div class="form-buttons">
      <${ActionButton} type="submit" disabled=${submit.busy} data-testid="create-submit">Create</${ActionButton}>
      <button type="button" class="button secondary" onClick=${() => { setOpen(false); submit.clear(); }}>Cancel</button>
    </div>
    <${ErrorNotice} error=${submit.error} />
  </form>`;
}

function issueOf(issues, name) {
  const issue = issues[name];
  return issue === undefined ? null : html`<span class="field-issue">${typeof issue === 'string' ? issue : JSON.stringify(issue)}</span>`;
}

export function TextField({ name, label, form, issue = name, ...rest }) {
  return html`<label class="field">${label}
    <input name=${name} value=${form.values[name]} onInput=${(e) => form.set(name, e.target.value)} ...${rest} />
    ${issueOf(form.issues, issue)}
  </label>`;
}

export function SelectField({ name, label, form, options, issue = name }) {
  return html`<label class="field">${label}
    <select name=${name} value=${form.values[name]} onChange=${(e) => form.set(name, e.target.value)}>
      ${options.map(([value, text]) => html`<option value=${value}>${text}</option>`)}
    </select>
    ${issueOf(form.issues, issue)}
  </label>`;
}

export function CheckboxField({ name, label, form }) {
  return html`<label class="field checkbox">
    <input type="checkbox" name=${name} checked=${form.values[name]} onChange=${(e) => form.set(name, e.target.checked)} />
    ${label}
  </label>`;
}

/** "a, b ,c" → ["a","b","c"]; empty → []. */
export function listOf(text) {
  return text.split(',').map((part) => part.trim()).filter((part) => part.length > 0);
}

/** A whole number typed into a field, or undefined when it is left empty (the API's default then applies). */
export function numberOf(text) {
  return text.trim() === '' ? undefined : Number(text);
}
