/**
 * The few HTML pages of the auth host: the app-approval page behind /oauth/authorize, the /activate page
 * where a person types the device user code, and the page showing a code for the out-of-band redirect URI
 * `urn:ietf:wg:oauth:2.0:oob` (API-NOTES §3 "Redirect URIs"). Plain forms, so a browser test can click them.
 */

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[char] as string);
}

function page(title: string, body: string): string {
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)} | Trakt (emulator)</title></head>
<body><main>
<h1>${escapeHtml(title)}</h1>
${body}
</main></body></html>`;
}

function hidden(fields: Record<string, string>): string {
  return Object.entries(fields)
    .map(([name, value]) => `<input type="hidden" name="${escapeHtml(name)}" value="${escapeHtml(value)}">`)
    .join('\n');
}

export function authorizePage(appName: string, username: string, fields: Record<string, string>): string {
  return page(
    'Authorize app',
    `<p><strong>${escapeHtml(appName)}</strong> would like to connect to your Trakt account <strong>${escapeHtml(username)}</strong>.</p>
<form method="post" action="/oauth/authorize">
${hidden(fields)}
<button type="submit" name="decision" value="approve">Yes</button>
<button type="submit" name="decision" value="deny">No</button>
</form>`,
  );
}

export function errorPage(title: string, message: string): string {
  return page(title, `<p role="alert">${escapeHtml(message)}</p>`);
}

export function codePage(code: string): string {
  return page('Authorization code', `<p>Copy this code and paste it into the app:</p>\n<p><code id="authorization_code">${escapeHtml(code)}</code></p>`);
}

export function activatePage(userCode: string, message?: string): string {
  return page(
    'Activate your device',
    `${message ? `<p role="status">${escapeHtml(message)}</p>\n` : ''}<form method="post" action="/activate">
<label>Code <input name="user_code" value="${escapeHtml(userCode)}" autocomplete="off"></label>
<button type="submit" name="decision" value="approve">Continue</button>
<button type="submit" name="decision" value="deny">Deny</button>
</form>`,
  );
}

export function activatedPage(approved: boolean): string {
  return approved
    ? page('Woohoo!', '<p role="status">Your device is now connected. You can close this page and return to the app.</p>')
    : page('Denied', '<p role="status">You denied the device. It will not be able to use your Trakt account.</p>');
}
