import { describe, expect, it } from 'vitest';
import type { ServiceFetchOptions } from '../../../../main/providers/http/create-service-fetch';
import { createTraktClient } from '../../../../main/providers/trakt/client';
import { defaultTraktClient } from '../../../emulators/trakt/index';
import { useEmulators, type Fixture } from '../http/emulator-fixture';
import { failure, stalledScheduler, statuses, until } from '../http/pipeline-helpers';

/**
 * Cancelling a Trakt call (a sync the user stopped, a window closed): the caller's signal reaches the
 * request through axios and the pipeline, the call rejects at once with the same not-retryable "cancelled"
 * AppError the AniList and MAL clients give, and the pipeline sends nothing more for it.
 */
const start = useEmulators();

function traktClient(fixture: Fixture, options: Partial<ServiceFetchOptions> = {}) {
  // A per-attempt timeout far beyond the test's patience: only the abort can end these calls in time.
  const fetch = fixture.account('trakt', fixture.traktToken(), { timeoutMs: 20_000, ...options });
  return createTraktClient({ api: fixture.emulators.servicesConfig.trakt.api, clientId: defaultTraktClient.id, fetch });
}

const logOf = (fixture: Fixture) => fixture.emulators.log.forService('trakt');
const CANCELLED = { code: 'timeout', retryable: false };

describe('aborting a Trakt call (emulator, real pipeline)', () => {
  it('a read the service holds open rejects promptly as cancelled, and is not sent again', async () => {
    const fixture = await start({ faults: { rules: [{ service: 'trakt', path: '/users/settings', action: { kind: 'timeout' } }] } });
    const controller = new AbortController();
    const pending = failure(traktClient(fixture).settings({ signal: controller.signal }));
    await until(() => logOf(fixture).length === 1, 'the read to reach the emulator');

    const abortedAt = Date.now();
    controller.abort();
    const error = await pending;
    expect(Date.now() - abortedAt).toBeLessThan(1_000);
    expect(error).toMatchObject(CANCELLED);
    expect(error.message).toBe('The Trakt request (GET /users/settings) was cancelled.');
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(statuses(logOf(fixture))).toEqual(['0 timeout']);
  });

  it('a read aborted while it waits to retry after a 503 ends there: no second request', async () => {
    const fixture = await start({ faults: { rules: [{ service: 'trakt', times: 1, action: { kind: 'status', status: 503 } }] } });
    const scheduler = stalledScheduler(fixture.clock);
    const controller = new AbortController();
    const client = traktClient(fixture, { scheduler, random: () => 1 });
    const pending = failure(client.history('movies', { limit: 10, signal: controller.signal }));
    await until(() => scheduler.waiting() === 1, 'the pipeline to wait before its retry');

    controller.abort();
    expect(await pending).toMatchObject({ ...CANCELLED, message: 'The Trakt request (GET /sync/history) was cancelled.' });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(statuses(logOf(fixture))).toEqual(['503 status']);
  });

  it('a signal already aborted sends nothing; every method takes one, writes included', async () => {
    const fixture = await start();
    const client = traktClient(fixture);
    const signal = AbortSignal.abort();
    const calls = [
      client.lastActivities({ signal }),
      client.watchlist('all', undefined, { signal }),
      client.ratings('all', undefined, { signal }),
      client.search('the', { signal }),
      client.lookupById('tvdb', 1, 'show', { signal }),
      client.addToWatchlist({ movies: [{ ids: { trakt: 1 } }] }, { signal }),
      client.addHistory({ movies: [{ ids: { trakt: 1 } }] }, { signal }),
      client.removeRatings({ movies: [{ ids: { trakt: 1 } }] }, { signal }),
    ];
    for (const call of calls) expect(await failure(call)).toMatchObject(CANCELLED);
    expect(logOf(fixture)).toHaveLength(0);
  });

  it('without a signal, calls work as before, and a signal that never fires changes nothing', async () => {
    const fixture = await start();
    const client = traktClient(fixture);
    const plain = await client.settings();
    expect(await client.settings({ signal: new AbortController().signal })).toEqual(plain);
  });
});
