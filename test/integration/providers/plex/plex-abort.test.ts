import { describe, expect, it } from 'vitest';
import type { ServiceFetchOptions } from '../../../../main/providers/http/create-service-fetch';
import { createPlexServerClient } from '../../../../main/providers/plex/client';
import { useEmulators, type Fixture } from '../http/emulator-fixture';
import { failure, plexToken, stalledScheduler, statuses, until } from '../http/pipeline-helpers';

/**
 * Cancelling a Plex call (a sync the user stopped, a server that went quiet): the caller's signal reaches
 * the request through axios and the pipeline, the call rejects at once with the same not-retryable
 * "cancelled" AppError the AniList and MAL clients give, and the pipeline sends nothing more for it.
 */
const start = useEmulators();
const clientIdentifier = 'kizuna-abort-test';

async function plexClient(fixture: Fixture, options: Partial<ServiceFetchOptions> = {}) {
  // A per-attempt timeout far beyond the test's patience: only the abort can end these calls in time.
  const fetch = fixture.account('plex', await plexToken(fixture.emulators, clientIdentifier), { timeoutMs: 20_000, ...options });
  return createPlexServerClient({ baseUrl: fixture.emulators.urls.plex, fetch, clientIdentifier });
}

const startPlex = (options: Parameters<typeof start>[0] = {}) => start({ autoApprove: true, ...options });
const logOf = (fixture: Fixture) => fixture.emulators.log.forService('plex');
const CANCELLED = { code: 'timeout', retryable: false };

describe('aborting a Plex call (emulator, real pipeline)', () => {
  it('a read the server holds open rejects promptly as cancelled, and is not sent again', async () => {
    const fixture = await startPlex({ faults: { rules: [{ service: 'plex', path: '/library/sections', action: { kind: 'timeout' } }] } });
    const controller = new AbortController();
    const pending = failure((await plexClient(fixture)).sections({ signal: controller.signal }));
    await until(() => logOf(fixture).length === 1, 'the read to reach the emulator');

    const abortedAt = Date.now();
    controller.abort();
    const error = await pending;
    expect(Date.now() - abortedAt).toBeLessThan(1_000);
    expect(error).toMatchObject(CANCELLED);
    expect(error.message).toBe('The Plex server request (GET /library/sections) was cancelled.');
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(statuses(logOf(fixture))).toEqual(['0 timeout']);
  });

  it('a paged read aborted while it waits to retry after a 502 ends there: no second request', async () => {
    const fixture = await startPlex({ faults: { rules: [{ service: 'plex', path: /\/all$/, times: 1, action: { kind: 'status', status: 502 } }] } });
    const scheduler = stalledScheduler(fixture.clock);
    const controller = new AbortController();
    const client = await plexClient(fixture, { scheduler, random: () => 1 });
    const pending = failure(client.sectionItems('1', { type: 'episode', signal: controller.signal }));
    await until(() => scheduler.waiting() === 1, 'the pipeline to wait before its retry');

    controller.abort();
    expect(await pending).toMatchObject({ ...CANCELLED, message: 'The Plex server request (GET /library/sections/{sectionId}/all) was cancelled.' });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(statuses(logOf(fixture))).toEqual(['502 status']);
  });

  it('a signal already aborted sends nothing; every kind of method takes one, writes included', async () => {
    const fixture = await startPlex();
    const client = await plexClient(fixture);
    const signal = AbortSignal.abort();
    const calls = [
      client.machineIdentifier({ signal }),
      client.sectionItems('1', { signal }),
      client.children('1', { signal }),
      client.metadata('1', { signal }),
      client.scrobble('1', { signal }),
      client.rate('1', 5, { signal }),
      client.playlists(undefined, { signal }),
      client.createPlaylist({ type: 'video', title: 'Never', ratingKeys: ['1'] }, { signal }),
      client.movePlaylistItem('1', 2, undefined, { signal }),
      client.collectionItems('1', { signal }),
      client.deleteCollection('1', '2', { signal }),
    ];
    for (const call of calls) expect(await failure(call)).toMatchObject(CANCELLED);
    expect(logOf(fixture)).toHaveLength(0);
  });

  it('one caller giving up on the shared /identity request leaves it running for the others', async () => {
    const fixture = await startPlex({ faults: { rules: [{ service: 'plex', path: '/identity', times: 1, action: { kind: 'delay', ms: 300 } }] } });
    const client = await plexClient(fixture);
    const controller = new AbortController();
    const impatient = failure(client.machineIdentifier({ signal: controller.signal }));
    const patient = client.machineIdentifier();
    // The server answers /identity only after 300 ms, so this abort lands while both callers wait on it.
    controller.abort();

    expect(await impatient).toMatchObject({ ...CANCELLED, message: 'The Plex server request (GET /identity) was cancelled.' });
    expect(await patient).toMatch(/\S/);
    expect(logOf(fixture).map((entry) => entry.path)).toEqual(['/identity']);
  });
});
