/**
 * Where the renderer comes from. Built windows load `app://kizuna/index.html`, served by our own protocol
 * handler (see app-protocol.ts) instead of file://, so the page has a real origin that CSP 'self' and the
 * IPC sender check can name, and cannot read other local files. `electron-vite dev` loads a dev server
 * instead; its origin is trusted only when the host says so (never in a packaged app).
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'kizuna';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

export type AppUrlCheck = (url: string) => boolean;

export function parseUrl(raw: string): URL | null {
  try {
    return new URL(raw);
  } catch {
    return null;
  }
}

/** The origin the window's documents must come from, as a predicate over full URLs. */
export function createAppUrlCheck(devServerUrl?: string): AppUrlCheck {
  const devOrigin = devServerUrl ? devServerOrigin(devServerUrl) : null;
  return (raw) => {
    const url = parseUrl(raw);
    if (!url || url.username || url.password) return false;
    if (url.protocol === `${APP_SCHEME}:`) return url.host === APP_HOST;
    return devOrigin !== null && url.origin === devOrigin;
  };
}

/** A dev server must be plain http on loopback: anything else would let a remote page drive the core. */
export function devServerOrigin(raw: string): string | null {
  const url = parseUrl(raw);
  if (!url || url.protocol !== 'http:') return null;
  if (!['localhost', '127.0.0.1', '[::1]'].includes(url.hostname)) return null;
  return url.origin;
}
