import { html, json, type EmulatorRequest, type EmulatorResponse } from '../common/http-types';
import { oauthErrors, parseChallenge, tokenBody, verifierMatches, type AuthStore } from './auth-store';
import { authorizePage, codePage, errorPage } from './pages';

const OOB = 'urn:ietf:wg:oauth:2.0:oob';

export interface OAuthDeps {
  store: AuthStore;
  username: string;
  autoApprove: () => boolean;
}

/**
 * GET/POST /oauth/authorize, POST /oauth/token and POST /oauth/revoke (API-NOTES §3 "Authorization code
 * flow"). PKCE's code_challenge/code_verifier stand in for the client secret (trakt/trakt-api#367).
 */
export function handleOAuth(deps: OAuthDeps, request: EmulatorRequest, path: string): EmulatorResponse | undefined {
  if (path === '/oauth/authorize' && request.method === 'GET') return authorize(deps, Object.fromEntries(request.url.searchParams), deps.autoApprove());
  if (path === '/oauth/authorize' && request.method === 'POST') return decide(deps, request);
  if (path === '/oauth/token' && request.method === 'POST') return token(deps, request);
  if (path === '/oauth/revoke' && request.method === 'POST') return revoke(deps, request);
  return undefined;
}

const AUTHORIZE = 'GET /oauth/authorize';

function authorize(deps: OAuthDeps, params: Record<string, string>, approve: boolean): EmulatorResponse {
  const endpoint = params.decision === undefined ? AUTHORIZE : 'POST /oauth/authorize';
  const client = deps.store.client(params.client_id);
  if (!client) return { ...html(401, errorPage('Unknown app', oauthErrors.invalid_client)), endpoint };
  const redirectUri = params.redirect_uri ?? '';
  // Never redirect to an unregistered URI: the error is shown on the page, as the real host does.
  if (!client.redirectUris.includes(redirectUri)) return { ...html(400, errorPage('An error has occurred', oauthErrors.invalid_redirect_uri)), endpoint };
  const state = params.state;
  if (params.response_type !== 'code') return redirect(redirectUri, { error: 'unsupported_response_type', error_description: oauthErrors.unsupported_response_type, state }, endpoint);
  if (!approve) {
    const fields = Object.fromEntries(Object.entries(params).filter(([key]) => ['response_type', 'client_id', 'redirect_uri', 'state', 'code_challenge', 'code_challenge_method'].includes(key)));
    return { ...html(200, authorizePage(client.id, deps.username, fields)), endpoint };
  }
  const code = deps.store.createCode(client.id, redirectUri, parseChallenge(params));
  if (redirectUri === OOB) return { ...html(200, codePage(code)), endpoint };
  return redirect(redirectUri, { code, state }, endpoint);
}

function decide(deps: OAuthDeps, request: EmulatorRequest): EmulatorResponse {
  const params = readParams(request) ?? {};
  const fields = Object.fromEntries(Object.entries(params).map(([key, value]) => [key, String(value)]));
  if (fields.decision === 'approve') return authorize(deps, fields, true);
  const client = deps.store.client(fields.client_id);
  if (!client || !client.redirectUris.includes(fields.redirect_uri ?? '')) return authorize(deps, fields, false);
  return redirect(fields.redirect_uri as string, { error: 'access_denied', error_description: oauthErrors.access_denied, state: fields.state }, 'POST /oauth/authorize');
}

function redirect(uri: string, query: Record<string, string | undefined>, endpoint: string): EmulatorResponse {
  const target = new URL(uri);
  for (const [key, value] of Object.entries(query)) if (value !== undefined) target.searchParams.set(key, value);
  return { status: 302, headers: { location: target.toString() }, endpoint };
}

const TOKEN = 'POST /oauth/token';

function token(deps: OAuthDeps, request: EmulatorRequest): EmulatorResponse {
  const params = readParams(request);
  if (!params) return oauthError('invalid_request', TOKEN);
  const auth = deps.store.authenticate(params);
  if (!auth) return oauthError('invalid_client', TOKEN);
  if (params.grant_type === 'authorization_code') {
    const code = typeof params.code === 'string' ? deps.store.codes.get(params.code) : undefined;
    // A public client proves itself with the PKCE verifier; a code issued with a challenge always needs it.
    if (!auth.withSecret && !code?.challenge) return oauthError('invalid_client', TOKEN);
    if (!code || code.used || code.clientId !== auth.client.id || deps.store.isExpired(code) || code.redirectUri !== params.redirect_uri) return oauthError('invalid_grant', TOKEN);
    if (code.challenge && !verifierMatches(code.challenge, params.code_verifier)) return oauthError('invalid_grant', TOKEN);
    code.used = true;
    return { ...json(200, tokenBody(deps.store.issue(auth.client.id, !auth.withSecret))), endpoint: TOKEN };
  }
  if (params.grant_type === 'refresh_token') {
    const old = deps.store.refreshable(params.refresh_token, auth.client.id);
    if (!auth.withSecret && !old?.publicClient) return oauthError(old ? 'invalid_client' : 'invalid_grant', TOKEN);
    if (!old) return oauthError('invalid_grant', TOKEN);
    return { ...json(200, tokenBody(deps.store.rotate(old))), endpoint: TOKEN };
  }
  return oauthError('unsupported_grant_type', TOKEN);
}

/** RFC 7009: 200 whether or not the token was known; only bad client credentials fail. */
function revoke(deps: OAuthDeps, request: EmulatorRequest): EmulatorResponse {
  const endpoint = 'POST /oauth/revoke';
  const params = readParams(request);
  if (!params) return oauthError('invalid_request', endpoint);
  const auth = deps.store.authenticate(params);
  if (!auth) return oauthError('invalid_client', endpoint);
  if (typeof params.token === 'string') {
    const known = deps.store.find(params.token);
    if (auth.withSecret || known?.publicClient) deps.store.revoke(params.token);
    else return oauthError('invalid_client', endpoint);
  }
  return { ...json(200, {}), endpoint };
}

/**
 * Auth-host bodies: Trakt documents JSON ("JSON POST Data"), and the emulator's own HTML forms post
 * application/x-www-form-urlencoded, as Doorkeeper also accepts. Returns undefined for unreadable JSON.
 */
export function readParams(request: EmulatorRequest): Record<string, unknown> | undefined {
  const type = String(request.headers['content-type'] ?? '').toLowerCase();
  const text = request.body.toString('utf8');
  if (type.includes('application/x-www-form-urlencoded')) return Object.fromEntries(new URLSearchParams(text));
  if (text.trim() === '') return {};
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/** `{error, error_description}` as the spec declares for a failed exchange; invalid_client is 401 (RFC 6749 §5.2). */
export function oauthError(code: keyof typeof oauthErrors, endpoint: string, status?: number): EmulatorResponse {
  const answer = json(status ?? (code === 'invalid_client' ? 401 : 400), { error: code, error_description: oauthErrors[code] });
  return { ...answer, endpoint };
}
