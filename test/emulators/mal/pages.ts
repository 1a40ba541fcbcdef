import { hashString } from '../common/random';
import { html, type EmulatorResponse } from '../common/http-types';
import type { MalKind } from './catalogue';
import { notFound } from './errors';
import type { MalState } from './state';

// What a browser gets from the MAL emulator: the sign-in page and the pictures the API links to.

/**
 * The sign-in page a browser sees at /v1/oauth2/authorize. The real one asks the user to log in and then
 * to allow the app; the emulator has one user, so it only asks Allow or Deny. The buttons post back to the
 * same path with the pending request's id.
 */
export function approvePage(clientName: string, requestId: string): EmulatorResponse {
  const name = escapeHtml(clientName);
  const id = escapeHtml(requestId);
  return html(
    200,
    `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>MyAnimeList (emulator) – Authorize ${name}</title></head>
<body>
<main>
<h1>Allow ${name} to use your MyAnimeList account?</h1>
<p>This is the local MyAnimeList emulator. ${name} will be able to read and change your anime and manga lists.</p>
<form method="post" action="/v1/oauth2/authorize">
<input type="hidden" name="request_id" value="${id}">
<button type="submit" name="decision" value="approve">Allow</button>
<button type="submit" name="decision" value="deny">Deny</button>
</form>
</main>
</body>
</html>
`,
    // The page must not be framed or cached: it grants access to an account.
    { 'x-frame-options': 'DENY', 'cache-control': 'no-store' },
  );
}

export function escapeHtml(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;').replaceAll("'", '&#39;');
}

/**
 * Cover art and user pictures, served here so nothing reaches the internet: a coloured tile with the title,
 * as SVG. Paths mirror MAL's CDN (`/images/anime/12/82901.jpg`, `…l.jpg` for large) with an .svg ending.
 */
export function image(state: MalState, path: string): EmulatorResponse {
  const cover = /^\/images\/(anime|manga)\/\d+\/(\d+)(l?)\.svg$/.exec(path);
  if (cover?.[1] && cover[2]) {
    const kind = cover[1] as MalKind;
    const work = state.works[kind].get(Number(cover[2]));
    if (!work) return notFound();
    return svg(work.title, `${kind} ${work.id}`, cover[3] === 'l' ? 2 : 1);
  }
  const user = /^\/images\/userimages\/(\d+)\.svg$/.exec(path);
  if (user?.[1] && Number(user[1]) === state.user.id) return svg(state.user.name, 'MyAnimeList user', 1);
  return notFound();
}

function svg(title: string, caption: string, scale: number): EmulatorResponse {
  const hue = hashString(title) % 360;
  const width = 225 * scale;
  const height = 318 * scale;
  const body = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 225 318">
<rect width="225" height="318" fill="hsl(${hue} 45% 35%)"/>
<text x="112" y="150" fill="#fff" font-family="sans-serif" font-size="16" text-anchor="middle">${escapeHtml(title.slice(0, 24))}</text>
<text x="112" y="180" fill="#ddd" font-family="sans-serif" font-size="11" text-anchor="middle">${escapeHtml(caption)}</text>
</svg>
`;
  return { status: 200, body, headers: { 'content-type': 'image/svg+xml', 'cache-control': 'public, max-age=86400' } };
}
