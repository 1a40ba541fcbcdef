import { createHmac, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import type { Clock } from '../common/clock';

/**
 * AniList access tokens: JWTs valid for one year, with no refresh (API-NOTES §1 "Auth facts"; the docs say
 * "Decoding the JWT gives the user id and the expiry"). The payload follows Laravel Passport's claims, which
 * is what AniList's tokens carry: aud (client id), jti, iat, nbf, exp, sub (user id), scopes.
 *
 * The emulator keeps every token it issued, so a forged, revoked or expired one is refused even though its
 * signature is ours; `expire()` is how the `expire-token` fault ends a session mid-run.
 */

export const TOKEN_LIFETIME_SECONDS = 31_536_000;

export interface IssuedToken {
  token: string;
  userId: number;
  clientId: string;
  /** Unix seconds. */
  expiresAt: number;
  revoked: boolean;
}

export type TokenCheck = { kind: 'none' } | { kind: 'valid'; userId: number; token: IssuedToken } | { kind: 'invalid'; reason: 'unknown' | 'expired' | 'revoked' };

export class TokenStore {
  private readonly issued = new Map<string, IssuedToken>();
  private readonly key = randomBytes(32);

  constructor(private readonly clock: Clock) {}

  issue(userId: number, clientId: string): IssuedToken {
    const now = Math.floor(this.clock.now() / 1000);
    const header = { typ: 'JWT', alg: 'HS256' };
    const payload = { aud: clientId, jti: randomUUID().replaceAll('-', ''), iat: now, nbf: now, exp: now + TOKEN_LIFETIME_SECONDS, sub: String(userId), scopes: [] };
    const unsigned = `${base64url(JSON.stringify(header))}.${base64url(JSON.stringify(payload))}`;
    const token = `${unsigned}.${this.sign(unsigned)}`;
    const record: IssuedToken = { token, userId, clientId, expiresAt: payload.exp, revoked: false };
    this.issued.set(token, record);
    return record;
  }

  /** What the Authorization header amounts to. A missing header is not an error by itself: public queries work. */
  check(token: string | null): TokenCheck {
    if (token === null) return { kind: 'none' };
    const record = this.issued.get(token);
    if (!record || !this.signatureOk(token)) return { kind: 'invalid', reason: 'unknown' };
    if (record.revoked) return { kind: 'invalid', reason: 'revoked' };
    if (record.expiresAt * 1000 <= this.clock.now()) return { kind: 'invalid', reason: 'expired' };
    return { kind: 'valid', userId: record.userId, token: record };
  }

  /** The token stops working from now on, as a year-old token does. */
  expire(token: string): void {
    const record = this.issued.get(token);
    if (record) record.expiresAt = Math.floor(this.clock.now() / 1000);
  }

  /** As when the user removes the app under AniList's "Apps" settings. */
  revoke(token: string): void {
    const record = this.issued.get(token);
    if (record) record.revoked = true;
  }

  private sign(unsigned: string): string {
    return createHmac('sha256', this.key).update(unsigned).digest('base64url');
  }

  private signatureOk(token: string): boolean {
    const cut = token.lastIndexOf('.');
    const expected = Buffer.from(this.sign(token.slice(0, cut)));
    const actual = Buffer.from(token.slice(cut + 1));
    return expected.length === actual.length && timingSafeEqual(expected, actual);
  }
}

/** Reads a JWT's payload without checking it, as a client does to learn the user id and expiry. */
export function decodeTokenPayload(token: string): Record<string, unknown> {
  const part = token.split('.')[1];
  if (!part) throw new Error('not a JWT');
  return JSON.parse(Buffer.from(part, 'base64url').toString('utf8')) as Record<string, unknown>;
}

function base64url(text: string): string {
  return Buffer.from(text, 'utf8').toString('base64url');
}
