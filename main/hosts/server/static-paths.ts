import { extname } from 'node:path';

export type StaticPath =
  | { kind: 'file'; relative: string }
  | { kind: 'refused'; status: 400 | 403 | 404; message: string };

/**
 * Turns a request target into a path relative to the UI folder, or refuses it. Works on the raw target,
 * before any URL normalisation, so that every spelling of "go up" (`/../`, `%2e%2e`, `..%2f`, `..\`)
 * is seen and refused rather than silently folded away. The caller still checks the resolved path is
 * inside the folder; this is the first of two fences.
 */
export function resolveStaticPath(target: string): StaticPath {
  if (!target.startsWith('/')) return { kind: 'refused', status: 400, message: 'The request path must start with "/".' };
  const rawPath = target.split(/[?#]/, 1)[0] ?? '/';
  let decoded: string;
  try {
    decoded = decodeURIComponent(rawPath);
  } catch {
    return { kind: 'refused', status: 400, message: 'The request path is not valid percent-encoding.' };
  }
  if (decoded.includes('\0')) return { kind: 'refused', status: 400, message: 'The request path contains a NUL byte.' };
  if (decoded.includes('\\')) return { kind: 'refused', status: 400, message: 'The request path contains a backslash.' };
  const segments = decoded.split('/').filter((segment) => segment !== '');
  if (segments.includes('..')) return { kind: 'refused', status: 403, message: 'The request path leaves the UI folder.' };
  // A drive letter or a stream name ("C:", "file:$DATA") means something to Windows, never to a URL of ours.
  if (segments.some((segment) => segment.includes(':'))) return { kind: 'refused', status: 400, message: 'The request path contains ":".' };
  // Dot-files (".env", ".git") are never part of a build; do not even say whether they exist.
  if (segments.some((segment) => segment.startsWith('.'))) return { kind: 'refused', status: 404, message: 'There is no such file.' };
  return { kind: 'file', relative: segments.join('/') };
}

/** Whether a missing path looks like a file (`/assets/x.js`) rather than a page of the app (`/library`). */
export function looksLikeFile(relative: string): boolean {
  const last = relative.split('/').at(-1) ?? '';
  return last.includes('.');
}

/** What a Vite build of the renderer produces. With nosniff, a wrong type would stop the file working. */
const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
};

export function contentTypeFor(file: string): string {
  return types[extname(file).toLowerCase()] ?? 'application/octet-stream';
}
