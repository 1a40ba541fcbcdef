import { parseUrl } from './app-url';

export type ExternalLinkVerdict = { ok: true; url: string } | { ok: false; reason: string };

const MAX_LINK_LENGTH = 2048;

/**
 * Decides whether a link the page asked for may be handed to the OS browser. The page is untrusted (a
 * title or a cover URL from a service could carry markup), so only plain https links to named hosts pass:
 * - no other schemes: file:, javascript:, data:, smb:, custom handlers (ms-msdt: ...) start programs or read disks;
 * - no http:, not even to localhost: every page Kizuna needs (the services, app.plex.tv) is https, and the
 *   sign-in flows are opened by the main process itself, so plain http would only let a compromised page
 *   reach services on the user's network or loopback with the browser's cookies;
 * - no user:password@ (spoofs the visible host), no IP literals or single-label intranet names;
 * - no control characters or whitespace, which URL parsing silently drops and which hide what is opened.
 * The caller opens the normalised href, never the raw string.
 */
export function checkExternalLink(raw: unknown): ExternalLinkVerdict {
  if (typeof raw !== 'string' || raw.length === 0) return { ok: false, reason: 'not a link' };
  if (raw.length > MAX_LINK_LENGTH) return { ok: false, reason: 'link too long' };
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u0020\u007f-\u009f]/.test(raw)) return { ok: false, reason: 'whitespace or control characters in link' };
  const url = parseUrl(raw);
  if (!url) return { ok: false, reason: 'not a valid URL' };
  if (url.protocol !== 'https:') return { ok: false, reason: `scheme ${url.protocol} is not allowed` };
  if (url.username || url.password) return { ok: false, reason: 'credentials in link' };
  const host = url.hostname;
  if (host.startsWith('[') || /^\d{1,3}(\.\d{1,3}){3}$/.test(host)) return { ok: false, reason: 'IP address instead of a host name' };
  if (!host.includes('.') || host === 'localhost' || host.endsWith('.localhost') || host.endsWith('.local')) {
    return { ok: false, reason: 'local or intranet host' };
  }
  return { ok: true, url: url.href };
}
