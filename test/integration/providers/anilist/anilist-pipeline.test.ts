import { describe, expect, it } from 'vitest';
import { createAnilistClient } from '../../../../main/providers/anilist/client';
import type { ServiceFetchOptions } from '../../../../main/providers/http/create-service-fetch';
import { useEmulators, type Fixture } from '../http/emulator-fixture';
import { deleteAt, editingFetch, failure, statuses, until } from '../http/pipeline-helpers';

/**
 * The AniList client over the real request pipeline (createServiceFetch) against the AniList emulator, on
 * the manual clock the pipeline's waits move: AniList's one-minute 429 timeout passes without a real wait.
 * anilist-client.test.ts checks the same errors over a plain fetch; here they arrive as a user would meet
 * them, retries and the sign-in latch included.
 */
const start = useEmulators();

function anilistClient(fixture: Fixture, options: Partial<ServiceFetchOptions> = {}) {
  const fetch = fixture.account('anilist', fixture.anilistToken(), options);
  return { fetch, client: createAnilistClient({ endpoint: fixture.emulators.servicesConfig.anilist.api, fetch }) };
}

const logOf = (fixture: Fixture) => fixture.emulators.log.forService('anilist');
const userId = (fixture: Fixture) => fixture.emulators.world.users.anilist.id;

describe('AniList client over the request pipeline (emulator)', () => {
  it('a read recovers after a 429, a 500, a 502, a 503, a reset and a cut-off body, with the same answer as a clean read', async () => {
    const fixture = await start();
    const expected = await anilistClient(fixture).client.listCollection(userId(fixture), 'ANIME');
    const faults = [{ kind: 'rate-limited' }, { kind: 'status', status: 500 }, { kind: 'status', status: 502 }, { kind: 'status', status: 503 }, { kind: 'reset' }, { kind: 'truncate' }] as const;
    for (const action of faults) fixture.emulators.faults.add({ service: 'anilist', path: '/graphql', times: 1, action });
    fixture.emulators.log.clear();

    const { client } = anilistClient(fixture, { retry: { maxAttempts: 8 } });
    expect(await client.listCollection(userId(fixture), 'ANIME')).toEqual(expected);
    expect(statuses(logOf(fixture))).toEqual(['429 rate-limited', '500 status', '502 status', '503 status', '0 reset', '200 truncate', '200']);
  });

  it('a refused token ("Invalid token", HTTP 400) is the pipeline\'s "sign in again" AppError; rejected() once; later calls send nothing', async () => {
    const fixture = await start({ faults: { rules: [{ service: 'anilist', times: 1, action: { kind: 'expire-token' } }] } });
    const { client, fetch } = anilistClient(fixture);

    const error = await failure(client.viewer());
    expect(error).toMatchObject({ code: 'unauthenticated', retryable: false });
    expect(error.message).toMatch(/^AniList needs you to sign in again: .*Reconnect it in Settings → Accounts/);
    expect(fetch.rejected()).toBe(1);
    expect(statuses(logOf(fixture))).toEqual(['400 expire-token']);

    expect(await failure(client.listCollection(userId(fixture), 'MANGA'))).toEqual(error);
    const [saved] = await client.saveEntries([{ mediaId: 1, progress: 1 }]);
    expect(saved).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
    expect((await failure(client.deleteEntry(1))).code).toBe('unauthenticated');
    expect(logOf(fixture)).toHaveLength(1);
    expect(fetch.rejected()).toBe(1);
  });

  it('an answer missing a required field names AniList, the operation and the field', async () => {
    const fixture = await start();
    const { client } = anilistClient(fixture, { fetchImpl: editingFetch((body) => deleteAt(body, ['data', 'Viewer', 'name'])) });
    const error = await failure(client.viewer());
    expect(error).toMatchObject({ code: 'unavailable', retryable: false, issues: [expect.objectContaining({ path: 'Viewer.name' })] });
    expect(error.message).toMatch(/^AniList answered Viewer without Viewer\.name\. /);
    expect(logOf(fixture)).toHaveLength(1);
  });

  it('a body that is not JSON names AniList, and is not retried', async () => {
    const fixture = await start({ faults: { rules: [{ service: 'anilist', times: 1, action: { kind: 'malformed' } }] } });
    const error = await failure(anilistClient(fixture).client.viewer());
    expect(error.code).toBe('unavailable');
    expect(error.message).toMatch(/^AniList answered with a body that is not JSON/);
    expect(logOf(fixture)).toHaveLength(1);
  });

  it('AniList\'s own refusals pass through the pipeline once: a rule failure fails its change alone, a missing entry is not_found', async () => {
    const fixture = await start();
    const { client, fetch } = anilistClient(fixture);
    const [first, second] = await client.listCollection(userId(fixture), 'MANGA');
    const results = await client.saveEntries([
      { mediaId: first?.ids.anilist ?? 0, entryId: first?.entryId ?? 0, repeat: 2 },
      { mediaId: second?.ids.anilist ?? 0, entryId: second?.entryId ?? 0, score100: 250 },
    ]);
    expect(results.map((result) => (result.ok ? 'ok' : result.error.code))).toEqual(['ok', 'validation']);
    expect(await failure(client.deleteEntry(987_654_321))).toMatchObject({ code: 'not_found', message: expect.stringMatching(/not on your AniList list/) });
    expect(fetch.needsSignIn).toBe(false);
  });

  it('a save that meets a 500 is not sent again: it may have been applied', async () => {
    const fixture = await start();
    const { client } = anilistClient(fixture);
    const [entry] = await client.listCollection(userId(fixture), 'ANIME');
    fixture.emulators.faults.add({ service: 'anilist', times: 1, action: { kind: 'status', status: 500 } });
    fixture.emulators.log.clear();

    const [result] = await client.saveEntries([{ mediaId: entry?.ids.anilist ?? 0, entryId: entry?.entryId ?? 0, progress: (entry?.progress ?? 0) + 1 }]);
    expect(result?.ok).toBe(false);
    const error = result?.ok === false ? result.error : undefined;
    expect(error).toMatchObject({ code: 'unavailable', retryable: true, message: expect.stringMatching(/^AniList is having trouble \(HTTP 500\)\. Kizuna did not repeat this change/) });
    expect(statuses(logOf(fixture))).toEqual(['500 status']);
  });

  it('a read aborted in flight is the "cancelled" AppError the Trakt and Plex clients match, and is not sent again', async () => {
    const fixture = await start({ faults: { rules: [{ service: 'anilist', action: { kind: 'timeout' } }] } });
    const controller = new AbortController();
    const pending = failure(anilistClient(fixture, { timeoutMs: 20_000 }).client.viewer({ signal: controller.signal }));
    await until(() => logOf(fixture).length === 1, 'the read to reach the emulator');
    controller.abort();
    expect(await pending).toMatchObject({ code: 'timeout', retryable: false, message: 'The AniList request was cancelled.' });
    expect(logOf(fixture)).toHaveLength(1);
  });

  it('an abort with a reason of the caller\'s own (an Error, a string) is still "cancelled", not a network failure', async () => {
    const fixture = await start({ faults: { rules: [{ service: 'anilist', action: { kind: 'timeout' } }] } });
    for (const reason of [new Error('the person closed the window'), 'shutting down']) {
      const controller = new AbortController();
      const pending = failure(anilistClient(fixture, { timeoutMs: 20_000 }).client.viewer({ signal: controller.signal }));
      await until(() => logOf(fixture).length >= 1, 'the read to reach the emulator');
      controller.abort(reason);
      expect(await pending).toMatchObject({ code: 'timeout', retryable: false, message: 'The AniList request was cancelled.' });
    }
  });
});
