import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from '../../app/ports';
import type { Binding } from './binding';
import { cookieValues, SESSION_COOKIE, type SessionStore } from './sessions';
import type { EventStreams } from './event-streams';
import { notSignedInPage } from './html-pages';
import { sendError, sendHtml, wantsHtml } from './http-responses';
import { handlePasswordForm, handlePasswordLogin, handleTokenLogin, type LoginDeps } from './login-routes';
import { checkHost, checkOrigin } from './request-guard';
import { handleRpc, type RpcRouteDeps } from './rpc-route';
import type { StaticFiles } from './static-files';

export interface HandlerContext {
  binding: Binding;
  /** The port actually bound; only known once listening. */
  port(): number;
  sessions: SessionStore;
  login: LoginDeps;
  rpc: RpcRouteDeps;
  events: EventStreams;
  statics: StaticFiles;
  logger: Logger;
}

export const NOT_SIGNED_IN_MESSAGE =
  'This browser is not signed in to Kizuna. Open the link printed by `kizuna serve` in its terminal (it works once); to get a new link, run `kizuna serve` again.';

function signedInSession(req: IncomingMessage, sessions: SessionStore): string | null {
  return cookieValues(req.headers.cookie, SESSION_COOKIE).find((id) => sessions.touch(id)) ?? null;
}

function refuseUnsigned(req: IncomingMessage, res: ServerResponse, api: boolean, passwordLogin: boolean): void {
  if (!api && (req.method === 'GET' || req.method === 'HEAD') && wantsHtml(req.headers.accept)) {
    sendHtml(res, 401, notSignedInPage(passwordLogin), { allowFormPost: passwordLogin });
  } else {
    sendError(res, 401, 'unauthenticated', NOT_SIGNED_IN_MESSAGE);
  }
}

async function route(req: IncomingMessage, res: ServerResponse, ctx: HandlerContext): Promise<void> {
  const hostProblem = checkHost(req.headers.host, ctx.binding, ctx.port());
  const originProblem = hostProblem ?? checkOrigin(req.headers.origin, req.headers.host ?? '', ctx.binding);
  if (hostProblem || originProblem) {
    ctx.logger.warn('request refused', { reason: hostProblem ?? originProblem, method: req.method, path: (req.url ?? '').split('?')[0] });
    const hint = ctx.binding.loopback ? ` Open Kizuna at http://${ctx.binding.urlHost}:${ctx.port()}/ instead.` : '';
    sendError(res, 403, 'forbidden', `Refused: ${hostProblem ?? originProblem}.${hint}`);
    return;
  }

  const target = req.url ?? '/';
  const queryAt = target.indexOf('?');
  const path = queryAt < 0 ? target : target.slice(0, queryAt);
  const sessionId = signedInSession(req, ctx.sessions);

  if (path === '/' && req.method === 'GET' && queryAt >= 0) {
    const token = new URLSearchParams(target.slice(queryAt + 1)).get('token');
    if (token !== null) {
      handleTokenLogin(res, token, sessionId !== null, ctx.login);
      return;
    }
  }
  if (path === '/login') {
    if (req.method === 'POST') await handlePasswordLogin(req, res, ctx.login);
    else if (req.method === 'GET' || req.method === 'HEAD') handlePasswordForm(res, sessionId !== null, ctx.login);
    else sendError(res, 405, 'validation', 'Use GET or POST for /login.', { Allow: 'GET, POST' });
    return;
  }

  const api = path === '/rpc' || path.startsWith('/rpc/') || path === '/events';
  if (sessionId === null) {
    refuseUnsigned(req, res, api, ctx.login.password !== undefined);
    return;
  }
  if (path.startsWith('/rpc/')) {
    await handleRpc(req, res, path.slice('/rpc/'.length), ctx.rpc);
  } else if (path === '/rpc') {
    sendError(res, 404, 'unknown_method', 'Name the method in the path: POST /rpc/<method>.');
  } else if (path === '/events') {
    if (req.method === 'GET') ctx.events.open(res, sessionId);
    else sendError(res, 405, 'validation', 'Use GET for /events.', { Allow: 'GET' });
  } else {
    await ctx.statics.serve(req, res);
  }
}

/**
 * Every request passes the same gates in the same order: Host and Origin (is this really us, asked by
 * our own page?), then the session, then the route. Any error that escapes a route becomes a 500 for
 * that request alone; the server keeps serving.
 *
 * Only the two sign-in doors (the one-time link and the password form) are open without a session;
 * the UI's files are not. The shell holds no secrets, but served to a stranger it would only fail on
 * every call, whereas a page saying "open the link printed by kizuna serve" tells them what to do,
 * and one rule for every path leaves nothing to forget when routes are added.
 */
export function createRequestHandler(ctx: HandlerContext): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    route(req, res, ctx).catch((error: unknown) => {
      ctx.logger.error('request failed', { method: req.method, error });
      if (!res.headersSent && !res.destroyed) sendError(res, 500, 'internal', 'Kizuna hit an unexpected error with this request. The details are in the log.');
      else res.destroy();
    });
  };
}
