import { timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { AppError } from '../../../shared/contract';
import { randomUrlSafe } from '../pkce';
import { FRAGMENT_SCRIPT_PATH, fragmentRelayScript, pages, securityHeaders } from './pages';

/**
 * The OAuth loopback redirect listener (RFC 8252 §7.3, API-NOTES §5). It binds 127.0.0.1 only: an IP literal,
 * not "localhost" (§8.3), so nothing listens on other interfaces. The port is fixed and configurable, not
 * ephemeral, because none of the services promises §7.3's any-port matching: AniList, MAL and Trakt all
 * match the registered redirect URI exactly (API-NOTES §§1, 3, 4). It is open only while a sign-in waits
 * (§8.3) and answers once.
 *
 * A wrong or missing `state` never completes the flow (RFC 6749 §10.12) and does not fail it either: the
 * answer is ignored and the listener keeps waiting. Any web page can make the browser fetch
 * http://127.0.0.1:<port>/callback; failing on a forged answer would let it cancel a real sign-in.
 */

export const DEFAULT_LOOPBACK_PORT = 47824;
export const DEFAULT_CALLBACK_PATH = '/callback';
const MAX_BODY_BYTES = 16 * 1024;

/**
 * Finished listeners still answering "already used" (for a reload of the tab), by port. A new sign-in on
 * the same port closes such a listener first, so "try again" right after a failed exchange never finds
 * the port taken by our own finished sign-in; an unfinished one still makes the new one fail.
 */
const lingering = new Map<number, () => Promise<void>>();

export interface LoopbackOptions {
  /** Must match the port in the redirect URI registered with the service. */
  port?: number;
  path?: string;
  expectedState: string;
  timeoutMs: number;
  /** `query` for authorization codes; `fragment` for the implicit grant, relayed by a small script. */
  mode: 'query' | 'fragment';
  /** Named on the pages and in error messages. */
  service?: string;
  signal?: AbortSignal;
  /** How long a finished listener keeps answering "already used" before it closes. */
  lingerMs?: number;
  /** Told each time an answer with a wrong state is ignored (the flow may tell the person). */
  onIgnored?: () => void;
}

export interface LoopbackResult {
  params: URLSearchParams;
}

export interface LoopbackListener {
  redirectUri: string;
  result: Promise<LoopbackResult>;
  /** Stops waiting at once; a pending result rejects with an AbortError. */
  close(): Promise<void>;
}

/** A fresh, unguessable `state` for one sign-in (RFC 6749 §10.12). */
export function createState(): string {
  return randomUrlSafe(32);
}

export function loopbackRedirectUri(port = DEFAULT_LOOPBACK_PORT, path = DEFAULT_CALLBACK_PATH): string {
  return `http://127.0.0.1:${port}${path}`;
}

function sameSecret(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

interface Answer {
  status: number;
  title: string;
  message: string;
  html: string;
}

export async function startLoopbackListener(options: LoopbackOptions): Promise<LoopbackListener> {
  const port = options.port ?? DEFAULT_LOOPBACK_PORT;
  const path = options.path ?? DEFAULT_CALLBACK_PATH;
  const service = options.service ?? 'the service';
  if (!Number.isInteger(port) || port < 1 || port > 65_535) throw new AppError('validation', `The sign-in port must be a whole number from 1 to 65535, not ${port}. Change it in Settings.`);
  if (!path.startsWith('/')) throw new AppError('validation', `The callback path must start with "/", not ${path}`);
  options.signal?.throwIfAborted();
  const redirectUri = loopbackRedirectUri(port, path);
  const host = `127.0.0.1:${port}`;
  const scriptPath = `${path}/${FRAGMENT_SCRIPT_PATH}`;

  let finished = false;
  let resolveResult!: (value: LoopbackResult) => void;
  let rejectResult!: (error: unknown) => void;
  const result = new Promise<LoopbackResult>((resolve, reject) => {
    resolveResult = resolve;
    rejectResult = reject;
  });
  // The caller may attach its handler later (after opening the browser); a timeout meanwhile is not "unhandled".
  result.catch(() => undefined);

  const server = createServer((request, response) => {
    void handle(request, response).catch(() => send(response, 500, 'text/plain; charset=utf-8', 'Internal error'));
  });
  let closing: Promise<void> | undefined;
  const closeNow = (): Promise<void> => {
    closing ??= new Promise<void>((resolve) => {
      server.close(() => {
        if (lingering.get(port) === closeNow) lingering.delete(port);
        resolve();
      });
      server.closeIdleConnections();
      setTimeout(() => server.closeAllConnections(), 1000).unref();
    });
    return closing;
  };

  const timer = setTimeout(() => {
    fail(
      new AppError(
        'timeout',
        `No sign-in answer from ${service} within ${Math.round(options.timeoutMs / 1000)} s. If ${service}'s page showed an error about the redirect URI, register exactly ${redirectUri} in your ${service} app settings, or change Kizuna's sign-in port to the one registered there; then try again.`,
      ),
      0,
    );
  }, options.timeoutMs);
  timer.unref();

  const onAbort = () => fail(options.signal?.reason ?? new DOMException('Sign-in cancelled', 'AbortError'), 0);
  options.signal?.addEventListener('abort', onAbort, { once: true });

  /** Single use: after the first real answer, later hits get "already used" until the listener closes. */
  function settle(lingerMs: number): void {
    finished = true;
    clearTimeout(timer);
    options.signal?.removeEventListener('abort', onAbort);
    if (lingerMs <= 0) {
      void closeNow();
      return;
    }
    lingering.set(port, closeNow);
    setTimeout(() => void closeNow(), lingerMs).unref();
  }

  function fail(error: unknown, lingerMs: number): void {
    if (finished) return;
    settle(lingerMs);
    rejectResult(error);
  }

  /** The service's answer, from the query or the relayed fragment. */
  function answer(params: URLSearchParams): Answer {
    const state = params.get('state');
    if (state === null || !sameSecret(state, options.expectedState)) {
      options.onIgnored?.();
      return { status: 400, title: 'Sign-in link not recognised', message: 'This answer does not belong to the sign-in Kizuna is waiting for, so it was ignored.', html: pages.wrongState() };
    }
    const error = params.get('error');
    const linger = options.lingerMs ?? 2000;
    if (error !== null) {
      const description = (params.get('error_description') ?? params.get('message') ?? params.get('hint') ?? '').slice(0, 200);
      fail(
        error === 'access_denied'
          ? new AppError('forbidden', `${service} sign-in was declined in the browser. Start again when you want to connect ${service}.`)
          : new AppError('unauthenticated', `${service} refused the sign-in (${error.slice(0, 60)}${description ? `: ${description}` : ''}). Check the client ID and the registered redirect URI ${redirectUri}.`),
        linger,
      );
      const denied = error === 'access_denied';
      return { status: 200, title: denied ? `${service} sign-in cancelled` : `${service} sign-in failed`, message: 'You can close this tab and return to Kizuna.', html: denied ? pages.denied(service) : pages.refused(service) };
    }
    settle(linger);
    resolveResult({ params });
    return { status: 200, title: `Signed in to ${service}`, message: 'You can close this tab and return to Kizuna.', html: pages.success(service) };
  }

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    // DNS rebinding: a page on evil.example resolving to 127.0.0.1 still sends its own Host.
    if (request.headers.host !== host) return send(response, 400, 'text/html; charset=utf-8', pages.badHost());
    const url = new URL(request.url ?? '/', `http://${host}`);
    if (url.pathname === scriptPath && request.method === 'GET' && options.mode === 'fragment') {
      return send(response, 200, 'text/javascript; charset=utf-8', fragmentRelayScript);
    }
    if (url.pathname !== path) return send(response, 404, 'text/html; charset=utf-8', pages.notFound());
    if (request.method === 'GET') {
      if (finished) return send(response, 410, 'text/html; charset=utf-8', pages.used());
      const query = url.searchParams;
      // Errors may come back in the query even for the implicit grant; a bare GET gets the relay page.
      if (options.mode === 'fragment' && !query.has('state') && !query.has('error')) return send(response, 200, 'text/html; charset=utf-8', pages.relay(scriptPath));
      const reply = answer(query);
      return send(response, reply.status, 'text/html; charset=utf-8', reply.html);
    }
    if (request.method === 'POST' && options.mode === 'fragment') {
      // Only our own relay page may post: a browser always sends Origin on a fetch POST.
      if (request.headers.origin !== `http://${host}`) return send(response, 403, 'application/json', JSON.stringify({ title: 'Refused', message: 'Wrong origin.' }));
      if (!String(request.headers['content-type'] ?? '').startsWith('application/x-www-form-urlencoded')) return send(response, 415, 'application/json', JSON.stringify({ title: 'Refused', message: 'Unsupported body.' }));
      const body = await readBody(request);
      if (body === undefined) return send(response, 413, 'application/json', JSON.stringify({ title: 'Refused', message: 'Too large.' }));
      if (finished) return send(response, 410, 'application/json', JSON.stringify({ title: 'Sign-in already finished', message: 'This sign-in link has already been used. You can close this tab and return to Kizuna.' }));
      const reply = answer(new URLSearchParams(body));
      return send(response, reply.status, 'application/json', JSON.stringify({ title: reply.title, message: reply.message }));
    }
    return send(response, 404, 'text/html; charset=utf-8', pages.notFound());
  }

  await lingering.get(port)?.();
  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      options.signal?.removeEventListener('abort', onAbort);
      if (error.code === 'EADDRINUSE') {
        reject(
          new AppError(
            'conflict',
            `Port ${port} on 127.0.0.1 is already in use, so Kizuna cannot wait for the ${service} sign-in. Another Kizuna sign-in may still be running: finish or cancel it and try again. If another program uses the port, change the sign-in port in Settings and register the matching redirect URI with ${service}.`,
            { retryable: true, cause: error },
          ),
        );
      } else if (error.code === 'EACCES') {
        reject(new AppError('forbidden', `Kizuna may not listen on port ${port}. Choose a port above 1024 in Settings and register the matching redirect URI with ${service}.`, { cause: error }));
      } else reject(new AppError('unavailable', `Kizuna could not listen on 127.0.0.1:${port} for the ${service} sign-in (${error.message}).`, { cause: error }));
    });
    server.listen({ host: '127.0.0.1', port, exclusive: true }, () => resolve());
  });

  return {
    redirectUri,
    result,
    close: () => {
      fail(new DOMException('Sign-in stopped', 'AbortError'), 0);
      return closeNow();
    },
  };
}

function send(response: ServerResponse, status: number, type: string, body: string): void {
  if (response.headersSent) return;
  // One answer per connection: nothing keeps the listener alive once the sign-in is over.
  response.writeHead(status, { ...securityHeaders, 'content-type': type, connection: 'close' });
  response.end(body);
}

async function readBody(request: IncomingMessage): Promise<string | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) return undefined;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}
