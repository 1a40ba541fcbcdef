import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** 32 random bytes (256 bits), base64url: unguessable, and safe in a URL or a cookie without escaping. */
export function randomSecret(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}

/** A fixed-length digest, so lookups and comparisons never depend on the secret's own bytes or length. */
export function digest(value: string): Buffer {
  return createHash('sha256').update(value, 'utf8').digest();
}

/**
 * Compares a secret with a guess in constant time. Hashing both first gives equal-length inputs (which
 * timingSafeEqual requires) without leaking the secret's length through an early return.
 */
export function secretsEqual(secret: string, guess: string): boolean {
  return timingSafeEqual(digest(secret), digest(guess));
}

export type TokenCheck = 'accepted' | 'already_used' | 'invalid';

export interface LoginToken {
  /** The secret for the printed link. */
  readonly value: string;
  /** Accepts the token once; later visits learn it was used, so the page can tell them what to do. */
  consume(candidate: string): TokenCheck;
}

/**
 * The one-time token in the link printed by `kizuna serve`. Being single-use, a link that leaks later
 * (shell history, a screenshot, the browser's history) no longer opens anything.
 */
export function createLoginToken(value: string = randomSecret()): LoginToken {
  let used = false;
  return {
    value,
    consume(candidate) {
      if (!secretsEqual(value, candidate)) return 'invalid';
      if (used) return 'already_used';
      used = true;
      return 'accepted';
    },
  };
}
