import { describe, expect, it } from 'vitest';
import type { ServiceFetchOptions } from '../../../../main/providers/http/create-service-fetch';
import { createTraktClient } from '../../../../main/providers/trakt/client';
import { defaultTraktClient, type TraktService } from '../../../emulators/trakt/index';
import { useEmulators, type Fixture } from '../http/emulator-fixture';
import { deleteAt, editingFetch, failure, statuses } from '../http/pipeline-helpers';

/**
 * The Trakt client over the real request pipeline (createServiceFetch) against the Trakt emulator, its
 * rate windows on the manual clock the pipeline's waits move: no test sleeps for real. Where
 * trakt/client.test.ts checks what the client asks for over a plain fetch, this checks what a user sees
 * when the wire misbehaves.
 */
const start = useEmulators();

function traktClient(fixture: Fixture, options: Partial<ServiceFetchOptions> = {}) {
  const fetch = fixture.account('trakt', fixture.traktToken(), options);
  return { fetch, client: createTraktClient({ api: fixture.emulators.servicesConfig.trakt.api, clientId: defaultTraktClient.id, fetch }) };
}

const trakt = (fixture: Fixture) => fixture.emulators.services.trakt as TraktService;
const logOf = (fixture: Fixture, method?: string) => fixture.emulators.log.forService('trakt').filter((entry) => !method || entry.method === method);

describe('Trakt client over the request pipeline (emulator)', () => {
  it('a read recovers after a 429, a 500, a 502, a 503, a reset and a cut-off body, with the same answer as a clean read', async () => {
    const fixture = await start();
    const expected = await traktClient(fixture).client.settings();
    const faults = [{ kind: 'rate-limited' }, { kind: 'status', status: 500 }, { kind: 'status', status: 502 }, { kind: 'status', status: 503 }, { kind: 'reset' }, { kind: 'truncate' }] as const;
    for (const action of faults) fixture.emulators.faults.add({ service: 'trakt', path: '/users/settings', times: 1, action });
    fixture.emulators.log.clear();

    // The emulator's 429 names the end of the 5-minute read window (Retry-After 300); the default
    // maxPauseMs (2 minutes) would rightly give up with rate_limited, so this account waits longer.
    const { client } = traktClient(fixture, { retry: { maxAttempts: 8, maxPauseMs: 600_000 } });
    expect(await client.settings()).toEqual(expected);
    expect(statuses(logOf(fixture))).toEqual(['429 rate-limited', '500 status', '502 status', '503 status', '0 reset', '200 truncate', '200']);
  });

  it('a paged read (the whole watchlist) recovers when pages fail, each page asked again, none twice in the result', async () => {
    const fixture = await start();
    trakt(fixture).state.limits.watchlistLimit = 1000;
    const { client } = traktClient(fixture);
    const extra = trakt(fixture).state.catalogue.movies.filter((movie) => !trakt(fixture).state.library.onWatchlist(movie)).slice(0, 300);
    await client.addToWatchlist({ movies: extra.map((movie) => ({ ids: { trakt: movie.ids.trakt } })) });
    const expected = await client.watchlist();
    fixture.emulators.faults.add({ service: 'trakt', path: /^\/sync\/watchlist/, after: 1, times: 1, action: { kind: 'reset' } });
    fixture.emulators.faults.add({ service: 'trakt', path: /^\/sync\/watchlist/, after: 1, times: 1, action: { kind: 'status', status: 502 } });
    fixture.emulators.log.clear();

    const all = await traktClient(fixture).client.watchlist();
    expect(all).toEqual(expected);
    expect(all.length).toBeGreaterThan(250);
    expect(statuses(logOf(fixture))).toEqual(['200', '0 reset', '502 status', '200']);
  });

  it('a refused token (401) is the pipeline\'s "sign in again" AppError; rejected() once; later calls send nothing', async () => {
    const fixture = await start({ faults: { rules: [{ service: 'trakt', times: 1, action: { kind: 'expire-token' } }] } });
    const { client, fetch } = traktClient(fixture);

    const error = await failure(client.lastActivities());
    expect(error).toMatchObject({ code: 'unauthenticated', retryable: false });
    expect(error.message).toMatch(/^Trakt needs you to sign in again: .*Reconnect it in Settings → Accounts/);
    expect(fetch.rejected()).toBe(1);
    expect(statuses(logOf(fixture))).toEqual(['401 expire-token']);

    expect(await failure(client.watchlist())).toEqual(error);
    expect((await failure(client.addToWatchlist({ movies: [{ ids: { trakt: 1 } }] }))).code).toBe('unauthenticated');
    expect((await failure(client.search('the'))).code).toBe('unauthenticated');
    expect(logOf(fixture)).toHaveLength(1);
    expect(fetch.rejected()).toBe(1);
  });

  it('an answer missing a required field names Trakt, the request and the field', async () => {
    const fixture = await start();
    const { client } = traktClient(fixture, { fetchImpl: editingFetch((body) => deleteAt(body, ['user', 'ids', 'slug'])) });
    const error = await failure(client.settings());
    expect(error).toMatchObject({ code: 'unavailable', retryable: false, issues: [expect.objectContaining({ path: 'user.ids.slug' })] });
    expect(error.message).toMatch(/^Trakt answered GET \/users\/settings without user\.ids\.slug\. /);
    expect(logOf(fixture)).toHaveLength(1);
  });

  it('a body that is not JSON names Trakt and the request, and is not retried', async () => {
    const fixture = await start({ faults: { rules: [{ service: 'trakt', times: 1, action: { kind: 'malformed' } }] } });
    const error = await failure(traktClient(fixture).client.lastActivities());
    expect(error.code).toBe('unavailable');
    expect(error.message).toMatch(/^Trakt answered GET \/sync\/last_activities with a body that is not JSON \(.+\)\. Try again later\.$/);
    expect(logOf(fixture)).toHaveLength(1);
  });

  it('Trakt\'s own refusals pass through the pipeline once, as their own clear AppErrors: an unknown client ID (403), a full watchlist (420)', async () => {
    const fixture = await start();
    const fetch = fixture.account('trakt', fixture.traktToken());
    const stranger = createTraktClient({ api: fixture.emulators.servicesConfig.trakt.api, clientId: 'not-registered', fetch });
    expect(await failure(stranger.settings())).toMatchObject({ code: 'forbidden', message: expect.stringMatching(/client ID/) });
    expect(fetch.needsSignIn).toBe(false);

    trakt(fixture).state.limits.watchlistLimit = trakt(fixture).state.library.watchlist.length;
    const movie = trakt(fixture).state.catalogue.movies.find((candidate) => !trakt(fixture).state.library.onWatchlist(candidate));
    const full = await failure(traktClient(fixture).client.addToWatchlist({ movies: [{ ids: { trakt: movie?.ids.trakt } }] }));
    expect(full).toMatchObject({ code: 'too_large', retryable: false, message: expect.stringMatching(/account limit of \d+ items.*VIP/) });
    expect(statuses(logOf(fixture))).toEqual(['403', '420']);
  });

  it('a write that meets a 500 is not sent again: it may have been saved', async () => {
    const fixture = await start({ faults: { rules: [{ service: 'trakt', method: 'POST', times: 1, action: { kind: 'status', status: 500 } }] } });
    const movie = trakt(fixture).state.catalogue.movies.find((candidate) => !trakt(fixture).state.library.onWatchlist(candidate));
    const error = await failure(traktClient(fixture).client.addToWatchlist({ movies: [{ ids: { trakt: movie?.ids.trakt } }] }));
    expect(error).toMatchObject({ code: 'unavailable', retryable: true });
    expect(error.message).toMatch(/^Trakt is having trouble \(HTTP 500\)\. Kizuna did not repeat this change/);
    expect(statuses(logOf(fixture, 'POST'))).toEqual(['500 status']);
  });

  it('a write that meets a 503 (not taken) is sent again and lands once', async () => {
    const fixture = await start({ faults: { rules: [{ service: 'trakt', method: 'POST', times: 1, action: { kind: 'status', status: 503 } }] } });
    const movie = trakt(fixture).state.catalogue.movies.find((candidate) => !trakt(fixture).state.library.onWatchlist(candidate));
    const result = await traktClient(fixture).client.addToWatchlist({ movies: [{ ids: { trakt: movie?.ids.trakt } }] });
    expect(result.added.movies).toBe(1);
    expect(statuses(logOf(fixture, 'POST'))).toEqual(['503 status', '201']);
  });

  it('a history add cut off by a reset is not repeated (each POST adds a play); a watchlist add is', async () => {
    const fixture = await start({ faults: { rules: [{ service: 'trakt', method: 'POST', times: 2, action: { kind: 'reset' } }] } });
    const { client } = traktClient(fixture);
    const movie = trakt(fixture).state.catalogue.movies[3];
    const plays = trakt(fixture).state.library.history.length;
    const error = await failure(client.addHistory({ movies: [{ ids: { trakt: movie?.ids.trakt }, watched_at: '2026-03-01T10:00:00.000Z' }] }));
    expect(error).toMatchObject({ code: 'network', retryable: true });
    expect(error.message).toMatch(/^Could not reach Trakt \(/);
    expect(trakt(fixture).state.library.history.length).toBe(plays);
    expect(statuses(logOf(fixture, 'POST'))).toEqual(['0 reset']);

    const fresh = trakt(fixture).state.catalogue.movies.find((candidate) => !trakt(fixture).state.library.onWatchlist(candidate));
    expect((await client.addToWatchlist({ movies: [{ ids: { trakt: fresh?.ids.trakt } }] })).added.movies).toBe(1);
    expect(statuses(logOf(fixture, 'POST'))).toEqual(['0 reset', '0 reset', '201']);
  });
});
