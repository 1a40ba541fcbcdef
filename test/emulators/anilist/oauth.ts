import { randomBytes } from 'node:crypto';
import type { Clock } from '../common/clock';
import { html, json, parseFormBody, parseJsonBody, type EmulatorRequest, type EmulatorResponse } from '../common/http-types';
import { REAL_PIN_URL, type AnilistClient } from './options';
import { approvalPage, pinPage } from './oauth-pages';
import type { AnilistState } from './state';
import { TOKEN_LIFETIME_SECONDS } from './tokens';

/**
 * anilist.co/api/v2/oauth: authorization code and implicit grants, and the pin page (API-NOTES §1 "Auth
 * facts", docs.anilist.co/guide/auth). AniList runs Laravel Passport (league/oauth2-server), so refusals
 * use league's error types and texts in the shape AniList shows, `{"error":"invalid_client","message":
 * "Client authentication failed"}` (AniList/docs#143; vosmiic/jellyfin-ani-sync#65), with league's statuses:
 * 401 for invalid_client, 400 for the rest. A redirect_uri that is not exactly the registered one is an
 * invalid client, on the authorize page (docs#143) and at the token endpoint alike.
 *
 * Codes are single-use and live ten minutes (Passport's default). No PKCE: AniList documents none.
 */

const CODE_LIFETIME_MS = 10 * 60_000;
const INVALID_REQUEST = 'The request is missing a required parameter, includes an invalid parameter value, includes a parameter more than once, or is otherwise malformed.';

interface IssuedCode {
  clientId: string;
  userId: number;
  expiresAt: number;
  used: boolean;
}

export interface OAuthDeps {
  state: AnilistState;
  clients: AnilistClient[];
  clock: Clock;
  autoApprove: boolean;
  baseUrl(): string;
}

const oauthError = (status: number, error: string, message: string, hint?: string): EmulatorResponse =>
  json(status, hint ? { error, message, hint } : { error, message });
const invalidClient = () => oauthError(401, 'invalid_client', 'Client authentication failed');
const invalidRequest = (hint: string) => oauthError(400, 'invalid_request', INVALID_REQUEST, hint);
const unsupportedGrant = () => oauthError(400, 'unsupported_grant_type', 'The authorization grant type is not supported by the authorization server.', 'Check that all required parameters have been provided');

export class OAuthServer {
  private readonly codes = new Map<string, IssuedCode>();

  constructor(private readonly deps: OAuthDeps) {}

  handle(request: EmulatorRequest): EmulatorResponse | undefined {
    const path = request.url.pathname;
    if (path === '/api/v2/oauth/authorize' && request.method === 'GET') return this.authorize(request.url.searchParams, this.deps.autoApprove ? 'approve' : 'ask');
    if (path === '/api/v2/oauth/authorize' && request.method === 'POST') {
      const form = parseFormBody(request);
      return this.authorize(form, form.get('decision') === 'approve' ? 'approve' : 'deny');
    }
    if (path === '/api/v2/oauth/token' && request.method === 'POST') return this.token(request);
    if (path === '/api/v2/oauth/pin' && request.method === 'GET') return html(200, pinPage(request.url.searchParams.get('code')));
    return undefined;
  }

  private authorize(params: URLSearchParams, decision: 'ask' | 'approve' | 'deny'): EmulatorResponse {
    const client = this.deps.clients.find((candidate) => candidate.id === params.get('client_id'));
    const requested = params.get('redirect_uri');
    if (!client || (requested !== null && requested !== client.redirectUri)) return invalidClient();
    const responseType = params.get('response_type') ?? '';
    if (responseType !== 'code' && responseType !== 'token') return unsupportedGrant();
    const state = params.get('state');
    const user = this.deps.state.mainUser();
    if (decision === 'ask') return html(200, approvalPage({ client, userName: user.name, responseType, redirectUri: requested, state }));

    const target = new URL(this.landing(client.redirectUri));
    const answer = new URLSearchParams();
    if (decision === 'deny') {
      answer.set('error', 'access_denied');
    } else if (responseType === 'code') {
      const code = `def50200${randomBytes(96).toString('hex')}`;
      this.codes.set(code, { clientId: client.id, userId: user.id, expiresAt: this.deps.clock.now() + CODE_LIFETIME_MS, used: false });
      answer.set('code', code);
    } else {
      answer.set('access_token', this.deps.state.tokens.issue(user.id, client.id).token);
      answer.set('token_type', 'Bearer');
      answer.set('expires_in', String(TOKEN_LIFETIME_SECONDS));
    }
    if (state !== null) answer.set('state', state);
    // The implicit grant returns in the fragment (API-NOTES §1 "Implicit grant"); the code in the query.
    if (responseType === 'token') target.hash = answer.toString();
    else for (const [key, value] of answer) target.searchParams.set(key, value);
    return { status: 302, headers: { location: target.toString() } };
  }

  private token(request: EmulatorRequest): EmulatorResponse {
    const isJson = String(request.headers['content-type'] ?? '').includes('json');
    const parsed = isJson ? parseJsonBody(request) : undefined;
    const body: Record<string, unknown> = isJson ? ((parsed?.ok ? parsed.value : {}) as Record<string, unknown>) ?? {} : Object.fromEntries(parseFormBody(request));
    const field = (name: string) => (typeof body[name] === 'string' ? (body[name] as string) : typeof body[name] === 'number' ? String(body[name]) : null);

    if (field('grant_type') !== 'authorization_code') return unsupportedGrant();
    const client = this.deps.clients.find((candidate) => candidate.id === field('client_id'));
    if (!client || field('client_secret') !== client.secret) return invalidClient();
    const redirectUri = field('redirect_uri');
    if (redirectUri === null) return invalidRequest('Check the `redirect_uri` parameter');
    if (redirectUri !== client.redirectUri) return invalidClient();
    const code = field('code');
    if (code === null) return invalidRequest('Check the `code` parameter');
    const issued = this.codes.get(code);
    if (!issued) return invalidRequest('Cannot decrypt the authorization code');
    if (issued.used) return invalidRequest('Authorization code has been revoked');
    if (issued.expiresAt <= this.deps.clock.now()) return invalidRequest('Authorization code has expired');
    if (issued.clientId !== client.id) return invalidRequest('Authorization code was not issued to this client');
    issued.used = true;
    const token = this.deps.state.tokens.issue(issued.userId, client.id);
    // Passport also hands out a refresh token; AniList documents that refreshing is not supported, and the
    // emulator refuses any grant but authorization_code, so the value is inert.
    return json(200, { token_type: 'Bearer', expires_in: TOKEN_LIFETIME_SECONDS, access_token: token.token, refresh_token: `def50200${randomBytes(64).toString('hex')}` });
  }

  /** The pin URL stands for this emulator's own pin page. */
  private landing(redirectUri: string): string {
    const ownPin = `${this.deps.baseUrl()}/api/v2/oauth/pin`;
    return redirectUri === REAL_PIN_URL ? ownPin : redirectUri;
  }
}
