import { randomBytes } from 'node:crypto';
import type { Clock } from '../common/clock';
import type { MalClient, MalLimits } from './options';

interface AccessToken {
  clientId: string;
  expiresAt: number;
  revoked: boolean;
}

interface RefreshToken {
  clientId: string;
  accessToken: string;
  expiresAt: number;
  revoked: boolean;
}

export interface AuthCode {
  clientId: string;
  /** The redirect_uri of the authorize request, or null when it was left out (league compares this exactly). */
  redirectUri: string | null;
  /** PKCE plain: the challenge is the verifier. */
  challenge: string;
  expiresAt: number;
  used: boolean;
}

/** An authorize request waiting on the approve page. */
export interface PendingAuthorization {
  clientId: string;
  redirectUri: string | null;
  /** Where the answer goes: the request's redirect_uri, else the client's only registered one. */
  target: string;
  state: string | null;
  challenge: string;
}

export interface TokenResponse {
  token_type: 'Bearer';
  expires_in: number;
  access_token: string;
  refresh_token: string;
}

/**
 * Clients, codes and tokens. Tokens are opaque random strings (MAL's are ~1,000-byte JWTs; nothing in a
 * client may depend on their content). Refreshing revokes the old refresh token and the access token it
 * was issued with, as thephpleague/oauth2-server's RefreshTokenGrant does ("Expire old tokens"), so a
 * refresh token is single use.
 */
export class MalOAuthState {
  readonly clients = new Map<string, MalClient>();
  private readonly accessTokens = new Map<string, AccessToken>();
  private readonly refreshTokens = new Map<string, RefreshToken>();
  private readonly codes = new Map<string, AuthCode>();
  private readonly pending = new Map<string, PendingAuthorization>();

  constructor(
    private readonly limits: MalLimits,
    private readonly clock: Clock,
  ) {
    for (const client of limits.clients) this.clients.set(client.clientId, client);
  }

  /** Tokens for a client without the browser dance, for tests and the demo that need a signed-in app. */
  issueTokens(clientId: string): TokenResponse {
    if (!this.clients.has(clientId)) throw new Error(`mal emulator: no client ${clientId}`);
    const now = this.clock.now();
    const access = opaque();
    const refresh = opaque();
    this.accessTokens.set(access, { clientId, expiresAt: now + this.limits.accessTokenSeconds * 1000, revoked: false });
    this.refreshTokens.set(refresh, { clientId, accessToken: access, expiresAt: now + this.limits.refreshTokenSeconds * 1000, revoked: false });
    return { token_type: 'Bearer', expires_in: this.limits.accessTokenSeconds, access_token: access, refresh_token: refresh };
  }

  isAccessTokenValid(token: string): boolean {
    const record = this.accessTokens.get(token);
    return record !== undefined && !record.revoked && this.clock.now() < record.expiresAt;
  }

  /** The `expire-token` fault: this access token is past its lifetime from now on. */
  expireAccessToken(token: string): void {
    const record = this.accessTokens.get(token);
    if (record) record.expiresAt = Math.min(record.expiresAt, this.clock.now());
  }

  findRefreshToken(token: string): (RefreshToken & { expired: boolean }) | undefined {
    const record = this.refreshTokens.get(token);
    return record && { ...record, expired: record.expiresAt < this.clock.now() };
  }

  revokeRefreshToken(token: string): void {
    const record = this.refreshTokens.get(token);
    if (!record) return;
    record.revoked = true;
    const access = this.accessTokens.get(record.accessToken);
    if (access) access.revoked = true;
  }

  addPending(request: PendingAuthorization): string {
    const id = opaque(16);
    this.pending.set(id, request);
    return id;
  }

  takePending(id: string): PendingAuthorization | undefined {
    const request = this.pending.get(id);
    this.pending.delete(id);
    return request;
  }

  issueCode(request: PendingAuthorization): string {
    const code = opaque();
    this.codes.set(code, {
      clientId: request.clientId,
      redirectUri: request.redirectUri,
      challenge: request.challenge,
      expiresAt: this.clock.now() + this.limits.codeSeconds * 1000,
      used: false,
    });
    return code;
  }

  findCode(code: string): (AuthCode & { expired: boolean }) | undefined {
    const record = this.codes.get(code);
    return record && { ...record, expired: this.clock.now() > record.expiresAt };
  }

  markCodeUsed(code: string): void {
    const record = this.codes.get(code);
    if (record) record.used = true;
  }
}

function opaque(bytes = 48): string {
  return randomBytes(bytes).toString('base64url');
}
