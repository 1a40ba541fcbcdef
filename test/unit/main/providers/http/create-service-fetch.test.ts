import { describe, expect, it, vi } from 'vitest';
import { AppError } from '../../../../../shared/contract/errors';
import { createServiceFetch, type ServiceFetchOptions } from '../../../../../main/providers/http/create-service-fetch';
import { malPolicy, plexPolicy, traktPolicy } from '../../../../../main/providers/http/rate-policy';
import { NOT_IDEMPOTENT_HEADER } from '../../../../../main/providers/http/retry-rules';
import type { CredentialSource } from '../../../../../main/providers/http/service-fetch';
import { connectionRefused, connectionReset, fakeFetch, fakeScheduler, json, recordingLogger } from './fakes';

const URL_ = 'https://api.example.test/v2/list?access_token=secret123';

function setup(replies: Parameters<typeof fakeFetch>[0], options: Partial<ServiceFetchOptions> = {}) {
  const scheduler = fakeScheduler();
  const fetchImpl = fakeFetch(replies, scheduler);
  const logger = recordingLogger();
  const serviceFetch = createServiceFetch({ service: 'plex', policy: plexPolicy, scheduler, fetchImpl, logger, random: () => 0.5, ...options });
  return { scheduler, fetchImpl, logger, serviceFetch };
}

function credentials(token = 'tok-1') {
  const rejected = vi.fn<() => void>();
  const source: CredentialSource = { headers: async () => ({ authorization: `Bearer ${token}` }), rejected };
  return Object.assign(source, { rejected });
}

async function failure(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe('createServiceFetch', () => {
  it('reads through 500, 502, 503, a reset and a 504, backing off with jitter, and returns the answer', async () => {
    const { serviceFetch, fetchImpl, scheduler, logger } = setup(
      [json(500, {}), json(502, {}), json(503, {}), connectionReset(), json(200, { page: 1 })],
      { retry: { maxAttempts: 5, baseDelayMs: 100, maxDelayMs: 1000 } },
    );
    const response = await serviceFetch(URL_);
    expect(await response.json()).toEqual({ page: 1 });
    expect(fetchImpl.calls).toHaveLength(5);
    // random() = 0.5: half of 100, 200, 400, 800.
    expect(scheduler.sleeps).toEqual([50, 100, 200, 400]);
    const warnings = logger.lines.filter((line) => line.level === 'warn');
    expect(warnings).toHaveLength(4);
    expect(warnings[0]!.fields).toMatchObject({ service: 'plex', method: 'GET', path: '/v2/list', status: 500, attempt: 1 });
    expect(JSON.stringify(logger.lines)).not.toContain('secret123');
  });

  it('gives up after maxAttempts with an unavailable error naming the service', async () => {
    const { serviceFetch, fetchImpl } = setup([json(503, {})], { service: 'trakt', policy: traktPolicy, retry: { maxAttempts: 3 } });
    const error = await failure(serviceFetch(URL_));
    expect(error.code).toBe('unavailable');
    expect(error.retryable).toBe(true);
    expect(error.message).toMatch(/^Trakt is having trouble \(HTTP 503\)/);
    expect(fetchImpl.calls).toHaveLength(3);
  });

  it('a write is not repeated after a 500, but is after a 503 and a 429', async () => {
    const once = setup([json(500, {})]);
    const error = await failure(once.serviceFetch(URL_, { method: 'PUT', body: 'a=1' }));
    expect(error.message).toMatch(/did not repeat this change/);
    expect(once.fetchImpl.calls).toHaveLength(1);

    const again = setup([json(503, {}), json(429, {}, { 'retry-after': '2' }), json(200, { ok: true })]);
    const response = await again.serviceFetch(URL_, { method: 'PUT', body: 'a=1' });
    expect(response.status).toBe(200);
    expect(again.fetchImpl.calls.map((call) => call.body)).toEqual(['a=1', 'a=1', 'a=1']);
  });

  it('a write after a reset is retried, unless the client marked it not idempotent', async () => {
    const plain = setup([connectionReset(), json(201, {})]);
    expect((await plain.serviceFetch(URL_, { method: 'POST', body: '{}' })).status).toBe(201);

    const marked = setup([connectionReset(), json(201, {})]);
    const error = await failure(marked.serviceFetch(URL_, { method: 'POST', body: '{}', headers: { [NOT_IDEMPOTENT_HEADER]: '1' } }));
    expect(error.code).toBe('network');
    expect(error.message).toMatch(/ECONNRESET/);
    expect(marked.fetchImpl.calls).toHaveLength(1);
    expect(marked.fetchImpl.calls[0]!.headers.has(NOT_IDEMPOTENT_HEADER)).toBe(false);

    const refused = setup([connectionRefused(), json(201, {})]);
    expect((await refused.serviceFetch(URL_, { method: 'POST', body: '{}', headers: { [NOT_IDEMPOTENT_HEADER]: '1' } })).status).toBe(201);
  });

  it('a request that hangs times out, is retried, and ends as a timeout error', async () => {
    const hang = (_call: unknown, signal: AbortSignal | undefined) =>
      new Promise<Response>((_resolve, reject) => signal?.addEventListener('abort', () => reject(signal.reason)));
    const { serviceFetch, fetchImpl } = setup([hang], { timeoutMs: 20, retry: { maxAttempts: 2 } });
    const error = await failure(serviceFetch(URL_));
    expect(error.code).toBe('timeout');
    expect(error.message).toMatch(/^Your Plex server did not answer within 1 s/);
    expect(fetchImpl.calls).toHaveLength(2);
  });

  it('the caller\'s abort ends the request at once with an AbortError and no retry', async () => {
    const controller = new AbortController();
    const hang = (_call: unknown, signal: AbortSignal | undefined) => {
      queueMicrotask(() => controller.abort());
      return new Promise<Response>((_resolve, reject) => signal?.addEventListener('abort', () => reject(signal.reason)));
    };
    const { serviceFetch, fetchImpl } = setup([hang]);
    await expect(serviceFetch(URL_, { signal: controller.signal })).rejects.toMatchObject({ name: 'AbortError' });
    expect(fetchImpl.calls).toHaveLength(1);

    const early = setup([json(200, {})]);
    const aborted = AbortSignal.abort();
    await expect(early.serviceFetch(URL_, { signal: aborted })).rejects.toMatchObject({ name: 'AbortError' });
    expect(early.fetchImpl.calls).toHaveLength(0);
  });

  it('a 401 latches the account: rejected() once, then every request fails fast; another account is unaffected', async () => {
    const mine = credentials('mine');
    const { serviceFetch, fetchImpl } = setup([json(401, { error: 'invalid_token' })], { service: 'mal', policy: malPolicy, credentials: mine });
    const first = await failure(serviceFetch(URL_));
    expect(first.code).toBe('unauthenticated');
    expect(first.message).toMatch(/^MyAnimeList needs you to sign in again/);
    expect(serviceFetch.needsSignIn).toBe(true);
    const later = await failure(serviceFetch(URL_, { method: 'PUT', body: 'a=1' }));
    expect(later.code).toBe('unauthenticated');
    expect(fetchImpl.calls).toHaveLength(1);
    expect(mine.rejected).toHaveBeenCalledTimes(1);

    const other = setup([json(200, { ok: 1 })], { service: 'mal', policy: malPolicy, credentials: credentials('other') });
    expect((await other.serviceFetch(URL_)).status).toBe(200);
    expect(other.fetchImpl.calls[0]!.headers.get('authorization')).toBe('Bearer other');
  });

  it('AniList\'s "Invalid token" (HTTP 400 in its error envelope) is a refused token too', async () => {
    const body = { errors: [{ message: 'Invalid token', status: 400, locations: [{ line: 2, column: 3 }] }], data: { Viewer: null } };
    const source = credentials();
    const { serviceFetch } = setup([json(400, body)], { service: 'anilist', credentials: source, policy: { ...plexPolicy, headers: 'anilist' } });
    expect((await failure(serviceFetch(URL_, { method: 'POST', body: '{}' }))).code).toBe('unauthenticated');
    expect(source.rejected).toHaveBeenCalledOnce();

    // Without credentials the answer is the client's to read (e.g. a token exchange).
    const anonymous = setup([json(400, body)], { service: 'anilist' });
    expect((await anonymous.serviceFetch(URL_)).status).toBe(400);
  });

  it('a credential source that can refresh gets one chance before the account is latched', async () => {
    let token = 'old';
    const source: CredentialSource = {
      headers: async () => ({ authorization: `Bearer ${token}` }),
      rejected: vi.fn(),
      refresh: vi.fn(async () => ((token = 'new'), true)),
    };
    const { serviceFetch, fetchImpl } = setup([json(401, {}), json(200, { ok: true })], { credentials: source });
    expect((await serviceFetch(URL_)).status).toBe(200);
    expect(fetchImpl.calls.map((call) => call.headers.get('authorization'))).toEqual(['Bearer old', 'Bearer new']);
    expect(source.rejected).not.toHaveBeenCalled();
  });

  it('Trakt\'s Cloudflare 429 pauses the account for its 300 s; the caller hears rate_limited, retryable', async () => {
    const page = new Response('<html><title>Access denied | api.trakt.tv used Cloudflare</title></html>', {
      status: 429,
      headers: { 'content-type': 'text/html; charset=UTF-8', 'retry-after': '300' },
    });
    const { serviceFetch, fetchImpl, scheduler } = setup([page], { service: 'trakt', policy: traktPolicy });
    const error = await failure(serviceFetch(URL_));
    expect(error.code).toBe('rate_limited');
    expect(error.retryable).toBe(true);
    expect(error.message).toMatch(/^Trakt's firewall \(Cloudflare\) is refusing requests for 5 minutes/);
    // Later requests do not touch the network until the pause is over.
    await failure(serviceFetch(URL_));
    expect(fetchImpl.calls).toHaveLength(1);
    scheduler.advance(300_000);
    await failure(serviceFetch(URL_));
    expect(fetchImpl.calls).toHaveLength(2);
  });

  it('a 429 with a short Retry-After is waited out and retried', async () => {
    const { serviceFetch, fetchImpl } = setup([json(429, {}, { 'retry-after': '30' }), json(200, {})], { service: 'trakt', policy: traktPolicy });
    expect((await serviceFetch(URL_)).status).toBe(200);
    expect(fetchImpl.calls[1]!.at - fetchImpl.calls[0]!.at).toBeGreaterThanOrEqual(30_000);
  });

  it('MAL\'s 403 throttle: each further refusal doubles the pause; persistent refusal ends as rate_limited', async () => {
    const { serviceFetch, fetchImpl } = setup([json(403, { message: '', error: 'forbidden' })], { service: 'mal', policy: malPolicy, retry: { maxAttempts: 4 } });
    const error = await failure(serviceFetch(URL_));
    expect(error.code).toBe('rate_limited');
    const gaps = fetchImpl.calls.slice(1).map((call, index) => call.at - fetchImpl.calls[index]!.at);
    expect(gaps).toEqual([10_000, 20_000, 40_000]);
  });

  it('AniList\'s "API temporarily disabled" 403 is unavailable at once', async () => {
    const body = { errors: [{ message: 'The AniList API has been temporarily disabled due to severe stability issues.', status: 403 }], data: null };
    const { serviceFetch, fetchImpl } = setup([json(403, body)], { service: 'anilist', policy: { ...plexPolicy, headers: 'anilist' } });
    const error = await failure(serviceFetch(URL_));
    expect(error.code).toBe('unavailable');
    expect(error.message).toMatch(/^AniList has switched its API off for now/);
    expect(fetchImpl.calls).toHaveLength(1);
  });

  it('takes a Request as axios\'s fetch adapter sends it, replaying its body on a retry', async () => {
    const { serviceFetch, fetchImpl } = setup([json(503, {}), json(200, { saved: true })]);
    const request = new Request('https://api.example.test/v2/anime/1/my_list_status', {
      method: 'PATCH',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'status=watching',
    });
    const response = await serviceFetch(request);
    expect(await response.json()).toEqual({ saved: true });
    expect(fetchImpl.calls.map((call) => [call.method, call.body, call.headers.get('content-type')])).toEqual([
      ['PATCH', 'status=watching', 'application/x-www-form-urlencoded'],
      ['PATCH', 'status=watching', 'application/x-www-form-urlencoded'],
    ]);
    expect(response.url).toBe('https://api.example.test/v2/anime/1/my_list_status');
  });

  it('passes other answers (404, 420) through untouched for the client to read', async () => {
    const { serviceFetch } = setup([json(420, { error: 'limit' })], { service: 'trakt', policy: traktPolicy });
    const response = await serviceFetch(URL_, { method: 'POST', body: '{}' });
    expect(response.status).toBe(420);
    expect(await response.json()).toEqual({ error: 'limit' });
    const empty = setup([new Response(null, { status: 204 })]);
    expect((await empty.serviceFetch(URL_)).status).toBe(204);
  });
});

describe('createServiceFetch: requests queued behind a refused one', () => {
  it('do not go out once the account is latched', async () => {
    const source = credentials();
    const { serviceFetch, fetchImpl } = setup([json(401, {})], { service: 'mal', policy: malPolicy, credentials: source });
    const outcomes = await Promise.allSettled([serviceFetch(URL_), serviceFetch(URL_), serviceFetch(URL_)]);
    expect(outcomes.map((outcome) => outcome.status)).toEqual(['rejected', 'rejected', 'rejected']);
    expect(fetchImpl.calls).toHaveLength(1);
    expect(source.rejected).toHaveBeenCalledOnce();
  });
});
