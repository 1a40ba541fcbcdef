import type { AnilistClient } from './options';

/**
 * The two pages a person sees during AniList sign-in: the approval page at /api/v2/oauth/authorize and the
 * pin page at /api/v2/oauth/pin. Plain HTML forms, so a test can drive them with fetch and an end-to-end test
 * with a real browser.
 */

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[char] ?? char);
}

function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>${escapeHtml(title)} · AniList (emulator)</title>
<meta name="viewport" content="width=device-width, initial-scale=1"></head>
<body>
${body}
</body>
</html>
`;
}

export interface ApprovalPage {
  client: AnilistClient;
  userName: string;
  responseType: string;
  redirectUri: string | null;
  state: string | null;
}

/** "<client> wants to access your account": Approve posts back to the same URL; Cancel denies. */
export function approvalPage({ client, userName, responseType, redirectUri, state }: ApprovalPage): string {
  const hidden = (name: string, value: string | null) => (value === null ? '' : `<input type="hidden" name="${name}" value="${escapeHtml(value)}">`);
  return page(
    'Authorize',
    `<main>
<h1>${escapeHtml(client.name)} wants to access your AniList account</h1>
<p>Signed in as <strong>${escapeHtml(userName)}</strong>.</p>
<form method="post" action="/api/v2/oauth/authorize">
${hidden('client_id', client.id)}
${hidden('response_type', responseType)}
${hidden('redirect_uri', redirectUri)}
${hidden('state', state)}
<button type="submit" name="decision" value="approve">Approve</button>
<button type="submit" name="decision" value="deny">Cancel</button>
</form>
</main>`,
  );
}

/**
 * Shown when the registered redirect is the pin URL. The implicit grant's token arrives in the fragment,
 * which never reaches a server, so the page copies it out with script, as AniList's does; an authorization
 * code arrives as ?code= and is shown as is.
 */
export function pinPage(code: string | null): string {
  const value = code === null ? '' : escapeHtml(code);
  return page(
    'Pin',
    `<main>
<h1>${code === null ? 'Your access token' : 'Your authorization code'}</h1>
<p>Copy this into the app.</p>
<textarea id="pin" readonly rows="8" cols="80">${value}</textarea>
<script>
  const params = new URLSearchParams(location.hash.slice(1));
  const token = params.get('access_token');
  if (token) document.getElementById('pin').value = token;
</script>
</main>`,
  );
}
