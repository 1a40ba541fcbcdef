import { describe, expect, it } from 'vitest';
import { createServiceFetch } from '../../../../../main/providers/http/create-service-fetch';
import { NOT_IDEMPOTENT_HEADER } from '../../../../../main/providers/http/retry-rules';
import { createTraktClient } from '../../../../../main/providers/trakt/client';
import { AppError } from '../../../../../shared/contract/errors';
import { connectionReset, fakeFetch, fakeScheduler, json } from '../http/fakes';

/**
 * The Trakt client on a fake fetch, alone and over the real pipeline: which writes may be repeated, how an
 * abort and a garbled body reach the caller.
 */
const API = 'https://api.trakt.example';
const counts = { movies: 1, shows: 0, seasons: 0, episodes: 0 };
const added = { added: counts, existing: counts, not_found: { movies: [], shows: [], seasons: [], episodes: [] } };

function overPipeline(fetchImpl: typeof fetch) {
  const credentials = { headers: async () => ({ authorization: 'Bearer t' }), rejected: () => undefined };
  const fetch = createServiceFetch({ service: 'trakt', credentials, scheduler: fakeScheduler(), random: () => 0, fetchImpl });
  return createTraktClient({ api: API, clientId: 'id', fetch });
}

async function failure(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(() => undefined, (caught: unknown) => caught);
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe('Trakt client: writes, aborts and garbled answers', () => {
  it('marks only POST /sync/history as not to be repeated (each call adds plays)', async () => {
    const seen: Request[] = [];
    const fetch = async (input: string | URL | Request, init?: RequestInit) => {
      seen.push(new Request(input, init));
      return json(201, added);
    };
    const client = createTraktClient({ api: API, clientId: 'id', fetch });
    await client.addHistory({ movies: [{ ids: { trakt: 1 } }] });
    await client.addToWatchlist({ movies: [{ ids: { trakt: 1 } }] });
    expect(seen.map((request) => request.headers.has(NOT_IDEMPOTENT_HEADER))).toEqual([true, false]);
  });

  it('over the pipeline, a reset history add is not sent again; a reset watchlist add is, and the marker never leaves', async () => {
    const history = fakeFetch([connectionReset()]);
    expect(await failure(overPipeline(history).addHistory({ movies: [{ ids: { trakt: 1 } }] }))).toMatchObject({ code: 'network' });
    expect(history.calls).toHaveLength(1);

    const watchlist = fakeFetch([connectionReset(), json(201, added)]);
    expect((await overPipeline(watchlist).addToWatchlist({ movies: [{ ids: { trakt: 1 } }] })).added.movies).toBe(1);
    expect(watchlist.calls).toHaveLength(2);
    expect([...history.calls, ...watchlist.calls].some((call) => call.headers.has(NOT_IDEMPOTENT_HEADER))).toBe(false);
  });

  it('hands the caller\'s signal down, and its abort becomes the "cancelled" AppError with no second attempt', async () => {
    const controller = new AbortController();
    const fetchImpl = fakeFetch([(_call, signal) => new Promise<Response>((_resolve, reject) => signal?.addEventListener('abort', () => reject(signal.reason), { once: true }))]);
    const pending = failure(overPipeline(fetchImpl).ratings('shows', 8, { signal: controller.signal }));
    await new Promise((resolve) => setTimeout(resolve, 10));
    controller.abort(new Error('the user stopped the sync'));
    expect(await pending).toMatchObject({ code: 'timeout', retryable: false, message: 'The Trakt request (GET /sync/ratings) was cancelled.' });
    expect(fetchImpl.calls).toHaveLength(1);
  });

  it('a JSON-typed body that does not parse is named as not JSON, not as an odd shape', async () => {
    const fetch = async () => new Response('{"user": {"username": "a"', { status: 200, headers: { 'content-type': 'application/json' } });
    const error = await failure(createTraktClient({ api: API, clientId: 'id', fetch }).settings());
    expect(error).toMatchObject({ code: 'unavailable', message: expect.stringMatching(/^Trakt answered GET \/users\/settings with a body that is not JSON \(.+\)\. Try again later\.$/) });
  });
});
