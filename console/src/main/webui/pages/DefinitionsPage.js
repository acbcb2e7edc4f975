import { html } from 'htm/preact';
import { Link } from 'wouter-preact';
import { list, listAll } from '../api.js';
import { ago } from '../format.js';
import { usePolled } from '../polling.js';
import { Loading, StateBadge } from '../components.js';
import { CheckboxField, CreateForm, SelectField, TextField, listOf, numberOf } from '../forms.js';
import { BACKUPS, lastRunState } from '../definitions.js';

/** Everything a definition form chooses from, by id: clusters, policies, backups, objectstores. */
async function loadChoices() {
  const [clusters, policies, backups, objectstores] = await Promise.all([
    listAll('kubeclusters', { projection: { name: 1 } }),
    listAll('policies', { projection: { name: 1 } }),
    listAll('kubebackups', { projection: { name: 1, cluster: 1 } }),
    listAll('objectstores', { projection: { name: 1 } }),
  ]);
  return { clusters, policies, backups, objectstores };
}

function names(items) {
  return Object.fromEntries(items.map((item) => [item._id, item.name]));
}

function triggerFields(form, choices) {
  return html`
    <${SelectField} name="trigger_type" label="Trigger" form=${form}
        options=${[['ADHOC', 'Ad hoc (run now only)'], ['SCHEDULED', 'Scheduled by a policy']]} />
    ${form.values.trigger_type === 'SCHEDULED' && html`<${SelectField} name="policy" label="Policy" form=${form}
        options=${[['', '–'], ...choices.policies.map((p) => [p._id, p.name])]} />`}`;
}

function scheduling(values) {
  return values.trigger_type === 'SCHEDULED' && values.policy
    ? { trigger_type: 'SCHEDULED', policy: values.policy }
    : { trigger_type: values.trigger_type };
}

function BackupForm({ choices, onCreated }) {
  const initial = { name: '', cluster: choices.clusters[0]?._id ?? '', namespaces: '', trigger_type: 'ADHOC', policy: '' };
  const toDocument = (v) => {
    const namespaces = listOf(v.namespaces);
    return {
      name: v.name,
      cluster: v.cluster,
      source: namespaces.length > 0 ? { namespaces } : { all_namespaces: true },
      ...scheduling(v),
    };
  };
  return html`<${CreateForm} resource="kubebackups" title="backup" initial=${initial} toDocument=${toDocument} onCreated=${onCreated}>
    ${(form) => html`
      <${TextField} name="name" label="Name" form=${form} required />
      <${SelectField} name="cluster" label="Cluster" form=${form} options=${choices.clusters.map((c) => [c._id, c.name])} />
      <${TextField} name="namespaces" label="Namespaces (comma-separated; empty: all)" form=${form} issue="source" />
      ${triggerFields(form, choices)}`}
  </${CreateForm}>`;
}

function OffloadForm({ choices, onCreated }) {
  const initial = {
    name: '', backupdef: choices.backups[0]?._id ?? '', trigger_type: 'ADHOC', policy: '', target: '',
    upload_speed_limit: '', pvc_parallelism: '', pvc_file_parallelism: '', run_backup: false,
  };
  const toDocument = (v) => {
    const options = Object.fromEntries(['upload_speed_limit', 'pvc_parallelism', 'pvc_file_parallelism']
      .map((option) => [option, numberOf(v[option])]).filter(([, value]) => value !== undefined));
    return {
      name: v.name,
      backupdef: v.backupdef,
      run_backup: v.run_backup,
      ...scheduling(v),
      ...(Object.keys(options).length > 0 ? { options } : {}),
      ...(v.target ? { offload_provider: { user_objectstore: v.target } } : {}),
    };
  };
  return html`<${CreateForm} resource="kubeoffloads" title="copy" initial=${initial} toDocument=${toDocument} onCreated=${onCreated}>
    ${(form) => html`
      <${TextField} name="name" label="Name" form=${form} required />
      <${SelectField} name="backupdef" label="Backup to copy" form=${form} options=${choices.backups.map((b) => [b._id, b.name])} />
      <${SelectField} name="target" label="Target" form=${form} issue="offload_provider"
          options=${[['', 'The agent\'s default target'], ...choices.objectstores.map((o) => [o._id, `Objectstore ${o.name}`])]} />
      <${TextField} name="upload_speed_limit" label="Upload speed limit (bytes/s)" type="number" min="0" form=${form} issue="options" />
      <${TextField} name="pvc_parallelism" label="PVCs in parallel" type="number" min="1" form=${form} issue="options" />
      <${TextField} name="pvc_file_parallelism" label="Files in parallel per PVC" type="number" min="1" form=${form} issue="options" />
      <${CheckboxField} name="run_backup" label="Take a snapshot before each scheduled copy" form=${form} />
      ${triggerFields(form, choices)}`}
  </${CreateForm}>`;
}

/** The kubebackups or kubeoffloads of the organisation, each with its newest run, and a form for a new one. */
export function DefinitionsPage({ kind }) {
  const choices = usePolled(loadChoices, [], { intervalMs: 0 });
  const definitions = usePolled(() => list(kind.resource, { sort: 'name', max_results: 100 }), [kind.resource],
    { intervalMs: 3000 });
  const refresh = () => {
    definitions.reload();
    choices.reload();
  };
  const Form = kind === BACKUPS ? BackupForm : OffloadForm;
  const clusterNames = choices.data ? names(choices.data.clusters) : {};
  const policyNames = choices.data ? names(choices.data.policies) : {};
  const backupNames = choices.data ? names(choices.data.backups) : {};
  return html`<section>
    <header class="page-header">
      <div><h1>${kind.title}</h1><p class="muted">${kind.describe}</p></div>
      ${choices.data && html`<${Form} choices=${choices.data} onCreated=${refresh} />`}
    </header>
    <${Loading} state=${definitions} />
    ${definitions.data && html`<table class="table" data-testid="definitions">
      <thead><tr><th>Name</th><th>Cluster</th>${kind !== BACKUPS && html`<th>Copies backup</th>`}
        <th>Trigger</th><th>Last run</th><th>State</th></tr></thead>
      <tbody>${definitions.data._items.map((definition) => html`<tr data-name=${definition.name}>
        <td><${Link} href=${`/${kind.resource}/${definition._id}`}>${definition.name}</${Link}></td>
        <td>${clusterNames[definition.cluster] ?? definition.cluster ?? '–'}</td>
        ${kind !== BACKUPS && html`<td>${backupNames[definition.backupdef] ?? definition.backupdef}</td>`}
        <td>${definition.trigger_type}${definition.policy ? ` (${policyNames[definition.policy] ?? 'policy'})` : ''}</td>
        <td>${ago(definition.status?.last_job_run_time)}</td>
        <td>${lastRunState(definition) ? html`<${StateBadge} state=${lastRunState(definition)} />` : '–'}</td>
      </tr>`)}</tbody>
    </table>`}
  </section>`;
}
