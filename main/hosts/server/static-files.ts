import { createReadStream } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { isAbsolute, relative as relativePath, resolve } from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { Logger } from '../../app/ports';
import { uiNotBuiltPage } from './html-pages';
import { securityHeaders, sendError, sendHtml } from './http-responses';
import { contentTypeFor, looksLikeFile, resolveStaticPath } from './static-paths';

export interface StaticFiles {
  serve(req: IncomingMessage, res: ServerResponse): Promise<void>;
}

function isInside(root: string, file: string): boolean {
  const rel = relativePath(root, file);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

/** Vite puts content-hashed files under assets/: a new build gets new names, so they may be kept. */
function cacheControlFor(relative: string): string {
  if (relative.startsWith('assets/')) return 'private, max-age=31536000, immutable';
  return 'no-cache';
}

/** The real, regular file at `relative`, or null; symlinks that lead out of the folder count as missing. */
async function findFile(root: string, relative: string): Promise<{ path: string; size: number } | null> {
  const candidate = resolve(root, relative);
  if (!isInside(root, candidate)) return null;
  try {
    const real = await realpath(candidate);
    if (!isInside(root, real)) return null;
    const info = await stat(real);
    return info.isFile() ? { path: real, size: info.size } : null;
  } catch {
    return null;
  }
}

/**
 * Serves the built renderer. Paths that are not files are the single-page app's own routes, so they get
 * index.html; missing files with an extension get a 404 instead, because an HTML page served as a
 * script only hides the real problem. The folder is looked at on each request, so building the UI while
 * the server runs works without a restart.
 */
export function createStaticFiles(rendererDir: string, logger: Logger): StaticFiles {
  const configuredRoot = resolve(rendererDir);

  const sendFile = async (req: IncomingMessage, res: ServerResponse, file: { path: string; size: number }, cacheControl: string): Promise<void> => {
    res.writeHead(200, { ...securityHeaders(), 'Content-Type': contentTypeFor(file.path), 'Content-Length': file.size, 'Cache-Control': cacheControl });
    if (req.method === 'HEAD') {
      res.end();
      return;
    }
    try {
      await pipeline(createReadStream(file.path), res);
    } catch (error) {
      // A tab closed mid-download ends the pipeline early; that is not worth a log line.
      if (!res.destroyed) logger.warn('static file could not be sent', { file: file.path, error });
      res.destroy();
    }
  };

  const sendIndex = async (req: IncomingMessage, res: ServerResponse, root: string | null): Promise<void> => {
    const index = root ? await findFile(root, 'index.html') : null;
    if (!index) {
      sendHtml(res, 503, uiNotBuiltPage());
      return;
    }
    await sendFile(req, res, index, 'no-store');
  };

  return {
    async serve(req, res) {
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        sendError(res, 405, 'validation', 'Only GET and HEAD are used for pages and files.', { Allow: 'GET, HEAD' });
        return;
      }
      const target = resolveStaticPath(req.url ?? '/');
      if (target.kind === 'refused') {
        sendError(res, target.status, target.status === 403 ? 'forbidden' : target.status === 404 ? 'not_found' : 'validation', target.message);
        return;
      }
      const root = await realpath(configuredRoot).catch(() => null);
      if (root === null || target.relative === '' || target.relative === 'index.html') {
        await sendIndex(req, res, root);
        return;
      }
      const file = await findFile(root, target.relative);
      if (file) await sendFile(req, res, file, cacheControlFor(target.relative));
      else if (looksLikeFile(target.relative)) sendError(res, 404, 'not_found', `There is no file /${target.relative} in the UI.`);
      else await sendIndex(req, res, root);
    },
  };
}
