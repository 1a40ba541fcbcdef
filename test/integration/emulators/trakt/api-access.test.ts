import { afterEach, describe, expect, it } from 'vitest';
import { startTrakt, type TraktHarness } from './harness';

let trakt: TraktHarness;
afterEach(() => trakt.close());

describe('Trakt API host: required headers and OAuth', () => {
  it('answers 403 with an empty body without a registered trakt-api-key', async () => {
    trakt = await startTrakt();
    for (const key of [undefined, 'someone-elses-app']) {
      const headers: Record<string, string> = key === undefined ? {} : { 'trakt-api-key': key };
      const answer = await fetch(`${trakt.baseUrl}/search/movie?query=inception`, { headers: { 'trakt-api-version': '2', ...headers } });
      expect(answer.status).toBe(403);
      expect(await answer.text()).toBe('');
    }
  });

  it('wants trakt-api-version: 2', async () => {
    trakt = await startTrakt();
    expect((await trakt.api('GET', '/search/movie?query=inception', { headers: { 'trakt-api-version': '1' } })).status).toBe(400);
  });

  it('answers 401 with only the realm when OAuth is missing, and invalid_token for an unknown token', async () => {
    trakt = await startTrakt();
    const missing = await trakt.api('GET', '/sync/last_activities', { token: null });
    expect(missing.status).toBe(401);
    expect(missing.headers.get('www-authenticate')).toBe('Bearer realm="Doorkeeper"');
    const unknown = await trakt.api('GET', '/sync/watchlist', { token: 'not-a-token' });
    expect(unknown.status).toBe(401);
    expect(unknown.headers.get('www-authenticate')).toContain('error="invalid_token"');
    expect(unknown.json).toEqual({ error: 'invalid_token', error_description: 'The access token is invalid' });
  });

  it('lets search through without OAuth, but not writes', async () => {
    trakt = await startTrakt();
    expect((await trakt.api('GET', '/search/movie?query=inception', { token: null })).status).toBe(200);
    expect((await trakt.api('POST', '/sync/watchlist', { token: null, body: { movies: [] } })).status).toBe(401);
  });

  it('answers 412 for a write that is not JSON, 400 for broken JSON, 405 and 404 for wrong routes', async () => {
    trakt = await startTrakt();
    expect((await trakt.api('POST', '/sync/watchlist', { headers: { 'content-type': 'text/plain' }, body: {} })).status).toBe(412);
    // The refused write still used this second's write slot.
    trakt.clock.advance(1000);
    const broken = await fetch(`${trakt.baseUrl}/sync/watchlist`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'trakt-api-version': '2', 'trakt-api-key': 'kizuna-demo-trakt', authorization: `Bearer ${trakt.token}` },
      body: '{"movies": [',
    });
    expect(broken.status).toBe(400);
    expect((await trakt.api('PUT', '/sync/last_activities')).status).toBe(405);
    expect((await trakt.api('GET', '/sync/nothing-here')).status).toBe(404);
  });

  it('expires the request token for the expire-token fault, then the request itself fails with 401', async () => {
    trakt = await startTrakt({ faults: { rules: [{ service: 'trakt', path: '/sync/last_activities', times: 1, action: { kind: 'expire-token' } }] } });
    const answer = await trakt.api('GET', '/sync/last_activities');
    expect(answer.status).toBe(401);
    expect(answer.json).toMatchObject({ error_description: 'The access token expired' });
    expect(trakt.log.entries.at(-1)).toMatchObject({ status: 401, fault: 'expire-token', endpoint: 'GET /sync/last_activities' });
  });
});

describe('Trakt /users/settings', () => {
  it('reports the user, VIP state and account limits the app must read instead of hard-coding', async () => {
    trakt = await startTrakt();
    const answer = await trakt.api('GET', '/users/settings');
    expect(answer.status).toBe(200);
    expect(answer.json).toMatchObject({
      user: { username: 'kizuna-demo', vip: false, ids: { slug: 'kizuna-demo' } },
      limits: { list: { count: 5, item_count: 250 }, watchlist: { item_count: 250 } },
    });
  });

  it('follows a lowered watchlist limit and VIP accounts', async () => {
    trakt = await startTrakt({ limits: { watchlistLimit: 3 } });
    expect((await trakt.api('GET', '/users/settings')).json).toMatchObject({ limits: { watchlist: { item_count: 3 } } });
    await trakt.close();
    const { fixtureWorld } = await import('./fixture-world');
    trakt = await startTrakt({ world: fixtureWorld({ vip: true, watchlistLimit: 5000, listLimit: 100 }) });
    expect((await trakt.api('GET', '/users/settings')).json).toMatchObject({ user: { vip: true }, limits: { list: { count: 100, item_count: 5000 }, watchlist: { item_count: 5000 } } });
  });

  it('rejects unknown limit keys so a typo does not silently fall back to a default', async () => {
    await expect(startTrakt({ limits: { writesPerSecnd: 5 } })).rejects.toThrow(/unknown key "writesPerSecnd"/);
    trakt = await startTrakt();
  });
});
