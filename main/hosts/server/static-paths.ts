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

export { contentTypeFor } from '../../app/renderer-content-types';
