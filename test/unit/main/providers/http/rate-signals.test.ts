import { describe, expect, it } from 'vitest';
import { anilistPolicy, malPolicy, traktPolicy } from '../../../../../main/providers/http/rate-policy';
import { parseRetryAfter, parseTraktRatelimit, readRateSignals } from '../../../../../main/providers/http/rate-signals';

const NOW = Date.UTC(2026, 10, 22, 12, 0, 0);

describe('rate signals: each service\'s own headers', () => {
  it('Retry-After as seconds or as an HTTP date', () => {
    expect(parseRetryAfter('30', NOW)).toBe(30_000);
    expect(parseRetryAfter(new Date(NOW + 90_000).toUTCString(), NOW)).toBe(90_000);
    expect(parseRetryAfter('soon', NOW)).toBeUndefined();
    expect(parseRetryAfter(null, NOW)).toBeUndefined();
  });

  it('AniList: X-RateLimit-Limit/Remaining on every answer; the docs\' 429 example with Retry-After and Reset', () => {
    const ok = readRateSignals(anilistPolicy, 200, new Headers({ 'x-ratelimit-limit': '90', 'x-ratelimit-remaining': '59' }), NOW);
    expect(ok).toEqual({ throttled: false, cloudflare: false, window: { limit: 90, remaining: 59 } });
    const refused = readRateSignals(
      anilistPolicy,
      429,
      new Headers({ 'retry-after': '30', 'x-ratelimit-limit': '90', 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(NOW / 1000 + 60) }),
      NOW,
    );
    expect(refused).toMatchObject({ throttled: true, retryAfterMs: 30_000 });
    const resetOnly = readRateSignals(anilistPolicy, 429, new Headers({ 'x-ratelimit-reset': String(NOW / 1000 + 45) }), NOW);
    expect(resetOnly.retryAfterMs).toBe(45_000);
  });

  it('Trakt: the X-Ratelimit JSON names the bucket; Cloudflare\'s HTML 429 has none', () => {
    const header = JSON.stringify({ name: 'AUTHED_API_POST_LIMIT', period: 1, limit: 1, remaining: 0, until: new Date(NOW + 1000).toISOString() });
    const write = readRateSignals(traktPolicy, 429, new Headers({ 'x-ratelimit': header }), NOW);
    expect(write).toMatchObject({ throttled: true, retryAfterMs: 1000, bucket: { kind: 'write', limit: 1, periodMs: 1000 }, cloudflare: false });
    const cloudflare = readRateSignals(traktPolicy, 429, new Headers({ 'content-type': 'text/html; charset=UTF-8', 'retry-after': '300', server: 'cloudflare' }), NOW);
    expect(cloudflare).toMatchObject({ throttled: true, retryAfterMs: 300_000, cloudflare: true });
    expect(cloudflare.bucket).toBeUndefined();
  });

  it('a malformed X-Ratelimit is ignored rather than trusted', () => {
    expect(parseTraktRatelimit('{"name":1}')).toBeUndefined();
    expect(parseTraktRatelimit('not json')).toBeUndefined();
    expect(parseTraktRatelimit('{"name":"AUTHED_API_GET_LIMIT","period":300,"limit":0}')).toBeUndefined();
  });

  it('MAL: 403 ("DoS detected") counts as a throttle, with no Retry-After', () => {
    expect(readRateSignals(malPolicy, 403, new Headers(), NOW)).toEqual({ throttled: true, cloudflare: false });
    expect(readRateSignals(malPolicy, 404, new Headers(), NOW).throttled).toBe(false);
  });
});
