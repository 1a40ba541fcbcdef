import type { RatePolicy, RequestKind } from './rate-policy';

/**
 * What one response says about the account's rate limit, read from the service's own headers. Pure, so the
 * header formats are tested on their own; RateGate decides what to do with it.
 */
export interface RateSignals {
  /** The service refused the request as too many (429, or a status the policy lists, e.g. MAL's 403). */
  throttled: boolean;
  /** How long the service asked us to stay away, from Retry-After, X-RateLimit-Reset or X-Ratelimit.until. */
  retryAfterMs?: number;
  /** AniList's X-RateLimit-Limit / -Remaining on every answer (API-NOTES §1). */
  window?: { limit: number; remaining: number };
  /** Trakt's X-Ratelimit JSON on a 429: which bucket, and its real size (API-NOTES §3). */
  bucket?: { kind: RequestKind; limit: number; periodMs: number };
  /** Cloudflare's HTML 429: no X-Ratelimit, Retry-After 300 (API-NOTES "Trakt policy changes in 2026"). */
  cloudflare: boolean;
}

export function readRateSignals(policy: RatePolicy, status: number, headers: Headers, now: number): RateSignals {
  const throttled = status === 429 || policy.throttleStatuses.includes(status);
  const signals: RateSignals = { throttled, cloudflare: false };
  const retryAfter = parseRetryAfter(headers.get('retry-after'), now);
  if (retryAfter !== undefined) signals.retryAfterMs = retryAfter;

  if (policy.headers === 'anilist') {
    const limit = wholeNumber(headers.get('x-ratelimit-limit'));
    const remaining = wholeNumber(headers.get('x-ratelimit-remaining'));
    if (limit !== undefined && remaining !== undefined) signals.window = { limit, remaining };
    const reset = wholeNumber(headers.get('x-ratelimit-reset'));
    if (signals.retryAfterMs === undefined && reset !== undefined && throttled) signals.retryAfterMs = Math.max(0, reset * 1000 - now);
  }

  if (policy.headers === 'trakt') {
    const parsed = parseTraktRatelimit(headers.get('x-ratelimit'));
    if (parsed) {
      signals.bucket = { kind: parsed.name === 'AUTHED_API_POST_LIMIT' ? 'write' : 'read', limit: parsed.limit, periodMs: parsed.period * 1000 };
      if (signals.retryAfterMs === undefined && parsed.until !== undefined) signals.retryAfterMs = Math.max(0, parsed.until - now);
    } else if (status === 429 && (headers.get('content-type') ?? '').toLowerCase().includes('text/html')) {
      signals.cloudflare = true;
    }
  }
  return signals;
}

/** Retry-After is delay-seconds or an HTTP date (RFC 9110 §10.2.3). */
export function parseRetryAfter(value: string | null, now: number): number | undefined {
  if (value === null || value.trim() === '') return undefined;
  const text = value.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  const date = Date.parse(text);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

interface TraktRatelimit {
  name: string;
  period: number;
  limit: number;
  until?: number;
}

/** `{"name":"AUTHED_API_GET_LIMIT","period":300,"limit":1000,"remaining":0,"until":"2020-10-10T00:24:00Z"}`. */
export function parseTraktRatelimit(value: string | null): TraktRatelimit | undefined {
  if (!value) return undefined;
  let raw: unknown;
  try {
    raw = JSON.parse(value);
  } catch {
    return undefined;
  }
  if (typeof raw !== 'object' || raw === null) return undefined;
  const record = raw as Record<string, unknown>;
  if (typeof record.name !== 'string' || typeof record.period !== 'number' || typeof record.limit !== 'number') return undefined;
  if (record.period <= 0 || record.limit <= 0) return undefined;
  const until = typeof record.until === 'string' ? Date.parse(record.until) : Number.NaN;
  return { name: record.name, period: record.period, limit: record.limit, ...(Number.isNaN(until) ? {} : { until }) };
}

function wholeNumber(value: string | null): number | undefined {
  if (value === null || !/^\d+$/.test(value.trim())) return undefined;
  return Number(value.trim());
}
