import type { Clock } from '../common/clock';
import type { AnilistLimits } from './options';

/**
 * AniList's request limiter (API-NOTES §1 "Rate limits", from docs.anilist.co/guide/rate-limiting):
 *
 * - 90 requests a minute per client; every answer carries X-RateLimit-Limit and X-RateLimit-Remaining.
 * - "Degraded state": really 30 a minute, while the headers still count down from 90, so a client is cut
 *   off when Remaining reaches 60.
 * - Going over gives a one-minute timeout. Answers during it are 429 with Retry-After (seconds),
 *   X-RateLimit-Reset (Unix seconds), Remaining 0, and the body
 *   `{"data":null,"errors":[{"message":"Too Many Requests.","status":429}]}`.
 *
 * Requests are counted in a sliding 60-second window per bearer token, or per address when anonymous. The
 * undocumented burst limiter the docs mention is not emulated.
 */

const WINDOW_MS = 60_000;

export const TOO_MANY_REQUESTS_BODY = { data: null, errors: [{ message: 'Too Many Requests.', status: 429 }] };

export type Admission = { allowed: true; headers: Record<string, string> } | { allowed: false; headers: Record<string, string> };

interface Bucket {
  hits: number[];
  timeoutUntil: number;
}

export class RateLimiter {
  private readonly buckets = new Map<string, Bucket>();

  constructor(
    private readonly limits: AnilistLimits,
    private readonly clock: Clock,
  ) {}

  /** Counts one request for `key`, or refuses it. */
  admit(key: string): Admission {
    const now = this.clock.now();
    const bucket = this.bucket(key, now);
    if (bucket.timeoutUntil > now) return { allowed: false, headers: this.timeoutHeaders(bucket, now) };
    const effective = this.limits.degraded ? Math.min(this.limits.degradedPerMinute, this.limits.perMinute) : this.limits.perMinute;
    if (bucket.hits.length >= effective) return { allowed: false, headers: this.startTimeout(bucket, now) };
    bucket.hits.push(now);
    return { allowed: true, headers: this.headers(bucket.hits.length) };
  }

  /** The limiter's own refusal, as if `key` had just gone over (the `rate-limited` fault). */
  refuse(key: string): Record<string, string> {
    const now = this.clock.now();
    const bucket = this.bucket(key, now);
    return bucket.timeoutUntil > now ? this.timeoutHeaders(bucket, now) : this.startTimeout(bucket, now);
  }

  private bucket(key: string, now: number): Bucket {
    let bucket = this.buckets.get(key);
    if (!bucket) {
      bucket = { hits: [], timeoutUntil: 0 };
      this.buckets.set(key, bucket);
    }
    while (bucket.hits.length > 0 && bucket.hits[0]! <= now - WINDOW_MS) bucket.hits.shift();
    return bucket;
  }

  private startTimeout(bucket: Bucket, now: number): Record<string, string> {
    bucket.timeoutUntil = now + this.limits.timeoutSeconds * 1000;
    bucket.hits = [];
    return this.timeoutHeaders(bucket, now);
  }

  private headers(used: number): Record<string, string> {
    return { 'x-ratelimit-limit': String(this.limits.perMinute), 'x-ratelimit-remaining': String(Math.max(this.limits.perMinute - used, 0)) };
  }

  private timeoutHeaders(bucket: Bucket, now: number): Record<string, string> {
    return {
      'retry-after': String(Math.max(1, Math.ceil((bucket.timeoutUntil - now) / 1000))),
      'x-ratelimit-limit': String(this.limits.perMinute),
      'x-ratelimit-remaining': '0',
      'x-ratelimit-reset': String(Math.ceil(bucket.timeoutUntil / 1000)),
    };
  }
}
