import { html } from 'htm/preact';
import { useState } from 'preact/hooks';
import { signIn, signOut } from '../session.js';
import { ApiError, list } from '../api.js';
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
      setError(refusal instanceof ApiError ? refusal : { message: `That is not a bearer token: ${refusal.message}` });
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

/** A sign-in link's token is used only when the user says so: it names the organisation and role it signs in as. */
export function ConfirmSignIn({ offer, current, onAnswer }) {
  return html`<div class="signin" data-testid="confirm-sign-in">
    <h1>Ferry</h1>
    <p>This link signs you in to organisation <strong>${offer.org}</strong> as <strong>${offer.role}</strong>.</p>
    ${current && html`<p class="muted">You are signed in to ${current.org} as ${current.role}; that session ends.</p>`}
    <div class="form-buttons">
      <button class="button primary" onClick=${() => onAnswer(true)} data-testid="accept-sign-in">Sign in</button>
      <button class="button secondary" onClick=${() => onAnswer(false)}>Cancel</button>
    </div>
  </div>`;
}
