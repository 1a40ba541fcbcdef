import { createHash, randomBytes } from 'node:crypto';

/**
 * PKCE (RFC 7636). MAL supports only `plain` ("Currently, only the plain method is supported", API-NOTES §4),
 * so there the challenge is the verifier itself; Trakt accepts S256 (API-NOTES §3 "PKCE"), which RFC 7636
 * §4.2 says a client able to use must use. A fresh verifier for every sign-in (MAL's reference says so too).
 */

export type PkceMethod = 'plain' | 'S256';

export interface Pkce {
  verifier: string;
  challenge: string;
  method: PkceMethod;
}

/** RFC 7636 §4.1: 43-128 characters from the unreserved set [A-Z a-z 0-9 - . _ ~]. */
export const verifierPattern = /^[A-Za-z0-9\-._~]{43,128}$/;

/** Random bytes as base64url: its alphabet is a subset of the unreserved set, and every byte is uniform. */
export function randomUrlSafe(bytes: number): string {
  return randomBytes(bytes).toString('base64url');
}

/** A verifier of `length` characters (default 64, well inside MAL's 43-128). */
export function createVerifier(length = 64): string {
  if (!Number.isInteger(length) || length < 43 || length > 128) throw new RangeError(`A PKCE verifier has 43-128 characters (RFC 7636 §4.1), not ${length}`);
  return randomUrlSafe(Math.ceil((length * 3) / 4)).slice(0, length);
}

/** RFC 7636 §4.2: plain is the verifier; S256 is BASE64URL(SHA256(ASCII(verifier))) without padding. */
export function challengeFor(verifier: string, method: PkceMethod): string {
  if (!verifierPattern.test(verifier)) throw new RangeError('A PKCE verifier must be 43-128 unreserved characters (RFC 7636 §4.1)');
  return method === 'plain' ? verifier : createHash('sha256').update(verifier, 'ascii').digest('base64url');
}

export function createPkce(method: PkceMethod, length?: number): Pkce {
  const verifier = createVerifier(length);
  return { verifier, challenge: challengeFor(verifier, method), method };
}
