import { describe, expect, it } from 'vitest';
import { createServiceFetch } from '../../../../../main/providers/http/create-service-fetch';
import type { CredentialSource } from '../../../../../main/providers/http/service-fetch';
import { createPlexServerClient } from '../../../../../main/providers/plex/client';
import { AppError } from '../../../../../shared/contract/errors';
import { fakeFetch, fakeScheduler, json } from '../http/fakes';

/**
 * The Plex client over the real pipeline on a fake fetch, for what the Plex emulator does not send: the 498
 * a Media Server answers for an expired JWT (API-NOTES §2 "JWT auth"), and a fetch that only ends on abort.
 */
function credentials(): CredentialSource & { rejections: number } {
  const source = {
    rejections: 0,
    headers: async () => ({ 'x-plex-token': 'jwt-token' }),
    rejected: () => void (source.rejections += 1),
  };
  return source;
}

function clientOver(fetchImpl: typeof fetch, source = credentials()) {
  const serviceFetch = createServiceFetch({ service: 'plex', credentials: source, scheduler: fakeScheduler(), fetchImpl });
  return createPlexServerClient({ baseUrl: 'http://plex.example:32400', fetch: serviceFetch, clientIdentifier: 'install-1' });
}

async function failure(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(() => undefined, (caught: unknown) => caught);
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

const html498 = () => new Response('<html><head><title>Token expired</title></head><body><h1>498</h1></body></html>', { status: 498, headers: { 'content-type': 'text/html' } });

describe('Plex client over the pipeline (fake fetch)', () => {
  it('an expired JWT (498) is "sign in again", reported once; later calls send nothing', async () => {
    const source = credentials();
    const fetchImpl = fakeFetch([html498()]);
    const client = clientOver(fetchImpl, source);
    const error = await failure(client.sections());
    expect(error).toMatchObject({ code: 'unauthenticated', message: expect.stringMatching(/^Your Plex server needs you to sign in again/) });
    expect(source.rejections).toBe(1);
    expect((await failure(client.scrobble('5'))).code).toBe('unauthenticated');
    expect(fetchImpl.calls).toHaveLength(1);
    expect(fetchImpl.calls[0]?.headers.get('x-plex-token')).toBe('jwt-token');
    expect(source.rejections).toBe(1);
  });

  it('hands the caller\'s signal down to the fetch, and its abort becomes the "cancelled" AppError', async () => {
    const controller = new AbortController();
    const seen: Array<AbortSignal | undefined> = [];
    const fetchImpl = fakeFetch([
      (_call, signal) => {
        seen.push(signal);
        return new Promise<Response>((_resolve, reject) => signal?.addEventListener('abort', () => reject(signal.reason), { once: true }));
      },
    ]);
    const pending = failure(clientOver(fetchImpl).metadata('5', { signal: controller.signal }));
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(seen).toHaveLength(1);
    controller.abort();
    expect(await pending).toMatchObject({ code: 'timeout', retryable: false, message: 'The Plex server request (GET /library/metadata/{ids}) was cancelled.' });
    expect(fetchImpl.calls).toHaveLength(1);
  });

  it('a call without a signal still reads normally', async () => {
    const client = clientOver(fakeFetch([json(200, { MediaContainer: { Metadata: [{ ratingKey: '5', type: 'movie', title: 'M' }] } })]));
    expect(await client.metadata('5')).toMatchObject({ ratingKey: '5', title: 'M' });
  });
});
