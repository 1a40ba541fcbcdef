/**
 * What the browser tab shows after the service sends the person back to Kizuna's loopback listener. Pages
 * carry no inline script or style, so the strict CSP below holds; the fragment relay is a same-origin script
 * file. Referrer-Policy no-referrer keeps a code in the callback URL from leaking to any later page.
 */

export const FRAGMENT_SCRIPT_PATH = 'fragment.js';

export const securityHeaders: Record<string, string> = {
  'content-security-policy': "default-src 'none'; script-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
  'referrer-policy': 'no-referrer',
  'cache-control': 'no-store',
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
};

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[char] ?? char);
}

export function page(title: string, message: string, script?: string): string {
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} · Kizuna</title>
${script ? `<script src="${escapeHtml(script)}" defer></script>` : ''}
</head>
<body>
<main>
<h1 id="title">${escapeHtml(title)}</h1>
<p id="message" role="status">${escapeHtml(message)}</p>
</main>
</body>
</html>
`;
}

export const pages = {
  success: (service: string) => page(`Signed in to ${service}`, 'You can close this tab and return to Kizuna.'),
  denied: (service: string) => page(`${service} sign-in cancelled`, 'Sign-in was declined. You can close this tab and return to Kizuna.'),
  refused: (service: string) => page(`${service} sign-in failed`, `${service} did not sign you in. Return to Kizuna to see why and try again.`),
  wrongState: () =>
    page('Sign-in link not recognised', 'This answer does not belong to the sign-in Kizuna is waiting for, so it was ignored. Return to Kizuna; start signing in again if needed.'),
  used: () => page('Sign-in already finished', 'This sign-in link has already been used. You can close this tab and return to Kizuna.'),
  notFound: () => page('Not found', 'Kizuna is only waiting for a sign-in answer here.'),
  badHost: () => page('Wrong address', 'Open this page as http://127.0.0.1 with the port Kizuna uses.'),
  relay: (script: string) => page('Finishing sign-in…', 'Passing the sign-in answer to Kizuna. If nothing happens, make sure JavaScript is on.', script),
};

/**
 * The implicit grant returns the token in the URL fragment, which a browser never sends to a server
 * (API-NOTES §1 "Desktop-app implication"). This script posts the fragment back to the listener, then drops
 * it from the address bar and history so the token does not linger in the tab.
 */
export const fragmentRelayScript = `'use strict';
(function () {
  var fragment = location.hash.replace(/^#\\??/, '');
  history.replaceState(null, '', location.pathname);
  var title = document.getElementById('title');
  var message = document.getElementById('message');
  if (!fragment) {
    title.textContent = 'Nothing to finish';
    message.textContent = 'This page has no sign-in answer. Return to Kizuna and start signing in again.';
    return;
  }
  fetch(location.pathname, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: fragment, credentials: 'omit' })
    .then(function (response) { return response.json(); })
    .then(function (answer) { title.textContent = answer.title; message.textContent = answer.message; })
    .catch(function () { message.textContent = 'Kizuna is no longer waiting for this sign-in. Return to Kizuna and start again.'; });
})();
`;
