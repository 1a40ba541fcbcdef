import { describe, expect, it } from 'vitest';
import { createTraktClient } from '../../../../../main/providers/trakt/client';
import { AppError } from '../../../../../shared/contract/errors';

/** The Trakt client on a fake fetch: how odd answers from the service become AppErrors. */
type Answer = { status?: number; body?: unknown; headers?: Record<string, string> };

function clientAnswering(answer: Answer, seen: Request[] = []) {
  const fetch = async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    seen.push(new Request(input, init));
    const body = answer.body === undefined ? null : JSON.stringify(answer.body);
    return new Response(body, { status: answer.status ?? 200, headers: { 'content-type': 'application/json', ...answer.headers } });
  };
  return createTraktClient({ api: 'https://api.trakt.example', clientId: 'client-id', fetch });
}

const movie = { type: 'movie', rank: 1, id: 10, listed_at: '2026-01-01T00:00:00.000Z', notes: null, movie: { title: 'A', year: 2001, ids: { trakt: 1, slug: 'a', imdb: 'tt1', tmdb: 2 } } };

describe('Trakt client parsing', () => {
  it('maps watchlist items to camelCase and tolerates fields it does not know', async () => {
    const client = clientAnswering({ body: [{ ...movie, brand_new_field: { x: 1 }, movie: { ...movie.movie, tagline: 'new' } }] });
    expect(await client.watchlist()).toEqual([{ type: 'movie', id: 10, rank: 1, listedAt: '2026-01-01T00:00:00.000Z', notes: null, movie: { title: 'A', year: 2001, ids: { trakt: 1, slug: 'a', imdb: 'tt1', tmdb: 2 } } }]);
  });

  it('names the service, the request and the field when a required field is missing', async () => {
    const client = clientAnswering({ body: [{ ...movie, movie: { title: 'A', year: 2001, ids: { slug: 'a' } } }] });
    const error = await client.watchlist().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).message).toMatch(/^Trakt answered GET \/sync\/watchlist without \[0\]\.movie\.ids\.trakt/);
    expect((error as AppError).issues?.[0]?.path).toBe('[0].movie.ids.trakt');
    expect((error as AppError).retryable).toBe(false);
  });

  it('sends the required headers and clamps page limits to 250', async () => {
    const seen: Request[] = [];
    const client = clientAnswering({ body: [], headers: { 'x-pagination-page': '1', 'x-pagination-limit': '250', 'x-pagination-page-count': '1', 'x-pagination-item-count': '0' } }, seen);
    await client.history('episodes', { limit: 1000 });
    expect(seen[0]?.headers.get('trakt-api-version')).toBe('2');
    expect(seen[0]?.headers.get('trakt-api-key')).toBe('client-id');
    expect(new URL(seen[0]?.url ?? '').searchParams.get('limit')).toBe('250');
  });

  it('explains a 420 with the limit Trakt reports, VIP, and removing items', async () => {
    const client = clientAnswering({ status: 420, headers: { 'x-account-limit': '100' } });
    await expect(client.addToWatchlist({ movies: [{ ids: { trakt: 1 } }] })).rejects.toMatchObject({
      code: 'too_large',
      message: expect.stringMatching(/limit of 100 items.*Remove items.*VIP/),
    });
  });

  it('passes an AppError from the pipeline through unchanged', async () => {
    const refused = new AppError('unauthenticated', 'from the pipeline');
    const client = createTraktClient({ api: 'https://api.trakt.example', clientId: 'id', fetch: () => Promise.reject(refused) });
    await expect(client.settings()).rejects.toBe(refused);
  });
});
