import type { IncomingMessage } from 'node:http';

export type BodyResult = { kind: 'complete'; body: Buffer } | { kind: 'too_large' } | { kind: 'aborted' };

/** After refusing a body, how much more of it we swallow so the client can read our answer; then we hang up. */
const DISCARD_FACTOR = 4;

/**
 * Reads a request body, refusing it as soon as it passes `limit` bytes: a declared Content-Length is
 * checked before reading anything, and a chunked body is counted as it streams, so an oversized upload
 * never sits in memory. Never rejects: a client that hangs up mid-body comes back as `aborted`.
 */
export function readBody(req: IncomingMessage, limit: number): Promise<BodyResult> {
  return new Promise((resolve) => {
    const declared = Number(req.headers['content-length']);
    if (Number.isFinite(declared) && declared > limit) {
      discardRest(req, limit * DISCARD_FACTOR);
      resolve({ kind: 'too_large' });
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let settled = false;
    const settle = (result: BodyResult): void => {
      if (settled) return;
      settled = true;
      req.off('data', onData);
      resolve(result);
    };
    const onData = (chunk: Buffer): void => {
      size += chunk.length;
      if (size > limit) {
        chunks.length = 0;
        settle({ kind: 'too_large' });
        discardRest(req, limit * DISCARD_FACTOR);
        return;
      }
      chunks.push(chunk);
    };
    req.on('data', onData);
    req.once('end', () => settle({ kind: 'complete', body: Buffer.concat(chunks) }));
    req.once('error', () => settle({ kind: 'aborted' }));
    req.once('close', () => settle(req.complete ? { kind: 'complete', body: Buffer.concat(chunks) } : { kind: 'aborted' }));
  });
}

/**
 * Hanging up on a client that is still sending makes its kernel drop our 413 unread (a TCP reset), so
 * keep reading and throwing away for a while; a client that keeps pushing past that is cut off.
 */
function discardRest(req: IncomingMessage, cap: number): void {
  let discarded = 0;
  req.on('data', (chunk: Buffer) => {
    discarded += chunk.length;
    if (discarded > cap) req.socket.destroy();
  });
  req.on('error', () => undefined);
  req.resume();
}
