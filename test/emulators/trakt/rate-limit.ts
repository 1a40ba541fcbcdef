import type { Clock } from '../common/clock';
import type { EmulatorResponse } from '../common/http-types';
import type { TraktLimits } from './options';

/**
 * Trakt's three buckets (docs.trakt.tv/docs/rate-limiting, API-NOTES §3 "Rate limits"): writes per user per
 * second, authed reads per user and unauthed reads per app per 5 minutes. Windows slide over the emulator's
 * clock, so tests move time instead of sleeping.
 */
export type BucketName = 'AUTHED_API_POST_LIMIT' | 'AUTHED_API_GET_LIMIT' | 'UNAUTHED_API_GET_LIMIT';

export interface Bucket {
  name: BucketName;
  /** The user (authed buckets) or the client id (unauthed). */
  key: string;
}

// Cloudflare's abuse protection bans for its own period and says so only in Retry-After (API-NOTES 2026).
const CLOUDFLARE_BAN_SECONDS = 300;

export class RateLimiter {
  private readonly windows = new Map<string, number[]>();
  /** While set, every API request gets the Cloudflare page (it bans the address, not one bucket). */
  private cloudflareUntil = 0;

  constructor(
    private readonly clock: Clock,
    private readonly limits: TraktLimits,
  ) {}

  period(name: BucketName): number {
    return name === 'AUTHED_API_POST_LIMIT' ? 1 : 300;
  }

  limit(name: BucketName): number {
    return name === 'AUTHED_API_POST_LIMIT' ? this.limits.writesPerSecond : this.limits.readsPer5Min;
  }

  /** Counts the request when it fits; otherwise answers the 429 the real service sends and counts nothing. */
  take(bucket: Bucket, endpoint: string): EmulatorResponse | undefined {
    const now = this.clock.now();
    if (this.limits.cloudflare && now < this.cloudflareUntil) return cloudflarePage(endpoint);
    const periodMs = this.period(bucket.name) * 1000;
    const id = `${bucket.name}|${bucket.key}`;
    const recent = (this.windows.get(id) ?? []).filter((at) => at > now - periodMs);
    if (recent.length < this.limit(bucket.name)) {
      recent.push(now);
      this.windows.set(id, recent);
      return undefined;
    }
    this.windows.set(id, recent);
    const until = (recent[0] ?? now) + periodMs;
    return this.tooMany(bucket.name, until, endpoint);
  }

  /**
   * The answer for a request that is over its limit, or for the `rate-limited` fault (`ban: false`, so an
   * injected 429 stays a single answer instead of starting a Cloudflare ban).
   */
  tooMany(name: BucketName, until: number, endpoint?: string, ban = true): EmulatorResponse {
    const now = this.clock.now();
    if (this.limits.cloudflare) {
      if (ban) this.cloudflareUntil = Math.max(this.cloudflareUntil, now + CLOUDFLARE_BAN_SECONDS * 1000);
      return cloudflarePage(endpoint);
    }
    const retryAfter = Math.max(1, Math.ceil((until - now) / 1000));
    const header = { name, period: this.period(name), limit: this.limit(name), remaining: 0, until: new Date(until).toISOString().replace(/\.\d{3}Z$/, 'Z') };
    return {
      status: 429,
      // No body is documented for a 429; the headers carry everything.
      headers: { 'retry-after': String(retryAfter), 'x-ratelimit': JSON.stringify(header) },
      ...(endpoint ? { endpoint } : {}),
    };
  }

  /** When the bucket frees a slot next: its oldest counted call plus the period, or one second from now. */
  nextSlot(bucket: Bucket): number {
    const now = this.clock.now();
    const periodMs = this.period(bucket.name) * 1000;
    const oldest = (this.windows.get(`${bucket.name}|${bucket.key}`) ?? []).find((at) => at > now - periodMs);
    return oldest === undefined ? now + 1000 : oldest + periodMs;
  }

  reset(): void {
    this.windows.clear();
    this.cloudflareUntil = 0;
  }
}

/**
 * Cloudflare's own rate-limit page (its "error 1015"): HTML, `Retry-After`, and no `X-Ratelimit`, since the
 * request never reached Trakt's limiter ("These responses may not include the X-Ratelimit header",
 * docs.trakt.tv/docs/rate-limiting).
 */
function cloudflarePage(endpoint?: string): EmulatorResponse {
  const body = [
    '<!DOCTYPE html>',
    '<html lang="en-US"><head><meta charset="UTF-8"><title>Access denied | api.trakt.tv used Cloudflare to restrict access</title></head>',
    '<body><div id="cf-wrapper"><h1><span class="cf-error-type">Error</span> <span class="cf-error-code">1015</span></h1>',
    '<h2 class="cf-subheadline">You are being rate limited</h2>',
    '<p>The owner of this website (api.trakt.tv) has banned you temporarily from accessing this website.</p>',
    '<p>Cloudflare Ray ID: <strong>8f00000000000000</strong></p></div></body></html>',
  ].join('\n');
  return {
    status: 429,
    headers: { 'content-type': 'text/html; charset=UTF-8', 'retry-after': String(CLOUDFLARE_BAN_SECONDS), server: 'cloudflare', 'cf-ray': '8f00000000000000-NRT' },
    body,
    ...(endpoint ? { endpoint } : {}),
  };
}
