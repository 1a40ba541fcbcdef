/**
 * The emulated `https://app.plex.tv/auth` page. The app opens `${auth}#?clientID=…&code=…&context%5Bdevice%5D%5Bproduct%5D=…`:
 * the parameters are in the URL fragment (description.md, "Construct the Auth App url"), which never reaches a
 * server, so the page's script reads `location.hash` and posts the PIN code back to `/auth/approve`. Signing in
 * is a single Approve button: the emulator has one user. With auto-approve the script presses it at once; with
 * a `forwardUrl` (the Forwarding flow) the browser then goes there.
 */
export function authPage(options: { autoApprove: boolean; username: string }): string {
  const config = JSON.stringify({ autoApprove: options.autoApprove, username: options.username }).replaceAll('<', '\\u003c');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Plex (emulator) - Sign in</title>
<style>
  body { font-family: system-ui, sans-serif; max-width: 32rem; margin: 4rem auto; padding: 0 1rem; }
  button { font-size: 1rem; padding: 0.5rem 1.5rem; }
  #status[data-state="error"] { color: #b00020; }
</style>
</head>
<body>
<h1>Sign in to Plex</h1>
<p id="ask">Allow <strong id="product">an app</strong> to access the Plex account <strong id="user"></strong>?</p>
<p>PIN code: <code id="code">(none)</code></p>
<button id="approve" type="button">Approve</button>
<p id="status" role="status"></p>
<script>
  const config = ${config};
  const params = new URLSearchParams(location.hash.replace(/^#\\??/, ''));
  const code = params.get('code');
  const clientID = params.get('clientID');
  const forwardUrl = params.get('forwardUrl');
  document.getElementById('product').textContent = params.get('context[device][product]') || 'an app';
  document.getElementById('user').textContent = config.username;
  document.getElementById('code').textContent = code || '(none)';
  const status = document.getElementById('status');
  const button = document.getElementById('approve');
  async function approve() {
    if (!code) {
      status.dataset.state = 'error';
      status.textContent = 'This link has no PIN code. Start signing in again from the app.';
      return;
    }
    button.disabled = true;
    const response = await fetch('/auth/approve', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ code, clientID }) });
    const result = await response.json();
    if (response.ok) {
      status.dataset.state = 'ok';
      status.textContent = 'Signed in. You can close this window and return to the app.';
      if (forwardUrl) location.href = forwardUrl;
    } else {
      status.dataset.state = 'error';
      status.textContent = result.message;
      button.disabled = false;
    }
  }
  button.addEventListener('click', () => void approve());
  if (config.autoApprove) void approve();
</script>
</body>
</html>
`;
}
