import { jwtDecode } from 'jwt-decode';

// The bearer token lives in this tab's sessionStorage: it is gone when the tab closes and never sent anywhere but
// in the Authorization header of API calls. The services check it on every request; the claims read here only
// decide what the console offers (a viewer's buttons are disabled, the API would refuse them with 403 anyway).
const KEY = 'ferry.token';
const SIGN_IN_LINK = /^#\/signin\?token=([^&]+)/;

/** Signs in with the token of a sign-in link (#/signin?token=…, as ./ferry up prints it) and takes it out of the address. */
export function adoptTokenFromLink() {
  const match = SIGN_IN_LINK.exec(window.location.hash);
  if (!match) {
    return false;
  }
  history.replaceState(null, '', `${window.location.pathname}#/jobs`);
  window.dispatchEvent(new HashChangeEvent('hashchange'));
  try {
    signIn(decodeURIComponent(match[1]));
    return true;
  } catch {
    return false;
  }
}

export function signIn(token) {
  const claims = readClaims(token.trim());
  sessionStorage.setItem(KEY, token.trim());
  return claims;
}

export function signOut() {
  sessionStorage.removeItem(KEY);
}

export function token() {
  return sessionStorage.getItem(KEY);
}

/** {org, role, expires} of the stored token, or null when there is none or it no longer reads as a token. */
export function currentUser() {
  const stored = token();
  if (!stored) {
    return null;
  }
  try {
    return readClaims(stored);
  } catch {
    signOut();
    return null;
  }
}

function readClaims(raw) {
  const claims = jwtDecode(raw);
  const groups = Array.isArray(claims.groups) ? claims.groups : [];
  return {
    org: claims.org ?? '?',
    role: groups.includes('admin') ? 'admin' : 'viewer',
    expires: typeof claims.exp === 'number' ? new Date(claims.exp * 1000) : null,
  };
}
