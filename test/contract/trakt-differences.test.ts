import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientId, clientSecret, redirectUri, startTrakt, type TraktHarness } from '../integration/emulators/trakt/harness';
import { loadSpec, ResponseValidator, type OpenApiSpec } from './support/openapi';

/**
 * Where the real Trakt API is known to differ from trakt-openapi.json, each test is named after the
 * difference: it shows what the spec says and asserts that the emulator does what the real service does.
 */
const spec: OpenApiSpec = loadSpec('trakt-openapi.json');
const validator = new ResponseValidator(spec);

let trakt: TraktHarness;
beforeAll(async () => {
  trakt = await startTrakt({ limits: { writesPerSecond: 1000 } });
});
afterAll(async () => {
  await trakt.close();
});

type Schema = { oneOf?: Schema[]; properties?: Record<string, Schema>; items?: Schema; required?: string[] };
const requestSchema = (path: string) => (spec.paths[path]?.post as { requestBody: { content: Record<string, { schema: Schema }> } }).requestBody.content['application/json']?.schema as Schema;

describe('Trakt: where the real service differs from its spec', () => {
  it('not_found echoes each item as sent, several ids and all (trakt/trakt-api#357), which the spec\'s ids oneOf rejects', async () => {
    const answer = await trakt.api('POST', '/sync/watchlist', { body: { movies: [{ ids: { imdb: 'tt0000003', tmdb: 3 } }] } });
    expect(answer.json).toMatchObject({ not_found: { movies: [{ ids: { imdb: 'tt0000003', tmdb: 3 } }] } });
    const check = validator.check('post', '/sync/watchlist', 201, answer.json);
    expect(check.valid).toBe(false);
    expect(check.errors.join('\n')).toContain('must match exactly one schema in oneOf');
  });

  it('a not-found episode inside a show matches two of the spec\'s not_found.shows branches, so that answer cannot validate', async () => {
    const answer = await trakt.api('POST', '/sync/history', { body: { shows: [{ ids: { trakt: 1388 }, seasons: [{ number: 1, episodes: [{ number: 50 }] }] }] } });
    expect(answer.json).toMatchObject({ not_found: { shows: [{ ids: { trakt: 1388 }, seasons: [{ number: 1, episodes: [{ number: 50 }] }] }] } });
    const check = validator.check('post', '/sync/history', 200, answer.json);
    expect(check.errors).toContain('/not_found/shows/0 must match exactly one schema in oneOf {"passingSchemas":[0,2]}');
  });

  it('ratings/remove echoes not-found items without the rating the spec requires of them', async () => {
    const answer = await trakt.api('POST', '/sync/ratings/remove', { body: { movies: [{ ids: { imdb: 'tt0000004' } }] } });
    expect(answer.json).toMatchObject({ not_found: { movies: [{ ids: { imdb: 'tt0000004' } }] } });
    expect(validator.check('post', '/sync/ratings/remove', 200, answer.json).errors).toContain("/not_found/movies/0 must have required property 'rating' {\"missingProperty\":\"rating\"}");
  });

  it('watchlist, history and ratings also answer without the path parameters the spec makes required, in the same shape', async () => {
    expect(spec.paths['/sync/watchlist/{type}']).toBeUndefined();
    expect(spec.paths['/sync/history']?.get).toBeUndefined();
    expect(spec.paths['/sync/ratings']?.get).toBeUndefined();
    const reads = [
      ['/sync/watchlist', '/sync/watchlist/{type}/{sort_by}/{sort_how}'],
      ['/sync/watchlist/movies', '/sync/watchlist/{type}/{sort_by}/{sort_how}'],
      ['/sync/watchlist/shows/title', '/sync/watchlist/{type}/{sort_by}/{sort_how}'],
      ['/sync/history', '/sync/history/{type}/{id}'],
      ['/sync/history/episodes', '/sync/history/{type}/{id}'],
      ['/sync/ratings', '/sync/ratings/{type}/{rating}'],
      ['/sync/ratings/shows', '/sync/ratings/{type}/{rating}'],
    ] as const;
    for (const [path, template] of reads) {
      const answer = await trakt.api('GET', path);
      expect(answer.status, path).toBe(200);
      expect(validator.check('get', template, 200, answer.json).errors, path).toEqual([]);
    }
  });

  it('the device-token poll answers 404, 409, 410, 418 and 429, which the spec gives only in its description', async () => {
    for (const status of [404, 409, 410, 418, 429]) expect(validator.schemaPointer('post', '/oauth/device/token', status)).toBeUndefined();
    const poll = (code: string) => trakt.auth('/oauth/device/token', { code, client_id: clientId, client_secret: clientSecret });
    expect((await poll('unknown')).status).toBe(404);
    const { device_code, user_code } = (await trakt.auth('/oauth/device/code', { client_id: clientId })).json as { device_code: string; user_code: string };
    trakt.service.state.settleDevice(user_code, false);
    const denied = await poll(device_code);
    expect(denied.status).toBe(418);
    expect(denied.text).toBe('');
  });

  it('/oauth/authorize answers an HTML page or a redirect, not the JSON the spec declares', async () => {
    expect(validator.schemaPointer('get', '/oauth/authorize', 200)).toBeDefined();
    const page = await fetch(`${trakt.baseUrl}/oauth/authorize?${new URLSearchParams({ response_type: 'code', client_id: clientId, redirect_uri: redirectUri })}`);
    expect(page.headers.get('content-type')).toContain('text/html');
    expect(await page.text()).toContain('<form');
  });

  it('the token exchange takes a PKCE code_verifier in place of the client_secret the spec requires (trakt/trakt-api#367)', async () => {
    const schema = requestSchema('/oauth/token');
    expect(schema.oneOf?.[0]?.required).toContain('client_secret');
    trakt.service.state.autoApprove = true;
    const url = `${trakt.baseUrl}/oauth/authorize?${new URLSearchParams({ response_type: 'code', client_id: clientId, redirect_uri: redirectUri, code_challenge: 'plain-verifier-0123456789-0123456789-0123456789' })}`;
    const code = new URL((await fetch(url, { redirect: 'manual' })).headers.get('location') ?? '').searchParams.get('code');
    trakt.service.state.autoApprove = false;
    const tokens = await trakt.auth('/oauth/token', { code, client_id: clientId, redirect_uri: redirectUri, grant_type: 'authorization_code', code_verifier: 'plain-verifier-0123456789-0123456789-0123456789' });
    expect(tokens.status).toBe(200);
  });

  it('episodes are found by imdb and tmdb ids too, which the spec\'s request ids leave out (the docs\' own example sends one by imdb id, trakt/trakt-api#236)', async () => {
    const episodeIds = requestSchema('/sync/history').properties?.episodes?.items?.properties?.ids?.oneOf?.flatMap((branch) => Object.keys(branch.properties ?? {}));
    expect(new Set(episodeIds)).toEqual(new Set(['trakt', 'tvdb']));
    const episode = trakt.service.state.catalogue.shows[1]?.seasons[0]?.episodes[5];
    const answer = await trakt.api('POST', '/sync/history', { body: { episodes: [{ ids: { tmdb: episode?.ids.tmdb } }] } });
    expect(answer.json).toMatchObject({ added: { episodes: 1 } });
  });

  it('account limits answer 420 and rate limits 429, neither declared for the sync writes although the docs describe both', async () => {
    expect(validator.schemaPointer('post', '/sync/watchlist', 420)).toBeUndefined();
    expect(validator.schemaPointer('post', '/sync/watchlist', 429)).toBeUndefined();
    trakt.service.state.limits.watchlistLimit = 3;
    const over = await trakt.api('POST', '/sync/watchlist', { body: { movies: [{ ids: { trakt: 120 } }] } });
    trakt.service.state.limits.watchlistLimit = null;
    expect(over.status).toBe(420);
    expect(over.headers.get('x-account-limit')).toBe('3');
  });
});
