import { createHash, randomBytes } from 'node:crypto';
import type { Clock } from '../common/clock';
import type { TraktClient, TraktLimits } from './options';

/**
 * Tokens, authorization codes and device codes of the auth host. Trakt's auth host is Doorkeeper (its
 * `WWW-Authenticate: Bearer realm="Doorkeeper"` and error texts show in trakt/trakt-api#48 and
 * ShokoAnime/ShokoServer#713), so the OAuth error texts below are Doorkeeper's.
 */
export const oauthErrors = {
  invalid_client: 'Client authentication failed due to unknown client, no client authentication included, or unsupported authentication method.',
  invalid_grant: 'The provided authorization grant is invalid, expired, revoked, does not match the redirection URI used in the authorization request, or was issued to another client.',
  invalid_request: 'The request is missing a required parameter, includes an unsupported parameter value, or is otherwise malformed.',
  unsupported_grant_type: 'The authorization grant type is not supported by the authorization server.',
  unsupported_response_type: 'The authorization server does not support this response type.',
  access_denied: 'The resource owner or authorization server denied the request.',
  // Quoted by users hitting it, e.g. xbgmsharp/trakt#13 (API-NOTES §3 "Redirect URIs").
  invalid_redirect_uri: "The requested redirect uri is malformed or doesn't match client redirect URI.",
} as const;

export interface Challenge {
  value: string;
  method: 'S256' | 'plain';
}

export interface AccessToken {
  accessToken: string;
  refreshToken: string;
  clientId: string;
  /** Milliseconds. */
  createdAt: number;
  expiresAt: number;
  revoked: boolean;
  /** Got through PKCE without a secret: may refresh without one too. */
  publicClient: boolean;
  refreshUsed: boolean;
}

export interface AuthCode {
  clientId: string;
  redirectUri: string;
  expiresAt: number;
  used: boolean;
  challenge: Challenge | undefined;
}

export interface DeviceCode {
  deviceCode: string;
  userCode: string;
  clientId: string;
  expiresAt: number;
  interval: number;
  status: 'pending' | 'approved' | 'denied' | 'used';
  lastPollAt: number | undefined;
  challenge: Challenge | undefined;
}

export type TokenCheck = { ok: true; token: AccessToken } | { ok: false; reason: 'unknown' | 'expired' | 'revoked' };

export class AuthStore {
  readonly tokens = new Map<string, AccessToken>();
  private readonly byRefresh = new Map<string, AccessToken>();
  readonly codes = new Map<string, AuthCode>();
  readonly devices = new Map<string, DeviceCode>();

  constructor(
    private readonly clock: Clock,
    private readonly limits: TraktLimits,
  ) {}

  client(id: unknown): TraktClient | undefined {
    return typeof id === 'string' ? this.limits.clients.find((client) => client.id === id) : undefined;
  }

  /**
   * Credentials go in the body; auth.trakt.tv does not take HTTP Basic client authentication
   * (trakt/trakt-api#903). Without a secret the caller must prove PKCE instead (trakt/trakt-api#367).
   */
  authenticate(params: Record<string, unknown>): { client: TraktClient; withSecret: boolean } | undefined {
    const client = this.client(params.client_id);
    if (!client) return undefined;
    if (params.client_secret === undefined || params.client_secret === '') return { client, withSecret: false };
    return params.client_secret === client.secret ? { client, withSecret: true } : undefined;
  }

  issue(clientId: string, publicClient: boolean): AccessToken {
    const now = this.clock.now();
    const token: AccessToken = {
      accessToken: randomBytes(32).toString('hex'),
      refreshToken: randomBytes(32).toString('hex'),
      clientId,
      createdAt: now,
      expiresAt: now + this.limits.accessTokenSeconds * 1000,
      revoked: false,
      publicClient,
      refreshUsed: false,
    };
    this.tokens.set(token.accessToken, token);
    this.byRefresh.set(token.refreshToken, token);
    return token;
  }

  check(accessToken: string | null): TokenCheck {
    const token = accessToken ? this.tokens.get(accessToken) : undefined;
    if (!token) return { ok: false, reason: 'unknown' };
    if (token.revoked) return { ok: false, reason: 'revoked' };
    if (this.clock.now() >= token.expiresAt) return { ok: false, reason: 'expired' };
    return { ok: true, token };
  }

  /** Refresh tokens are single use: a used or revoked one is invalid_grant (spec, POST /oauth/token). */
  refreshable(refreshToken: unknown, clientId: string): AccessToken | undefined {
    const token = typeof refreshToken === 'string' ? this.byRefresh.get(refreshToken) : undefined;
    if (!token || token.refreshUsed || token.revoked || token.clientId !== clientId) return undefined;
    return token;
  }

  /** Uses up the old refresh token and retires its access token, then issues a new pair. */
  rotate(old: AccessToken): AccessToken {
    old.refreshUsed = true;
    old.revoked = true;
    return this.issue(old.clientId, old.publicClient);
  }

  /** An access token, or the token pair a refresh token belongs to (RFC 7009 lets revoke take either). */
  find(value: string): AccessToken | undefined {
    return this.tokens.get(value) ?? this.byRefresh.get(value);
  }

  revoke(value: string): void {
    const token = this.find(value);
    if (token) token.revoked = true;
  }

  isExpired(entry: { expiresAt: number }): boolean {
    return this.clock.now() >= entry.expiresAt;
  }

  expire(accessToken: string): void {
    const token = this.tokens.get(accessToken);
    if (token) token.expiresAt = Math.min(token.expiresAt, this.clock.now());
  }

  createCode(clientId: string, redirectUri: string, challenge: Challenge | undefined): string {
    const code = randomBytes(16).toString('hex');
    this.codes.set(code, { clientId, redirectUri, expiresAt: this.clock.now() + this.limits.authorizationCodeSeconds * 1000, used: false, challenge });
    return code;
  }

  createDevice(clientId: string, challenge: Challenge | undefined): DeviceCode {
    const device: DeviceCode = {
      deviceCode: randomBytes(32).toString('hex'),
      userCode: randomBytes(4).toString('hex').toUpperCase(),
      clientId,
      expiresAt: this.clock.now() + this.limits.deviceCodeSeconds * 1000,
      interval: this.limits.deviceIntervalSeconds,
      status: 'pending',
      lastPollAt: undefined,
      challenge,
    };
    this.devices.set(device.deviceCode, device);
    return device;
  }

  deviceByUserCode(userCode: string): DeviceCode | undefined {
    const wanted = userCode.trim().toUpperCase();
    return [...this.devices.values()].find((device) => device.userCode === wanted);
  }
}

/** RFC 7636: `plain` unless S256 is named; S256 compares base64url(sha256(verifier)). */
export function parseChallenge(params: Record<string, unknown>): Challenge | undefined {
  if (typeof params.code_challenge !== 'string' || params.code_challenge === '') return undefined;
  return { value: params.code_challenge, method: params.code_challenge_method === 'S256' ? 'S256' : 'plain' };
}

export function verifierMatches(challenge: Challenge, verifier: unknown): boolean {
  if (typeof verifier !== 'string' || verifier === '') return false;
  const derived = challenge.method === 'S256' ? createHash('sha256').update(verifier).digest('base64url') : verifier;
  return derived === challenge.value;
}

export function tokenBody(token: AccessToken): Record<string, unknown> {
  return {
    access_token: token.accessToken,
    token_type: 'bearer',
    expires_in: Math.round((token.expiresAt - token.createdAt) / 1000),
    refresh_token: token.refreshToken,
    scope: 'public',
    created_at: Math.floor(token.createdAt / 1000),
  };
}
