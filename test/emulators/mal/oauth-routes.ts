import { json, parseFormBody, type EmulatorRequest, type EmulatorResponse } from '../common/http-types';
import { OAuthError } from './errors';
import { approvePage } from './pages';
import type { MalOAuthState, PendingAuthorization } from './oauth-state';

/** RFC 7636 §4.1: 43-128 unreserved characters; league checks both challenge and verifier with this. */
const pkcePattern = /^[A-Za-z0-9\-._~]{43,128}$/;

/**
 * GET /v1/oauth2/authorize. Checks follow thephpleague/oauth2-server's AuthCodeGrant in order: response
 * type, client, redirect URI (exact match against the registered ones; may be left out only when exactly
 * one is registered, per MAL's authorization reference), then PKCE. MAL requires a challenge from every
 * client ("code_challenge REQUIRED"; a missing one gives "Check the `code_challenge` parameter",
 * jaredhanson/passport-oauth2#128). "Currently, only the plain method is supported": the emulator refuses
 * S256 at this step with the hint league gives for an unregistered method — an inference from MAL's docs
 * and the S256 failures clients hit (pilcrowonpaper/arctic#225); no public capture of MAL's exact answer.
 */
export function authorize(request: EmulatorRequest, oauth: MalOAuthState, autoApprove: boolean): EmulatorResponse {
  try {
    const query = request.url.searchParams;
    const clientId = query.get('client_id');
    if (query.get('response_type') !== 'code' || clientId === null) throw new OAuthError('unsupported_grant_type', 'Check the `grant_type` parameter');
    const client = oauth.clients.get(clientId);
    if (!client) throw new OAuthError('invalid_client');
    const redirectUri = query.get('redirect_uri');
    let target: string;
    if (redirectUri !== null) {
      if (!client.redirectUris.includes(redirectUri)) throw new OAuthError('invalid_client');
      target = redirectUri;
    } else {
      const only = client.redirectUris.length === 1 ? client.redirectUris[0] : undefined;
      if (only === undefined) throw new OAuthError('invalid_client');
      target = only;
    }
    const challenge = query.get('code_challenge');
    if (challenge === null) throw OAuthError.missing('code_challenge');
    if ((query.get('code_challenge_method') ?? 'plain') !== 'plain') throw new OAuthError('invalid_request', 'Code challenge method must be one of `plain`');
    if (!pkcePattern.test(challenge)) throw new OAuthError('invalid_request', 'Code challenge must follow the specifications of RFC-7636.');
    const pending: PendingAuthorization = { clientId, redirectUri, target, state: query.get('state'), challenge };
    if (autoApprove) return approved(oauth, pending);
    return approvePage(client.name, oauth.addPending(pending));
  } catch (error) {
    if (error instanceof OAuthError) return error.toResponse();
    throw error;
  }
}

/** POST /v1/oauth2/authorize: the approve page's Allow / Deny buttons. */
export function decide(request: EmulatorRequest, oauth: MalOAuthState): EmulatorResponse {
  const form = parseFormBody(request);
  const pending = oauth.takePending(form.get('request_id') ?? '');
  if (!pending) return new OAuthError('invalid_request', 'This sign-in request has already been answered or never existed').toResponse();
  if (form.get('decision') === 'approve') return approved(oauth, pending);
  // league's accessDenied(): the error goes back to the app in the query, after the state.
  return redirect(pending.target, {
    state: pending.state,
    error: 'access_denied',
    message: 'The resource owner or authorization server denied the request.',
    hint: 'The user denied the request',
  });
}

function approved(oauth: MalOAuthState, pending: PendingAuthorization): EmulatorResponse {
  return redirect(pending.target, { code: oauth.issueCode(pending), state: pending.state });
}

/** league's makeRedirectUri: `?` or `&`, then http_build_query, which drops null values. */
function redirect(target: string, params: Record<string, string | null>): EmulatorResponse {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value !== null) query.set(key, value);
  return { status: 302, headers: { location: `${target}${target.includes('?') ? '&' : '?'}${query.toString()}` } };
}

/** POST /v1/oauth2/token: authorization_code (with the PKCE verifier) and refresh_token grants. */
export function token(request: EmulatorRequest, oauth: MalOAuthState): EmulatorResponse {
  try {
    const form = parseFormBody(request);
    const grant = form.get('grant_type');
    if (grant !== 'authorization_code' && grant !== 'refresh_token') throw new OAuthError('unsupported_grant_type', 'Check the `grant_type` parameter');
    const clientId = authenticateClient(request, form, oauth);
    const tokens = grant === 'authorization_code' ? exchangeCode(form, clientId, oauth) : refresh(form, clientId, oauth);
    return json(200, tokens, { 'cache-control': 'no-store', pragma: 'no-cache' });
  } catch (error) {
    if (error instanceof OAuthError) return error.toResponse();
    throw error;
  }
}

/**
 * The client id comes from the body, else from HTTP Basic (league's getClientCredentials). A secret is
 * checked only for clients that have one; public clients ("Android, iOS, Other") must not need one, and
 * league's AuthCodeGrant validates credentials only for confidential clients.
 */
function authenticateClient(request: EmulatorRequest, form: URLSearchParams, oauth: MalOAuthState): string {
  const basic = basicCredentials(request);
  const clientId = form.get('client_id') ?? basic?.id ?? null;
  if (clientId === null) throw OAuthError.missing('client_id');
  const client = oauth.clients.get(clientId);
  if (!client) throw new OAuthError('invalid_client');
  const secret = form.get('client_secret') ?? basic?.secret ?? null;
  if (client.clientSecret !== null && secret !== client.clientSecret) throw new OAuthError('invalid_client');
  return clientId;
}

function basicCredentials(request: EmulatorRequest): { id: string; secret: string } | undefined {
  const header = request.headers.authorization;
  const match = typeof header === 'string' ? /^Basic\s+(.+)$/i.exec(header) : null;
  if (!match?.[1]) return undefined;
  const decoded = Buffer.from(match[1], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  return colon < 0 ? undefined : { id: decodeURIComponent(decoded.slice(0, colon)), secret: decodeURIComponent(decoded.slice(colon + 1)) };
}

/** league's AuthCodeGrant::respondToAccessTokenRequest, check by check, with its hints. */
function exchangeCode(form: URLSearchParams, clientId: string, oauth: MalOAuthState) {
  const code = form.get('code');
  if (code === null) throw OAuthError.missing('code');
  const record = oauth.findCode(code);
  if (!record) throw new OAuthError('invalid_request', 'Cannot decrypt the authorization code');
  if (record.expired) throw new OAuthError('invalid_request', 'Authorization code has expired');
  if (record.used) throw new OAuthError('invalid_request', 'Authorization code has been revoked');
  if (record.clientId !== clientId) throw new OAuthError('invalid_request', 'Authorization code was not issued to this client');
  // The redirect_uri must repeat the authorize request's exactly: absent there means absent here.
  const redirectUri = form.get('redirect_uri');
  if (record.redirectUri && redirectUri === null) throw OAuthError.missing('redirect_uri');
  if (record.redirectUri !== redirectUri) throw new OAuthError('invalid_request', 'Invalid redirect URI');
  const verifier = form.get('code_verifier');
  if (verifier === null) throw OAuthError.missing('code_verifier');
  if (!pkcePattern.test(verifier)) throw new OAuthError('invalid_request', 'Code Verifier must follow the specifications of RFC-7636.');
  if (verifier !== record.challenge) throw new OAuthError('invalid_grant', 'Failed to verify `code_verifier`.');
  oauth.markCodeUsed(code);
  return oauth.issueTokens(clientId);
}

/** league's RefreshTokenGrant: the old refresh token and its access token are revoked, a new pair issued. */
function refresh(form: URLSearchParams, clientId: string, oauth: MalOAuthState) {
  const refreshToken = form.get('refresh_token');
  if (refreshToken === null) throw OAuthError.missing('refresh_token');
  const record = oauth.findRefreshToken(refreshToken);
  if (!record) throw new OAuthError('invalid_refresh_token', 'Cannot decrypt the refresh token');
  if (record.clientId !== clientId) throw new OAuthError('invalid_refresh_token', 'Token is not linked to client');
  if (record.expired) throw new OAuthError('invalid_refresh_token', 'Token has expired');
  if (record.revoked) throw new OAuthError('invalid_refresh_token', 'Token has been revoked');
  oauth.revokeRefreshToken(refreshToken);
  return oauth.issueTokens(clientId);
}
