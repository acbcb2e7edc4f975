import { jwtDecode } from 'jwt-decode';

// The bearer token lives in this tab's sessionStorage: it is gone when the tab closes and never sent anywhere but
// in the Authorization header of API calls. The services check it on every request; the claims read here only
// decide what the console offers (a viewer's buttons are disabled, the API would refuse them with 403 anyway).
const KEY = 'ferry.token';
const SIGN_IN_LINK = /^#\/signin\?token=([^&]+)/;

/**
 * The token of a sign-in link (#/signin?token=…, as ./ferry up prints it), taken out of the address and of the
 * tab's history at once; null when the address is no such link. The console asks before it signs in with it, so a
 * link from elsewhere cannot sign a user into someone else's organisation unnoticed.
 */
export function takeTokenFromLink() {
  const match = SIGN_IN_LINK.exec(window.location.hash);
  if (!match) {
    return null;
  }
  history.replaceState(null, '', `${window.location.pathname}#/jobs`);
  const offered = decodeURIComponent(match[1]).trim();
  try {
    return { token: offered, user: readClaims(offered) };
  } catch {
    return null;
  }
}

export function signIn(raw) {
  const claims = readClaims(raw.trim());
  sessionStorage.setItem(KEY, raw.trim());
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
