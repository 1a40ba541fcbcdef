/** Wrong passwords allowed from one address before it has to wait. */
export const FREE_ATTEMPTS = 5;
const FIRST_LOCKOUT_MS = 60_000;
const MAX_LOCKOUT_MS = 60 * 60_000;
/** Addresses remembered at most; a flood of new ones evicts the oldest rather than growing memory. */
const MAX_TRACKED = 1024;

interface AttemptRecord {
  failures: number;
  lockedUntil: number;
}

export interface LoginRateLimiter {
  /** Milliseconds the address must still wait, 0 when it may try. */
  waitFor(address: string): number;
  failed(address: string): void;
  succeeded(address: string): void;
}

/**
 * Slows password guessing: after a few wrong passwords an address waits a minute, and each further
 * failure doubles the wait (up to an hour). A success clears the record. Keyed by the peer address;
 * behind a reverse proxy that is the proxy, which then turns this into one limit for everyone, the
 * safer of the two ways to be wrong.
 */
export function createLoginRateLimiter(now: () => number = Date.now): LoginRateLimiter {
  const records = new Map<string, AttemptRecord>();
  return {
    waitFor(address) {
      const record = records.get(address);
      return record ? Math.max(0, record.lockedUntil - now()) : 0;
    },
    failed(address) {
      const record = records.get(address) ?? { failures: 0, lockedUntil: 0 };
      records.delete(address);
      record.failures += 1;
      if (record.failures >= FREE_ATTEMPTS) {
        const lockout = Math.min(MAX_LOCKOUT_MS, FIRST_LOCKOUT_MS * 2 ** (record.failures - FREE_ATTEMPTS));
        record.lockedUntil = now() + lockout;
      }
      records.set(address, record);
      if (records.size > MAX_TRACKED) {
        const oldest = records.keys().next().value;
        if (oldest !== undefined) records.delete(oldest);
      }
    },
    succeeded(address) {
      records.delete(address);
    },
  };
}
