import { describe, expect, it } from 'vitest';
import type { ServiceFetch } from '../../../../../main/providers/http/service-fetch';
import { createMalClient } from '../../../../../main/providers/mal/client';
import { AppError } from '../../../../../shared/contract';

/** MyAnimeList answers (API-NOTES §4 "Errors") as the errors a user sees, with a stubbed ServiceFetch. */

const api = 'https://api.myanimelist.net/v2';

function answering(status: number, body: unknown): ServiceFetch {
  return async () => Response.json(body, { status });
}

async function failure(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.catch((caught: unknown) => caught);
  if (!(error instanceof AppError)) throw new Error(`expected an AppError, got ${String(error)}`);
  return error;
}

describe('MyAnimeList client errors', () => {
  it.each([
    [401, { error: 'invalid_token', message: 'token is invalid' }, 'unauthenticated'],
    [403, { error: 'forbidden', message: '' }, 'rate_limited'],
    [400, { error: 'bad_request', message: 'invalid q' }, 'validation'],
    [404, { error: 'not_found', message: '' }, 'not_found'],
    [503, { error: 'x' }, 'unavailable'],
  ] as const)('HTTP %i is %s', async (status, body, code) => {
    const error = await failure(createMalClient({ api, fetch: answering(status, body) }).details('anime', 1));
    expect(error.code).toBe(code);
    expect(error.message).toMatch(/MyAnimeList/);
  });

  it('a paging.next on another host is not followed, so the token never leaves the API', async () => {
    const seen: string[] = [];
    const fetch: ServiceFetch = async (input, init) => {
      seen.push(new Request(input, init).url);
      const item = { node: { id: 1, title: 'T' }, list_status: { status: 'watching', updated_at: '2026-11-01T00:00:00+00:00' } };
      return Response.json({ data: [item], paging: { next: 'https://elsewhere.example/v2/users/@me/animelist?offset=1000' } });
    };
    const error = await failure(createMalClient({ api, fetch }).animeList());
    expect(error).toMatchObject({ code: 'unavailable', message: expect.stringMatching(/next page on another host \(elsewhere\.example\)/) });
    expect(seen).toHaveLength(1);
  });

  it('follows paging.next on the API host until it is gone', async () => {
    const seen: string[] = [];
    const status = { status: 'watching', updated_at: '2026-11-01T00:00:00+00:00' };
    const fetch: ServiceFetch = async (input, init) => {
      const url = new Request(input, init).url;
      seen.push(url);
      const offset = Number(new URL(url).searchParams.get('offset') ?? 0);
      const next = offset < 2000 ? `${api}/users/@me/animelist?offset=${offset + 1000}&limit=1000` : undefined;
      return Response.json({ data: [{ node: { id: offset + 1, title: `T${offset}` }, list_status: status }], paging: next ? { next } : {} });
    };
    const entries = await createMalClient({ api, fetch }).animeList();
    expect(entries.map((entry) => entry.ids.mal)).toEqual([1, 1001, 2001]);
    expect(seen).toHaveLength(3);
    expect(new URL(seen[0]!).searchParams.get('limit')).toBe('1000');
  });

  it('an empty page that still links onwards ends the list instead of looping', async () => {
    let calls = 0;
    const fetch: ServiceFetch = async () => {
      calls += 1;
      return Response.json({ data: [], paging: { next: `${api}/users/@me/animelist?offset=0` } });
    };
    await expect(createMalClient({ api, fetch }).animeList()).resolves.toEqual([]);
    expect(calls).toBe(1);
  });

  it('long anime queries are cut to MAL\'s 64 characters instead of failing', async () => {
    const seen: string[] = [];
    const fetch: ServiceFetch = async (input, init) => {
      seen.push(new Request(input, init).url);
      return Response.json({ data: [], paging: {} });
    };
    await createMalClient({ api, fetch }).search('anime', 'x'.repeat(80));
    expect(new URL(seen[0]!).searchParams.get('q')).toHaveLength(64);
  });
});
