import { html } from 'htm/preact';
import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { Link, Redirect, Route, Router, Switch, useLocation } from 'wouter-preact';
import { useHashLocation } from 'wouter-preact/use-hash-location';
import { currentUser, signIn, signOut, takeTokenFromLink } from './session.js';
import { ConfirmSignIn, SignIn } from './pages/SignIn.js';
import { ClustersPage } from './pages/ClustersPage.js';
import { DefinitionsPage } from './pages/DefinitionsPage.js';
import { DefinitionPage } from './pages/DefinitionPage.js';
import { PoliciesPage } from './pages/PoliciesPage.js';
import { JobsPage } from './pages/JobsPage.js';
import { JobPage } from './pages/JobPage.js';
import { ObjectstoresPage } from './pages/ObjectstoresPage.js';
import { RestoresPage } from './pages/RestoresPage.js';
import { BACKUPS, OFFLOADS } from './definitions.js';
import './styles.css';

const SECTIONS = [
  ['/jobs', 'Jobs'],
  ['/clusters', 'Clusters'],
  ['/kubebackups', 'Backups'],
  ['/kubeoffloads', 'Copies'],
  ['/policies', 'Policies'],
  ['/objectstores', 'Objectstores'],
  ['/restores', 'Restores'],
];

function Shell({ user, onSignOut }) {
  const [location] = useLocation();
  const within = (path) => location === path || location.startsWith(`${path}/`);
  return html`<div class="shell">
    <nav class="sidebar">
      <div class="brand">Ferry</div>
      ${SECTIONS.map(([path, label]) => html`<${Link} href=${path} class=${within(path) ? 'active' : ''}>${label}</${Link}>`)}
      <div class="who" data-testid="who">
        <div>${user.org}</div>
        <div class="muted">${user.role}${user.role === 'viewer' ? ' (read-only)' : ''}</div>
        <button class="link" onClick=${onSignOut}>Sign out</button>
      </div>
    </nav>
    <main class="content">
      <${Switch}>
        <${Route} path="/jobs" component=${JobsPage} />
        <${Route} path="/jobs/:id">${(params) => html`<${JobPage} key=${params.id} id=${params.id} />`}</${Route}>
        <${Route} path="/clusters" component=${ClustersPage} />
        <${Route} path="/kubebackups">${() => html`<${DefinitionsPage} kind=${BACKUPS} />`}</${Route}>
        <${Route} path="/kubebackups/:id">${(params) => html`<${DefinitionPage} key=${params.id} kind=${BACKUPS} id=${params.id} />`}</${Route}>
        <${Route} path="/kubeoffloads">${() => html`<${DefinitionsPage} kind=${OFFLOADS} />`}</${Route}>
        <${Route} path="/kubeoffloads/:id">${(params) => html`<${DefinitionPage} key=${params.id} kind=${OFFLOADS} id=${params.id} />`}</${Route}>
        <${Route} path="/policies" component=${PoliciesPage} />
        <${Route} path="/objectstores" component=${ObjectstoresPage} />
        <${Route} path="/restores" component=${RestoresPage} />
        <${Route}><${Redirect} to="/jobs" /></${Route}>
      </${Switch}>
    </main>
  </div>`;
}

// Registered before the router's own listener, so a sign-in link opened in a running tab is taken out of the
// address before the router sees it.
let offeredSignIn = takeTokenFromLink();
window.addEventListener('hashchange', () => {
  const offer = takeTokenFromLink();
  if (offer) {
    offeredSignIn = offer;
    window.dispatchEvent(new Event('ferry:sign-in-offered'));
  }
});

function App() {
  const [user, setUser] = useState(currentUser());
  const [offer, setOffer] = useState(offeredSignIn);
  useEffect(() => {
    const signedOut = () => setUser(null);
    const offered = () => setOffer(offeredSignIn);
    window.addEventListener('ferry:signed-out', signedOut);
    window.addEventListener('ferry:sign-in-offered', offered);
    return () => {
      window.removeEventListener('ferry:signed-out', signedOut);
      window.removeEventListener('ferry:sign-in-offered', offered);
    };
  }, []);
  const leave = () => {
    signOut();
    setUser(null);
  };
  const settle = (accepted) => {
    if (accepted) {
      setUser(signIn(offer.token));
    }
    offeredSignIn = null;
    setOffer(null);
  };
  if (offer) {
    return html`<${ConfirmSignIn} offer=${offer.user} current=${user} onAnswer=${settle} />`;
  }
  return html`<${Router} hook=${useHashLocation}>
    ${user ? html`<${Shell} user=${user} onSignOut=${leave} />` : html`<${SignIn} onSignedIn=${setUser} />`}
  </${Router}>`;
}

render(html`<${App} />`, document.getElementById('app'));
