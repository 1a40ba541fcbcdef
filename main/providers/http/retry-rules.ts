import type { RequestKind } from './rate-policy';

export interface RetryOptions {
  /** Attempts in all, the first included. */
  maxAttempts: number;
  /** Backoff before attempt n+1 is random in [0, min(maxDelayMs, baseDelayMs·2^(n-1))] ("full jitter"). */
  baseDelayMs: number;
  maxDelayMs: number;
  /**
   * The longest service-imposed pause (Retry-After) a request waits out itself. AniList's one-minute timeout
   * fits; Trakt's five-minute Cloudflare ban does not, and becomes a retryable rate_limited error instead.
   */
  maxPauseMs: number;
}

export const defaultRetry: RetryOptions = { maxAttempts: 5, baseDelayMs: 500, maxDelayMs: 30_000, maxPauseMs: 120_000 };

/**
 * A request header a client sets on a write that must not be repeated once it may have reached the service
 * (e.g. Trakt's POST /sync/history adds a play each time). The pipeline removes it before sending.
 */
export const NOT_IDEMPOTENT_HEADER = 'x-kizuna-not-idempotent';

/** Full jitter (AWS Architecture Blog, "Exponential Backoff And Jitter"): spreads retries of many clients. */
export function backoffDelay(attempt: number, options: Pick<RetryOptions, 'baseDelayMs' | 'maxDelayMs'>, random: () => number): number {
  const ceiling = Math.min(options.maxDelayMs, options.baseDelayMs * 2 ** Math.max(0, attempt - 1));
  return Math.floor(random() * ceiling);
}

/**
 * Whether an error status (not a throttle: those are always retried after their pause) is worth another
 * try. Reads: any 5xx but 501/505, which will not change, and 408. Writes: only 503, which says the
 * service did not take the request; a 500/502/504 may come after the write was applied.
 */
export function retryableStatus(kind: RequestKind, status: number): boolean {
  if (kind === 'write') return status === 503;
  if (status === 408) return true;
  return status >= 500 && status <= 599 && status !== 501 && status !== 505;
}

/** Failures where the connection was never made: the request cannot have reached the service. */
const NEVER_SENT = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ENETUNREACH', 'EHOSTUNREACH', 'UND_ERR_CONNECT_TIMEOUT']);

/**
 * Whether a failure without a response (reset, timeout, DNS) is retried. Reads always. Writes too, by
 * default: DESIGN §5.5 retries timeouts and resets, the writes Kizuna sends set absolute values (AniList
 * SaveMediaListEntry, MAL's list status, Plex scrobble/rate) and the journal makes a repeated one harmless.
 * A write marked NOT_IDEMPOTENT_HEADER is retried only when it can never have been sent.
 */
export function retryableFailure(kind: RequestKind, idempotent: boolean, code: string | undefined): boolean {
  if (kind === 'read' || idempotent) return true;
  return code !== undefined && NEVER_SENT.has(code);
}
