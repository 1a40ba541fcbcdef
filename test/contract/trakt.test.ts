import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientId, clientSecret, redirectUri, startTrakt, type Answer, type TraktHarness } from '../integration/emulators/trakt/harness';
import { loadSpec, ResponseValidator, validateSpecDocument, type OpenApiSpec } from './support/openapi';

/**
 * The Trakt emulator against Trakt's own contract (../shared/specs/trakt-openapi.json, generated from
 * trakt/trakt-api). Every endpoint the app uses is called on the emulator over HTTP and the JSON it answers
 * is validated against the spec's schema for that operation and status. Where the real service is known to
 * differ from the spec, trakt-differences.test.ts names the difference.
 */
const spec: OpenApiSpec = loadSpec('trakt-openapi.json');
const validator = new ResponseValidator(spec);

let trakt: TraktHarness;
beforeAll(async () => {
  trakt = await startTrakt({ autoApprove: true, limits: { writesPerSecond: 1000 } });
});
afterAll(async () => {
  await trakt.close();
});

function conforms(method: string, template: string, answer: Answer, status = 200): unknown {
  expect(answer.status, answer.text).toBe(status);
  const check = validator.check(method, template, answer.status, answer.json);
  expect(check.errors, `${method.toUpperCase()} ${template} ${status}`).toEqual([]);
  expect(check.valid).toBe(true);
  return answer.json;
}

describe('Trakt contract: the spec itself', () => {
  it('is a valid OpenAPI 3.0 document', async () => {
    expect(spec.openapi).toBe('3.0.2');
    const result = await validateSpecDocument(spec);
    expect(result.errors).toBeFalsy();
    expect(result.valid).toBe(true);
  });
});

describe('Trakt contract: the auth host', () => {
  it('POST /oauth/device/code and a successful POST /oauth/device/token', async () => {
    const code = conforms('post', '/oauth/device/code', await trakt.auth('/oauth/device/code', { client_id: clientId })) as { device_code: string };
    const poll = () => trakt.auth('/oauth/device/token', { code: code.device_code, client_id: clientId, client_secret: clientSecret });
    expect((await poll()).status).toBe(400);
    trakt.clock.advance(5000);
    conforms('post', '/oauth/device/token', await poll());
  });

  it('POST /oauth/token: 200 for a code and a refresh, 400 {error, error_description} for a spent refresh token', async () => {
    const url = `${trakt.baseUrl}/oauth/authorize?${new URLSearchParams({ response_type: 'code', client_id: clientId, redirect_uri: redirectUri, state: 'x' })}`;
    const code = new URL((await fetch(url, { redirect: 'manual' })).headers.get('location') ?? '').searchParams.get('code');
    const tokens = conforms('post', '/oauth/token', await trakt.auth('/oauth/token', { code, client_id: clientId, client_secret: clientSecret, redirect_uri: redirectUri, grant_type: 'authorization_code' })) as { refresh_token: string };
    const refresh = () => trakt.auth('/oauth/token', { refresh_token: tokens.refresh_token, client_id: clientId, client_secret: clientSecret, redirect_uri: redirectUri, grant_type: 'refresh_token' });
    conforms('post', '/oauth/token', await refresh());
    conforms('post', '/oauth/token', await refresh(), 400);
  });

  it('POST /oauth/revoke', async () => {
    const { access_token } = trakt.service.state.issueToken();
    conforms('post', '/oauth/revoke', await trakt.auth('/oauth/revoke', { token: access_token, client_id: clientId, client_secret: clientSecret }));
  });
});

describe('Trakt contract: sync, search and settings', () => {
  it('GET /users/settings and GET /sync/last_activities', async () => {
    conforms('get', '/users/settings', await trakt.api('GET', '/users/settings'));
    conforms('get', '/sync/last_activities', await trakt.api('GET', '/sync/last_activities'));
  });

  it('GET /sync/watchlist/{type}/{sort_by}/{sort_how}, minimal and full', async () => {
    conforms('get', '/sync/watchlist/{type}/{sort_by}/{sort_how}', await trakt.api('GET', '/sync/watchlist/all/rank/asc'));
    conforms('get', '/sync/watchlist/{type}/{sort_by}/{sort_how}', await trakt.api('GET', '/sync/watchlist/all/added/desc?extended=full&page=1&limit=10'));
  });

  it('POST /sync/watchlist (201) and /sync/watchlist/remove, with not_found items', async () => {
    const body = { movies: [{ ids: { trakt: 120 } }, { ids: { imdb: 'tt0000001' } }], shows: [{ ids: { trakt: 1420 }, seasons: [{ number: 1 }, { number: 7 }] }], episodes: [{ ids: { trakt: 1 } }] };
    conforms('post', '/sync/watchlist', await trakt.api('POST', '/sync/watchlist', { body }), 201);
    conforms('post', '/sync/watchlist/remove', await trakt.api('POST', '/sync/watchlist/remove', { body }));
  });

  it('GET /sync/history/{type}/{id}, POST /sync/history and /sync/history/remove', async () => {
    // A not-found episode inside a show is left to trakt-differences.test.ts: the spec cannot express it.
    const body = { movies: [{ ids: { tmdb: 155 }, watched_at: '2025-01-01T00:00:00.000Z' }, { title: 'No Such Film', year: 1901 }], shows: [{ ids: { tvdb: 81189 }, seasons: [{ number: 1, episodes: [{ number: 1 }, { number: 2 }] }] }], episodes: [{ ids: { tvdb: 1 } }] };
    conforms('post', '/sync/history', await trakt.api('POST', '/sync/history', { body }));
    conforms('get', '/sync/history/{type}/{id}', await trakt.api('GET', '/sync/history/movies/120?extended=full'));
    conforms('get', '/sync/history/{type}/{id}', await trakt.api('GET', '/sync/history/shows/1388'));
    conforms('post', '/sync/history/remove', await trakt.api('POST', '/sync/history/remove', { body }));
  });

  it('GET /sync/ratings/{type}/{rating}, POST /sync/ratings (201) and /sync/ratings/remove', async () => {
    const body = { movies: [{ ids: { trakt: 16662 }, rating: 9 }, { ids: { imdb: 'tt0000002' }, rating: 4 }], shows: [{ ids: { trakt: 1388 }, rating: 10 }] };
    conforms('post', '/sync/ratings', await trakt.api('POST', '/sync/ratings', { body }), 201);
    conforms('get', '/sync/ratings/{type}/{rating}', await trakt.api('GET', '/sync/ratings/all/9,10?extended=full'));
    conforms('post', '/sync/ratings/remove', await trakt.api('POST', '/sync/ratings/remove', { body: { shows: [{ ids: { trakt: 1388 } }] } }));
  });

  it('GET /search/{type} for movies and shows, minimal, full and with images', async () => {
    for (const extended of ['', '&extended=full', '&extended=full,images']) {
      const hits = conforms('get', '/search/{type}', await trakt.api('GET', `/search/movie,show?query=a${extended}`)) as unknown[];
      expect(hits.length).toBeGreaterThan(0);
    }
  });

  it('GET /search/{id_type}/{id} for a movie, a show and an episode', async () => {
    const episode = trakt.service.state.catalogue.shows[0]?.seasons[1]?.episodes[0];
    for (const path of ['/search/imdb/tt1375666', '/search/tvdb/81189?type=show&extended=full', `/search/trakt/${episode?.ids.trakt}?type=episode&extended=full`]) {
      const hits = conforms('get', '/search/{id_type}/{id}', await trakt.api('GET', path)) as unknown[];
      expect(hits).toHaveLength(1);
    }
  });
});
