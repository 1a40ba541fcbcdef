import { readFile } from 'node:fs/promises';
import { isAbsolute, join, normalize, relative } from 'node:path';
import { contentTypeFor } from '../../app/renderer-content-types';
import { APP_HOST, APP_SCHEME, parseUrl } from './app-url';

/** Passed to protocol.registerSchemesAsPrivileged before the app is ready. */
export const appSchemePrivileges = {
  scheme: APP_SCHEME,
  // standard: real origin and relative URLs; secure: a secure context like https, so 'self' means app://kizuna.
  privileges: { standard: true, secure: true, supportFetchAPI: true },
};


/**
 * Maps an app:// URL to a file inside the built renderer folder, or null. This is a trust edge: the page
 * (or anything it was tricked into loading) chooses the URL, so every way out of the folder is refused.
 */
export function resolveAppFile(rawUrl: string, rendererDir: string): string | null {
  const url = parseUrl(rawUrl);
  if (!url || url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST || url.username || url.password) return null;
  let path: string;
  try {
    path = decodeURIComponent(url.pathname);
  } catch {
    return null;
  }
  // Dot segments written plainly were already removed by the URL parser; any left were percent-encoded
  // to sneak past it, so they are refused rather than resolved.
  if (path.includes('\0') || path.includes('\\') || path.split('/').includes('..')) return null;
  const inside = normalize(path === '/' || path === '' ? '/index.html' : path).replace(/^[/\\]+/, '');
  const file = join(rendererDir, inside);
  const fromRoot = relative(rendererDir, file);
  if (fromRoot === '' || fromRoot.startsWith('..') || isAbsolute(fromRoot)) return null;
  return file;
}


export interface AppRequestHandlerOptions {
  rendererDir: string;
  contentSecurityPolicy: string;
  readFile?: (file: string) => Promise<Uint8Array>;
}

/** The handler for protocol.handle('app', ...): static files with our security headers, nothing else. */
export function createAppRequestHandler(options: AppRequestHandlerOptions): (request: { url: string; method: string }) => Promise<Response> {
  const read = options.readFile ?? ((file: string) => readFile(file));
  const securityHeaders = {
    'Content-Security-Policy': options.contentSecurityPolicy,
    'X-Content-Type-Options': 'nosniff',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Referrer-Policy': 'no-referrer',
  };
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return new Response('Method not allowed', { status: 405, headers: securityHeaders });
    }
    const file = resolveAppFile(request.url, options.rendererDir);
    if (!file) return new Response('Not found', { status: 404, headers: securityHeaders });
    let body: Uint8Array;
    try {
      body = await read(file);
    } catch {
      return new Response('Not found', { status: 404, headers: securityHeaders });
    }
    const headers = { ...securityHeaders, 'Content-Type': contentTypeFor(file), 'Cache-Control': 'no-cache' };
    return new Response(request.method === 'HEAD' ? null : new Uint8Array(body), { status: 200, headers });
  };
}

export { contentTypeFor };
