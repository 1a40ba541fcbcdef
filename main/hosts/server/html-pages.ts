/**
 * The few pages the server itself writes, for a person looking at a browser tab: each says what happened
 * and what to do next. Plain HTML with no inline style or script, so the strict CSP holds for them too.
 */

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(title)} · Kizuna</title></head>
<body>
<main>
<h1>${escapeHtml(title)}</h1>
${body}
</main>
</body>
</html>
`;
}

const NEW_LINK_ADVICE =
  '<p>To get a new link, stop <code>kizuna serve</code> (Ctrl+C in its terminal) and run <code>kizuna serve</code> again; it prints a fresh link.</p>';

function passwordForm(): string {
  return `<form method="post" action="/login">
<p><label for="password">Password</label> <input id="password" name="password" type="password" autocomplete="current-password" required autofocus></p>
<p><button type="submit">Sign in</button></p>
</form>`;
}

function orPassword(passwordLogin: boolean): string {
  return passwordLogin ? `<p>Or sign in with the password set for this server:</p>\n${passwordForm()}` : '';
}

export function notSignedInPage(passwordLogin: boolean): string {
  return page(
    'Sign in to Kizuna',
    `<p>This browser is not signed in. Open the link that <code>kizuna serve</code> printed in its terminal (it looks like <code>http://127.0.0.1:PORT/?token=…</code>). Each link works once.</p>
${NEW_LINK_ADVICE}
${orPassword(passwordLogin)}`,
  );
}

export function linkAlreadyUsedPage(passwordLogin: boolean): string {
  return page(
    'This link was already used',
    `<p>Each sign-in link printed by <code>kizuna serve</code> works once, and this one has been used. If that was not you, stop <code>kizuna serve</code> now.</p>
${NEW_LINK_ADVICE}
${orPassword(passwordLogin)}`,
  );
}

export function linkNotValidPage(passwordLogin: boolean): string {
  return page(
    'This link is not valid',
    `<p>This sign-in link does not belong to the running <code>kizuna serve</code>; it may be from an earlier start. Use the link printed most recently in its terminal.</p>
${NEW_LINK_ADVICE}
${orPassword(passwordLogin)}`,
  );
}

export function passwordPage(problem?: string): string {
  const note = problem ? `<p role="alert">${escapeHtml(problem)}</p>\n` : '';
  return page('Sign in to Kizuna', `${note}${passwordForm()}`);
}

export function tooManyAttemptsPage(retryAfterSeconds: number): string {
  return page(
    'Too many attempts',
    `<p>Too many wrong passwords were tried from this address. Wait ${retryAfterSeconds} seconds, then <a href="/login">try again</a>.</p>`,
  );
}

export function uiNotBuiltPage(): string {
  return page(
    'The Kizuna UI is not built',
    `<p>The server is running, but there is no built user interface to show. In the Kizuna folder run <code>npm run build:renderer</code>, then reload this page.</p>
<p>The API (<code>POST /rpc/&lt;method&gt;</code> and <code>GET /events</code>) works without it.</p>`,
  );
}
