import { afterEach, describe, expect, it } from 'vitest';
import { startTrakt, type TraktHarness } from './harness';

let trakt: TraktHarness;
afterEach(() => trakt.close());

const write = () => trakt.api('POST', '/sync/watchlist', { body: { movies: [{ ids: { trakt: 120 } }] } });
const ratelimit = (answer: { headers: Headers }) => JSON.parse(answer.headers.get('x-ratelimit') ?? 'null') as Record<string, unknown> | null;

describe('Trakt rate limits', () => {
  it('allows one write per second per user, with Retry-After and the X-Ratelimit JSON', async () => {
    trakt = await startTrakt();
    expect((await write()).status).toBe(201);
    trakt.clock.advance(400);
    const limited = await write();
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('1');
    expect(ratelimit(limited)).toEqual({ name: 'AUTHED_API_POST_LIMIT', period: 1, limit: 1, remaining: 0, until: new Date(trakt.clock.now() + 600).toISOString().replace(/\.\d{3}Z$/, 'Z') });
    // Reads are a separate bucket.
    expect((await trakt.api('GET', '/sync/watchlist')).status).toBe(200);
    trakt.clock.advance(600);
    expect((await write()).status).toBe(201);
  });

  it('gives authed reads a budget per 5 minutes per user', async () => {
    trakt = await startTrakt({ limits: { readsPer5Min: 3 } });
    for (let i = 0; i < 3; i++) {
      expect((await trakt.api('GET', '/sync/last_activities')).status).toBe(200);
      trakt.clock.advance(10_000);
    }
    const limited = await trakt.api('GET', '/users/settings');
    expect(limited.status).toBe(429);
    expect(ratelimit(limited)).toMatchObject({ name: 'AUTHED_API_GET_LIMIT', period: 300, limit: 3, remaining: 0 });
    expect(limited.headers.get('retry-after')).toBe('270');
    // A refused call does not count: the window frees as its oldest call leaves it.
    trakt.clock.advance(270_000);
    expect((await trakt.api('GET', '/users/settings')).status).toBe(200);
    expect((await trakt.api('GET', '/users/settings')).status).toBe(429);
  });

  it('counts unauthed reads per app, apart from the user budget', async () => {
    trakt = await startTrakt({ limits: { readsPer5Min: 1 } });
    expect((await trakt.api('GET', '/search/movie?query=x', { token: null })).status).toBe(200);
    const limited = await trakt.api('GET', '/search/movie?query=x', { token: null });
    expect(ratelimit(limited)).toMatchObject({ name: 'UNAUTHED_API_GET_LIMIT' });
    expect((await trakt.api('GET', '/search/movie?query=x')).status).toBe(200);
  });

  it('answers Cloudflare-style HTML 429s in cloudflare mode: Retry-After 300, no X-Ratelimit, and a ban on everything', async () => {
    trakt = await startTrakt({ limits: { cloudflare: true } });
    expect((await write()).status).toBe(201);
    const limited = await write();
    expect(limited.status).toBe(429);
    expect(limited.headers.get('content-type')).toContain('text/html');
    expect(limited.headers.get('retry-after')).toBe('300');
    expect(limited.headers.get('x-ratelimit')).toBeNull();
    expect(limited.text).toContain('You are being rate limited');
    expect((await trakt.api('GET', '/sync/watchlist')).status).toBe(429);
    trakt.clock.advance(300_000);
    expect((await trakt.api('GET', '/sync/watchlist')).status).toBe(200);
  });

  it('can switch to cloudflare mode mid-run', async () => {
    trakt = await startTrakt();
    trakt.service.state.limits.cloudflare = true;
    await write();
    expect((await write()).headers.get('retry-after')).toBe('300');
  });

  it('answers the rate-limited fault with the real 429 for the request, or the Cloudflare page', async () => {
    trakt = await startTrakt({ faults: { rules: [{ service: 'trakt', action: { kind: 'rate-limited' }, times: 2 }] } });
    const read = await trakt.api('GET', '/sync/watchlist');
    expect(read.status).toBe(429);
    expect(ratelimit(read)).toMatchObject({ name: 'AUTHED_API_GET_LIMIT' });
    expect(Number(read.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    trakt.service.state.limits.cloudflare = true;
    const cloudflare = await trakt.api('POST', '/sync/watchlist', { body: {} });
    expect(cloudflare.headers.get('retry-after')).toBe('300');
    expect(trakt.log.entries.map((entry) => entry.fault)).toEqual(['rate-limited', 'rate-limited']);
    // An injected 429 is one answer, not the start of a Cloudflare ban.
    expect((await trakt.api('GET', '/sync/watchlist')).status).toBe(200);
  });
});
