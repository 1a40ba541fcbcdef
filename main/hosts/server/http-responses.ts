import type { ServerResponse } from 'node:http';
import { AppError, type ErrorCode, type Result } from '../../../shared/contract';

/** The same policy as the desktop window: only our own scripts, styles and API; no frames, forms or plugins. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' https: data:",
  "connect-src 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "object-src 'none'",
].join('; ');

/** The password page is the one place a form may post, and only back to us. */
const LOGIN_FORM_POLICY = CONTENT_SECURITY_POLICY.replace("form-action 'none'", "form-action 'self'");

export type Headers = Record<string, string | number | string[]>;

/**
 * Sent on every response, whatever its route. Cross-Origin-Resource-Policy also stops a page on another
 * port of this machine (same-site, so it would carry the SameSite cookie) from embedding our files.
 */
export function securityHeaders(options: { allowFormPost?: boolean } = {}): Headers {
  return {
    'Content-Security-Policy': options.allowFormPost ? LOGIN_FORM_POLICY : CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'X-Frame-Options': 'DENY',
    'Cross-Origin-Resource-Policy': 'same-origin',
    'Cross-Origin-Opener-Policy': 'same-origin',
  };
}

function writable(res: ServerResponse): boolean {
  return !res.headersSent && !res.writableEnded && !res.destroyed;
}

export function sendBody(res: ServerResponse, status: number, contentType: string, body: string, headers: Headers = {}, allowFormPost = false): void {
  if (!writable(res)) return;
  const bytes = Buffer.from(body, 'utf8');
  res.writeHead(status, { ...securityHeaders({ allowFormPost }), 'Content-Type': contentType, 'Content-Length': bytes.length, ...headers });
  res.end(res.req.method === 'HEAD' ? undefined : bytes);
}

/** API answers are never cached: they carry the user's data and change from call to call. */
export function sendJson(res: ServerResponse, status: number, value: Result<unknown>, headers: Headers = {}): void {
  sendBody(res, status, 'application/json; charset=utf-8', JSON.stringify(value), { 'Cache-Control': 'no-store', ...headers });
}

/** A refusal by the transport itself, shaped like any other failed call so one client code path handles both. */
export function sendError(res: ServerResponse, status: number, code: ErrorCode, message: string, headers: Headers = {}): void {
  sendJson(res, status, { ok: false, error: new AppError(code, message).toRpcError() }, headers);
}

export function sendHtml(res: ServerResponse, status: number, html: string, options: { headers?: Headers; allowFormPost?: boolean } = {}): void {
  sendBody(res, status, 'text/html; charset=utf-8', html, { 'Cache-Control': 'no-store', ...options.headers }, options.allowFormPost);
}

/** 303 so the browser follows with a GET and the one-time token drops out of the address bar. */
export function sendRedirect(res: ServerResponse, location: string, headers: Headers = {}): void {
  if (!writable(res)) return;
  res.writeHead(303, { ...securityHeaders(), Location: location, 'Cache-Control': 'no-store', 'Content-Length': 0, ...headers });
  res.end();
}

/** Whether a GET comes from a browser navigating (it gets a readable page rather than JSON). */
export function wantsHtml(accept: string | undefined): boolean {
  return accept !== undefined && accept.includes('text/html');
}
