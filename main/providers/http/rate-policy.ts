import type { ServiceId } from './service-fetch';

/**
 * How one account may use one service, as data. Each figure cites ../shared/API-NOTES.md; where a service
 * publishes nothing, the numbers are deliberately conservative and say so.
 */

/** Reads are GET/HEAD (and OPTIONS); anything else writes. Trakt budgets the two separately. */
export type RequestKind = 'read' | 'write';

export interface RateBudget {
  /** Requests allowed in any sliding window of `periodMs`. Header adaptation may lower (AniList: set) it. */
  limit: number;
  periodMs: number;
  /** Which requests spend from this budget. */
  applies: RequestKind | 'all';
}

export interface RatePolicy {
  /** Requests in flight at once, per account. */
  concurrency: number;
  budgets: RateBudget[];
  /** Least time between the starts of any two requests. */
  spacingMs: number;
  /** Least time from one write's answer to the next write's start (Trakt's one write a second). */
  writeSpacingMs: number;
  /** Which rate headers the service sends, so the limiter can follow them (rate-signals.ts). */
  headers: 'anilist' | 'trakt' | 'none';
  /** Statuses besides 429 that mean "too many requests" (MAL's 403 "DoS detected"). */
  throttleStatuses: number[];
  /** How long to pause after a throttle answer that says nothing about when to come back. */
  throttlePauseMs: number;
  /** AniList's degraded state: the real limit while the headers still count from the nominal one. */
  degraded?: { limit: number; holdMs: number };
}

/**
 * AniList: 90 a minute nominal, followed from X-RateLimit-Limit/Remaining; a 429 when we had used no more
 * than 30 of the window means the API is in its documented "degraded state" (30 a minute while the headers
 * still count from 90, cut off at Remaining 60), so pace at 30 for a while. Going over costs a one-minute
 * timeout, announced by Retry-After (API-NOTES §1 "Rate limits"). The undocumented burst limiter is why
 * requests are also spaced (60 s / 90 ≈ 667 ms would be the nominal even pace; 250 ms still leaves room).
 */
export const anilistPolicy: RatePolicy = {
  concurrency: 2,
  budgets: [{ limit: 90, periodMs: 60_000, applies: 'all' }],
  spacingMs: 250,
  writeSpacingMs: 0,
  headers: 'anilist',
  throttleStatuses: [],
  throttlePauseMs: 60_000,
  degraded: { limit: 30, holdMs: 10 * 60_000 },
};

/**
 * Trakt: writes 1 per second per user; authed reads 1000 per 5 minutes documented, but staff said 500
 * (Sep 2026), so the safer 500. A 429 carries Retry-After and usually the X-Ratelimit JSON; Cloudflare's
 * abuse 429 is HTML with Retry-After 300 and no X-Ratelimit (API-NOTES §3 "Rate limits", "Trakt policy
 * changes in 2026"). The second between writes is timed from the previous write's answer (rate-gate.ts), so
 * the service, counting at arrival, always sees at least a second between them.
 */
export const traktPolicy: RatePolicy = {
  concurrency: 2,
  budgets: [{ limit: 500, periodMs: 300_000, applies: 'read' }],
  spacingMs: 0,
  writeSpacingMs: 1_000,
  headers: 'trakt',
  throttleStatuses: [],
  throttlePauseMs: 5_000,
};

/**
 * MyAnimeList publishes no limits; its spec lists only "403 Forbidden – DoS detected", and users report
 * temporary blocks and occasional 429s (API-NOTES §4 "Rate limits"). So: one request at a time, at most
 * two a second, and a long pause after a 403 or 429, which never carry Retry-After.
 */
export const malPolicy: RatePolicy = {
  concurrency: 1,
  budgets: [],
  spacingMs: 500,
  writeSpacingMs: 0,
  headers: 'none',
  throttleStatuses: [403],
  throttlePauseMs: 10_000,
};

/** Plex (a server on the user's network, and plex.tv) documents no limits (API-NOTES §2): a small concurrency cap only. */
export const plexPolicy: RatePolicy = {
  concurrency: 4,
  budgets: [],
  spacingMs: 0,
  writeSpacingMs: 0,
  headers: 'none',
  throttleStatuses: [],
  throttlePauseMs: 5_000,
};

export function policyFor(service: ServiceId): RatePolicy {
  switch (service) {
    case 'anilist':
      return anilistPolicy;
    case 'trakt':
      return traktPolicy;
    case 'mal':
      return malPolicy;
    case 'plex':
    case 'plextv':
      return plexPolicy;
  }
}

export function kindOf(method: string): RequestKind {
  const upper = method.toUpperCase();
  return upper === 'GET' || upper === 'HEAD' || upper === 'OPTIONS' ? 'read' : 'write';
}
