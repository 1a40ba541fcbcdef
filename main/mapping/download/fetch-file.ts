/**
 * One conditional GET with a size limit. The body is read as a stream and abandoned the moment it passes
 * `maxBytes` (a Content-Length above it stops us before reading anything), so a wrong URL pointing at a huge
 * file cannot fill memory or disk. A body shorter than its Content-Length is a dropped connection, not a file.
 */
export interface Validators {
  etag: string | null;
  lastModified: string | null;
}

export type FetchOutcome = { status: 'not-modified' } | { status: 'ok'; body: Buffer; etag: string | null; lastModified: string | null };

export class DownloadError extends Error {}

export async function fetchConditional(fetchImpl: typeof fetch, url: string, validators: Validators | null, maxBytes: number, timeoutMs: number): Promise<FetchOutcome> {
  const headers: Record<string, string> = { accept: '*/*' };
  if (validators?.etag) headers['if-none-match'] = validators.etag;
  if (validators?.lastModified) headers['if-modified-since'] = validators.lastModified;
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(new DownloadError(`no answer within ${Math.round(timeoutMs / 1000)} s`)), timeoutMs);
  try {
    const response = await fetchImpl(url, { headers, signal: controller.signal, redirect: 'follow' });
    if (response.status === 304) {
      await response.body?.cancel();
      return { status: 'not-modified' };
    }
    if (!response.ok) {
      await response.body?.cancel();
      throw new DownloadError(`HTTP ${response.status} ${response.statusText}`.trim());
    }
    const declared = Number(response.headers.get('content-length') ?? Number.NaN);
    if (declared > maxBytes) {
      await response.body?.cancel();
      throw new DownloadError(`file is ${declared} bytes, over the ${maxBytes}-byte limit`);
    }
    const body = await readLimited(response, maxBytes, controller);
    if (Number.isFinite(declared) && body.length !== declared && !response.headers.get('content-encoding')) {
      throw new DownloadError(`received ${body.length} of ${declared} bytes (connection dropped?)`);
    }
    return { status: 'ok', body, etag: response.headers.get('etag'), lastModified: response.headers.get('last-modified') };
  } catch (error) {
    if (error instanceof DownloadError) throw error;
    const reason = controller.signal.reason instanceof DownloadError ? controller.signal.reason.message : describeFetchError(error);
    throw new DownloadError(reason);
  } finally {
    clearTimeout(timer);
  }
}

async function readLimited(response: Response, maxBytes: number, controller: AbortController): Promise<Buffer> {
  if (!response.body) return Buffer.alloc(0);
  const chunks: Uint8Array[] = [];
  let total = 0;
  const reader = response.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      controller.abort();
      await reader.cancel().catch(() => undefined);
      throw new DownloadError(`file is over the ${maxBytes}-byte limit; stopped reading`);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

/** undici hides the useful part ("ECONNREFUSED 127.0.0.1:80") in `cause`. */
function describeFetchError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = error.cause instanceof Error ? `: ${error.cause.message}` : '';
  return `${error.message}${cause}`;
}
