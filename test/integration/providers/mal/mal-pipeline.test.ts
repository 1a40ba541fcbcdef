import { describe, expect, it } from 'vitest';
import type { ServiceFetchOptions } from '../../../../main/providers/http/create-service-fetch';
import { createMalClient } from '../../../../main/providers/mal/client';
import type { MalState } from '../../../emulators/mal/index';
import { useEmulators, type Fixture } from '../http/emulator-fixture';
import { deleteAt, editingFetch, failure, statuses, until } from '../http/pipeline-helpers';

/**
 * The MyAnimeList client over the real request pipeline (createServiceFetch) against the MAL emulator, on
 * the manual clock the pipeline's waits move: the long pauses after MAL's 403 "DoS detected" pass without a
 * real wait. mal-client.test.ts checks the same errors over a plain fetch; here they arrive as a user would
 * meet them, retries and the sign-in latch included.
 */
const start = useEmulators();

function malClient(fixture: Fixture, options: Partial<ServiceFetchOptions> = {}) {
  const fetch = fixture.account('mal', fixture.malToken(), options);
  return { fetch, client: createMalClient({ api: fixture.emulators.servicesConfig.mal.api, fetch }) };
}

const logOf = (fixture: Fixture, method?: string) => fixture.emulators.log.forService('mal').filter((entry) => !method || entry.method === method);
const malState = (fixture: Fixture) => (fixture.emulators.services.mal as unknown as { state: MalState }).state;

describe('MyAnimeList client over the request pipeline (emulator)', () => {
  it('a read recovers after a 403 "DoS detected", a 500, a 502, a 503, a reset and a cut-off body, with the same answer as a clean read', async () => {
    const fixture = await start();
    const expected = await malClient(fixture).client.animeList();
    const faults = [{ kind: 'rate-limited' }, { kind: 'status', status: 500 }, { kind: 'status', status: 502 }, { kind: 'status', status: 503 }, { kind: 'reset' }, { kind: 'truncate' }] as const;
    for (const action of faults) fixture.emulators.faults.add({ service: 'mal', path: '/v2/users/@me/animelist', times: 1, action });
    fixture.emulators.log.clear();

    const { client } = malClient(fixture, { retry: { maxAttempts: 8 } });
    expect(await client.animeList()).toEqual(expected);
    expect(statuses(logOf(fixture))).toEqual(['403 rate-limited', '500 status', '502 status', '503 status', '0 reset', '200 truncate', '200']);
  });

  it('a refused token (401 invalid_token) is the pipeline\'s "sign in again" AppError; rejected() once; later calls send nothing', async () => {
    const fixture = await start({ faults: { rules: [{ service: 'mal', times: 1, action: { kind: 'expire-token' } }] } });
    const { client, fetch } = malClient(fixture);

    const error = await failure(client.me());
    expect(error).toMatchObject({ code: 'unauthenticated', retryable: false });
    expect(error.message).toMatch(/^MyAnimeList needs you to sign in again: .*Reconnect it in Settings → Accounts/);
    expect(fetch.rejected()).toBe(1);
    expect(statuses(logOf(fixture))).toEqual(['401 expire-token']);

    expect(await failure(client.animeList())).toEqual(error);
    expect((await failure(client.updateAnime(1, { progress: 2 }))).code).toBe('unauthenticated');
    expect((await failure(client.deleteManga(1))).code).toBe('unauthenticated');
    expect(logOf(fixture)).toHaveLength(1);
    expect(fetch.rejected()).toBe(1);
  });

  it('an answer missing a required field names MyAnimeList, the request and the field', async () => {
    const fixture = await start();
    const { client } = malClient(fixture, { fetchImpl: editingFetch((body) => deleteAt(body, ['data', 0, 'list_status', 'updated_at'])) });
    const error = await failure(client.animeList());
    expect(error).toMatchObject({ code: 'unavailable', retryable: false, issues: [expect.objectContaining({ path: 'data[0].list_status.updated_at' })] });
    expect(error.message).toMatch(/^MyAnimeList answered GET \/users\/@me\/animelist page 1 without data\[0\]\.list_status\.updated_at\. /);
    expect(logOf(fixture)).toHaveLength(1);
  });

  it('a body that is not JSON names MyAnimeList and the request, and is not retried', async () => {
    const fixture = await start({ faults: { rules: [{ service: 'mal', times: 1, action: { kind: 'malformed' } }] } });
    const error = await failure(malClient(fixture).client.me());
    expect(error.code).toBe('unavailable');
    expect(error.message).toMatch(/^MyAnimeList answered GET \/users\/@me with a body that is not JSON/);
    expect(logOf(fixture)).toHaveLength(1);
  });

  it('MyAnimeList\'s own 404 passes through the pipeline once: deleting what is not on the list says so', async () => {
    const fixture = await start();
    const { client } = malClient(fixture);
    const [entry] = await client.mangaList();
    await client.deleteManga(entry?.ids.mal ?? 0);
    const again = await failure(client.deleteManga(entry?.ids.mal ?? 0));
    expect(again).toMatchObject({ code: 'not_found', message: expect.stringMatching(/is not on your MyAnimeList list/) });
    expect(statuses(logOf(fixture, 'DELETE'))).toEqual(['200', '404']);
  });

  it('an update that meets a 500 is not sent again: it may have been saved', async () => {
    const fixture = await start({ faults: { rules: [{ service: 'mal', method: 'PATCH', times: 1, action: { kind: 'status', status: 500 } }] } });
    const { client } = malClient(fixture);
    const [entry] = await client.animeList();
    const id = entry?.ids.mal ?? 0;
    const before = { ...malState(fixture).lists.anime.get(id) };

    const error = await failure(client.updateAnime(id, { progress: (entry?.progress ?? 0) + 1 }));
    expect(error).toMatchObject({ code: 'unavailable', retryable: true });
    expect(error.message).toMatch(/^MyAnimeList is having trouble \(HTTP 500\)\. Kizuna did not repeat this change/);
    expect(statuses(logOf(fixture, 'PATCH'))).toEqual(['500 status']);
    expect(malState(fixture).lists.anime.get(id)).toEqual(before);
  });

  it('a read aborted in flight is the "cancelled" AppError the Trakt and Plex clients match, and is not sent again', async () => {
    const fixture = await start({ faults: { rules: [{ service: 'mal', action: { kind: 'timeout' } }] } });
    const controller = new AbortController();
    const pending = failure(malClient(fixture, { timeoutMs: 20_000 }).client.me({ signal: controller.signal }));
    await until(() => logOf(fixture).length === 1, 'the read to reach the emulator');
    controller.abort();
    expect(await pending).toMatchObject({ code: 'timeout', retryable: false, message: 'The MyAnimeList request (GET /users/@me) was cancelled.' });
    expect(logOf(fixture)).toHaveLength(1);
  });
});
