import { describe, expect, it } from 'vitest';
import type { ServiceFetchOptions } from '../../../../main/providers/http/create-service-fetch';
import { createPlexServerClient } from '../../../../main/providers/plex/client';
import { useEmulators, type Fixture } from '../http/emulator-fixture';
import { deleteAt, editingFetch, failure, plexToken, statuses } from '../http/pipeline-helpers';

/**
 * The Plex Media Server client over the real request pipeline (createServiceFetch) against the Plex
 * emulator, on the manual clock the pipeline's waits move: no test sleeps for real. The token comes from
 * the plex.tv emulator's auto-approved PIN. PMS's 498 (an expired JWT, API-NOTES §2) is not emulated; the
 * unit tests cover it with a fake fetch.
 */
const start = useEmulators();
const clientIdentifier = 'kizuna-pipeline-test';

async function plexClient(fixture: Fixture, options: Partial<ServiceFetchOptions> = {}) {
  const fetch = fixture.account('plex', await plexToken(fixture.emulators, clientIdentifier), options);
  return { fetch, client: createPlexServerClient({ baseUrl: fixture.emulators.urls.plex, fetch, clientIdentifier }) };
}

const startPlex = (options: Parameters<typeof start>[0] = {}) => start({ autoApprove: true, ...options });
const logOf = (fixture: Fixture, method?: string) => fixture.emulators.log.forService('plex').filter((entry) => !method || entry.method === method);

describe('Plex Media Server client over the request pipeline (emulator)', () => {
  it('a read recovers after a 429, a 500, a 502, a 503, a reset and a cut-off body, with the same answer as a clean read', async () => {
    const fixture = await startPlex();
    const expected = await (await plexClient(fixture)).client.sections();
    const faults = [{ kind: 'rate-limited' }, { kind: 'status', status: 500 }, { kind: 'status', status: 502 }, { kind: 'status', status: 503 }, { kind: 'reset' }, { kind: 'truncate' }] as const;
    for (const action of faults) fixture.emulators.faults.add({ service: 'plex', path: '/library/sections', times: 1, action });
    fixture.emulators.log.clear();

    const { client } = await plexClient(fixture, { retry: { maxAttempts: 8 } });
    expect(await client.sections()).toEqual(expected);
    expect(statuses(logOf(fixture))).toEqual(['429 rate-limited', '500 status', '502 status', '503 status', '0 reset', '200 truncate', '200']);
  });

  it('a paged read (every episode of a section) recovers when a later page fails, with no item twice', async () => {
    const fixture = await startPlex();
    const { client } = await plexClient(fixture);
    const anime = (await client.sections()).find((section) => section.type === 'show');
    const expected = await client.sectionItems(anime?.key ?? '', { type: 'episode', includeGuids: false });
    expect(expected.items.length).toBeGreaterThan(200);
    const pages = /^\/library\/sections\/[^/]+\/all$/;
    fixture.emulators.faults.add({ service: 'plex', path: pages, after: 1, times: 1, action: { kind: 'status', status: 504 } });
    fixture.emulators.faults.add({ service: 'plex', path: pages, after: 1, times: 1, action: { kind: 'reset' } });
    fixture.emulators.log.clear();

    const read = await (await plexClient(fixture)).client.sectionItems(anime?.key ?? '', { type: 'episode', includeGuids: false });
    expect(read).toEqual(expected);
    expect(statuses(logOf(fixture)).slice(0, 4)).toEqual(['200', '504 status', '0 reset', '200']);
  });

  it('a refused token (401) is the pipeline\'s "sign in again" AppError; rejected() once; later calls send nothing', async () => {
    const fixture = await startPlex({ faults: { rules: [{ service: 'plex', path: '/library/sections', times: 1, action: { kind: 'expire-token' } }] } });
    const { client, fetch } = await plexClient(fixture);

    const error = await failure(client.sections());
    expect(error).toMatchObject({ code: 'unauthenticated', retryable: false });
    expect(error.message).toMatch(/^Your Plex server needs you to sign in again: .*Reconnect it in Settings → Accounts/);
    expect(fetch.rejected()).toBe(1);
    expect(fetch.needsSignIn).toBe(true);
    expect(statuses(logOf(fixture))).toEqual(['401 expire-token']);

    expect(await failure(client.metadata('1'))).toEqual(error);
    expect((await failure(client.scrobble('1'))).code).toBe('unauthenticated');
    expect((await failure(client.playlists())).code).toBe('unauthenticated');
    expect(logOf(fixture)).toHaveLength(1);
    expect(fetch.rejected()).toBe(1);
  });

  it('an answer missing a required field names the server, the request and the field', async () => {
    const fixture = await startPlex();
    const { client } = await plexClient(fixture, { fetchImpl: editingFetch((body) => deleteAt(body, ['MediaContainer', 'Directory', 1, 'title'])) });
    const error = await failure(client.sections());
    expect(error).toMatchObject({ code: 'unavailable', retryable: false, issues: [expect.objectContaining({ path: 'MediaContainer.Directory[1].title' })] });
    expect(error.message).toMatch(/^Plex Media Server answered GET \/library\/sections without MediaContainer\.Directory\[1\]\.title\. /);
    expect(logOf(fixture)).toHaveLength(1);
  });

  it('a body that is not JSON names the server and the request, and is not retried', async () => {
    const fixture = await startPlex({ faults: { rules: [{ service: 'plex', path: '/library/sections', times: 1, action: { kind: 'malformed' } }] } });
    const error = await failure((await plexClient(fixture)).client.sections());
    expect(error.code).toBe('unavailable');
    expect(error.message).toMatch(/^Plex Media Server answered GET \/library\/sections with a body that is not JSON \(.+\)\. Try again later\.$/);
    expect(logOf(fixture)).toHaveLength(1);
  });

  it('the server\'s own refusal passes through the pipeline once: a missing playlist (404) is not_found, not retried, not a sign-in problem', async () => {
    const fixture = await startPlex();
    const { client, fetch } = await plexClient(fixture);
    expect(await failure(client.playlistItems('999999'))).toMatchObject({ code: 'not_found', message: expect.stringMatching(/no such item for GET \/playlists\/\{playlistId\}\/items/) });
    expect(fetch.needsSignIn).toBe(false);
    expect(statuses(logOf(fixture))).toEqual(['404']);
  });

  it('a scrobble that meets a 500 is not sent again: it may have counted a play', async () => {
    const fixture = await startPlex();
    const { client } = await plexClient(fixture);
    const movies = (await client.sections()).find((section) => section.type === 'movie');
    const movie = (await client.sectionItems(movies?.key ?? '')).items[0];
    fixture.emulators.faults.add({ service: 'plex', method: 'PUT', times: 1, action: { kind: 'status', status: 500 } });

    const error = await failure(client.scrobble(movie?.ratingKey ?? ''));
    expect(error).toMatchObject({ code: 'unavailable', retryable: true });
    expect(error.message).toMatch(/^Your Plex server is having trouble \(HTTP 500\)\. Kizuna did not repeat this change/);
    expect(statuses(logOf(fixture, 'PUT'))).toEqual(['500 status']);
    expect((await client.metadata(movie?.ratingKey ?? '')).viewCount).toBe(movie?.viewCount);
  });

  it('a playlist change that meets a 503 (not taken) is sent again and lands once', async () => {
    const fixture = await startPlex();
    const { client } = await plexClient(fixture);
    const movies = (await client.sections()).find((section) => section.type === 'movie');
    const [a, b] = (await client.sectionItems(movies?.key ?? '')).items.map((item) => item.ratingKey);
    const playlist = await client.createPlaylist({ type: 'video', title: 'Pipeline', ratingKeys: [a ?? ''] });
    fixture.emulators.faults.add({ service: 'plex', method: 'PUT', times: 1, action: { kind: 'status', status: 503 } });

    expect((await client.addToPlaylist(playlist.ratingKey, [b ?? ''])).leafCount).toBe(2);
    expect(statuses(logOf(fixture, 'PUT'))).toEqual(['503 status', '200']);
    expect((await client.playlistItems(playlist.ratingKey)).map((entry) => entry.ratingKey)).toEqual([a, b]);
  });
});
