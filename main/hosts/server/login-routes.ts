import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from '../../app/ports';
import { secretsEqual, type LoginToken } from './credentials';
import { linkAlreadyUsedPage, linkNotValidPage, passwordPage, tooManyAttemptsPage } from './html-pages';
import { sendError, sendHtml, sendRedirect } from './http-responses';
import type { LoginRateLimiter } from './login-rate-limiter';
import { readBody } from './read-body';
import { sessionCookie, type SessionStore } from './sessions';

/** A password form is a few dozen bytes; anything much bigger is not one. */
const MAX_FORM_BYTES = 4096;

export interface LoginDeps {
  token: LoginToken;
  sessions: SessionStore;
  /** Set only when a password was given; otherwise the password routes do not exist. */
  password: string | undefined;
  limiter: LoginRateLimiter;
  logger: Logger;
}

function startSession(res: ServerResponse, sessions: SessionStore): void {
  sendRedirect(res, '/', { 'Set-Cookie': sessionCookie(sessions.create()) });
}

/**
 * `GET /?token=…`, the link printed by `kizuna serve`. A valid token starts a session and redirects to
 * `/` so the token leaves the address bar. A browser that is already signed in is just sent on, so
 * reopening the link from history is harmless.
 */
export function handleTokenLogin(res: ServerResponse, candidate: string, signedIn: boolean, deps: LoginDeps): void {
  const check = deps.token.consume(candidate);
  if (check === 'accepted') {
    deps.logger.info('browser signed in with the one-time link');
    startSession(res, deps.sessions);
  } else if (signedIn) {
    sendRedirect(res, '/');
  } else if (check === 'already_used') {
    deps.logger.warn('the one-time sign-in link was opened again');
    sendHtml(res, 410, linkAlreadyUsedPage(deps.password !== undefined), { allowFormPost: deps.password !== undefined });
  } else {
    sendHtml(res, 401, linkNotValidPage(deps.password !== undefined), { allowFormPost: deps.password !== undefined });
  }
}

/** `GET /login`: the password form, when a password was set. */
export function handlePasswordForm(res: ServerResponse, signedIn: boolean, deps: LoginDeps): void {
  if (deps.password === undefined) {
    sendError(res, 404, 'not_found', 'Password sign-in is off for this server. Open the link printed by kizuna serve.');
  } else if (signedIn) {
    sendRedirect(res, '/');
  } else {
    sendHtml(res, 200, passwordPage(), { allowFormPost: true });
  }
}

/** `POST /login` from the password form (urlencoded). Wrong passwords are rate-limited per address. */
export async function handlePasswordLogin(req: IncomingMessage, res: ServerResponse, deps: LoginDeps): Promise<void> {
  const password = deps.password;
  if (password === undefined) {
    sendError(res, 404, 'not_found', 'Password sign-in is off for this server. Open the link printed by kizuna serve.');
    return;
  }
  const address = req.socket.remoteAddress ?? 'unknown';
  const wait = deps.limiter.waitFor(address);
  if (wait > 0) {
    const seconds = Math.ceil(wait / 1000);
    sendHtml(res, 429, tooManyAttemptsPage(seconds), { headers: { 'Retry-After': String(seconds) } });
    return;
  }
  const type = (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase();
  if (type !== 'application/x-www-form-urlencoded') {
    sendError(res, 415, 'validation', 'Send the password from the sign-in form (application/x-www-form-urlencoded).');
    return;
  }
  const body = await readBody(req, MAX_FORM_BYTES);
  if (body.kind === 'aborted') return;
  if (body.kind === 'too_large') {
    sendError(res, 413, 'too_large', `The sign-in form is larger than ${MAX_FORM_BYTES} bytes.`);
    return;
  }
  const guess = new URLSearchParams(body.body.toString('utf8')).get('password') ?? '';
  if (secretsEqual(password, guess)) {
    deps.limiter.succeeded(address);
    deps.logger.info('browser signed in with the password', { address });
    startSession(res, deps.sessions);
    return;
  }
  deps.limiter.failed(address);
  deps.logger.warn('wrong password for the server', { address });
  sendHtml(res, 401, passwordPage('That password is not right.'), { allowFormPost: true });
}
