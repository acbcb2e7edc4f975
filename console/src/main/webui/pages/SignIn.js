import { html } from 'htm/preact';
import { useState } from 'preact/hooks';
import { signIn, signOut } from '../session.js';
import { list } from '../api.js';
import { ErrorNotice } from '../components.js';

/** Paste a bearer token (./ferry token prints one); it is tried against the API before it is kept. */
export function SignIn({ onSignedIn }) {
  const [value, setValue] = useState('');
  const [error, setError] = useState(null);
  const submit = async (event) => {
    event.preventDefault();
    setError(null);
    try {
      const user = signIn(value);
      await list('kubeclusters', { max_results: 1 });
      onSignedIn(user);
    } catch (refusal) {
      signOut();
      setError(refusal.status ? refusal : { message: `That is not a bearer token: ${refusal.message}` });
    }
  };
  return html`<div class="signin">
    <h1>Ferry</h1>
    <p class="muted">Sign in with a bearer token of your organisation (admin or viewer).</p>
    <form onSubmit=${submit}>
      <label for="token">Bearer token</label>
      <textarea id="token" name="token" rows="5" value=${value} onInput=${(e) => setValue(e.target.value)}
        placeholder="eyJhbGciOiJSUzI1NiIs…" required></textarea>
      <button class="button primary" type="submit">Sign in</button>
    </form>
    <${ErrorNotice} error=${error} />
  </div>`;
}
