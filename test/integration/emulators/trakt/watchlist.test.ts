import { afterEach, describe, expect, it } from 'vitest';
import { startTrakt, type TraktHarness } from './harness';

let trakt: TraktHarness;
afterEach(() => trakt.close());

interface Item {
  rank: number;
  id: number;
  listed_at: string;
  type: string;
  movie?: { title: string; ids: { trakt: number } };
  show?: { title: string };
  season?: { number: number };
}

const aot = () => {
  const show = trakt.service.state.catalogue.shows.find((candidate) => candidate.ids.slug === 'attack-on-titan');
  if (!show) throw new Error('fixture lacks Attack on Titan');
  return show;
};

describe('Trakt watchlist reads', () => {
  it('lists every item by rank with the season carrying its show, paged by 100 when no page is asked', async () => {
    trakt = await startTrakt();
    const answer = await trakt.api('GET', '/sync/watchlist');
    const items = answer.json as Item[];
    expect(items.map((item) => [item.rank, item.type])).toEqual([
      [1, 'movie'],
      [2, 'show'],
      [3, 'season'],
    ]);
    expect(items[2]).toMatchObject({ season: { number: 2 }, show: { title: 'Attack on Titan' } });
    expect(items[0]?.listed_at).toBe('2025-01-10T10:00:00.000Z');
    expect(Object.fromEntries([...answer.headers].filter(([name]) => name.startsWith('x-')))).toEqual({
      'x-pagination-page': '1',
      'x-pagination-limit': '100',
      'x-pagination-page-count': '1',
      'x-pagination-item-count': '3',
      'x-sort-by': 'rank',
      'x-sort-how': 'asc',
    });
  });

  it('filters by type and sorts by added, title or released, either way', async () => {
    trakt = await startTrakt();
    const titles = async (path: string) => ((await trakt.api('GET', path)).json as Item[]).map((item) => item.movie?.title ?? item.show?.title);
    expect(await titles('/sync/watchlist/all/added/desc')).toEqual(['Attack on Titan', 'Breaking Bad', 'Inception']);
    expect(await titles('/sync/watchlist/all/title/asc')).toEqual(['Attack on Titan', 'Breaking Bad', 'Inception']);
    expect(await titles('/sync/watchlist/all/released/asc')).toEqual(['Breaking Bad', 'Inception', 'Attack on Titan']);
    expect(await titles('/sync/watchlist/movies')).toEqual(['Inception']);
    expect(await titles('/sync/watchlist/seasons/rank')).toEqual(['Attack on Titan']);
    expect((await trakt.api('GET', '/sync/watchlist/people')).status).toBe(400);
  });

  it('pages with X-Pagination headers and clamps a limit above 250 (trakt/trakt-api#925)', async () => {
    trakt = await startTrakt();
    const page = await trakt.api('GET', '/sync/watchlist/all/rank/asc?page=2&limit=2');
    expect((page.json as Item[]).map((item) => item.rank)).toEqual([3]);
    expect(page.headers.get('x-pagination-page-count')).toBe('2');
    expect((await trakt.api('GET', '/sync/watchlist?limit=1000')).headers.get('x-pagination-limit')).toBe('250');
  });

  it('answers minimal objects by default and complete ones with extended=full', async () => {
    trakt = await startTrakt();
    const minimal = (await trakt.api('GET', '/sync/watchlist/movies')).json as Array<{ movie: Record<string, unknown> }>;
    expect(Object.keys(minimal[0]?.movie ?? {})).toEqual(['title', 'year', 'ids']);
    const full = (await trakt.api('GET', '/sync/watchlist/movies?extended=full')).json as Array<{ movie: Record<string, unknown> }>;
    expect(full[0]?.movie).toMatchObject({ title: 'Inception', runtime: 148, genres: ['action', 'science-fiction'], certification: expect.any(String), released: '2010-01-05' });
  });
});

describe('Trakt watchlist writes', () => {
  it('adds a mixed batch with the real added/existing/not_found counts', async () => {
    trakt = await startTrakt();
    const episode = aot().seasons.find((season) => season.number === 1)?.episodes[4];
    const body = {
      movies: [{ ids: { trakt: 16662 } }, { ids: { imdb: 'tt0468569' } }, { ids: { tmdb: 999999999 } }],
      shows: [{ ids: { tvdb: 81189 } }, { ids: { slug: 'attack-on-titan' }, seasons: [{ number: 1 }, { number: 9 }] }],
      seasons: [{ ids: { trakt: aot().seasons.find((season) => season.number === 2)?.ids.trakt } }],
      episodes: [{ ids: { tvdb: episode?.ids.tvdb } }, { ids: { trakt: 1 } }],
    };
    const answer = await trakt.api('POST', '/sync/watchlist', { body });
    expect(answer.status).toBe(201);
    expect(answer.json).toEqual({
      added: { movies: 1, shows: 0, seasons: 1, episodes: 1 },
      existing: { movies: 1, shows: 1, seasons: 1, episodes: 0 },
      not_found: {
        movies: [{ ids: { tmdb: 999999999 } }],
        shows: [{ ids: { slug: 'attack-on-titan' }, seasons: [{ number: 9 }] }],
        seasons: [],
        episodes: [{ ids: { trakt: 1 } }],
      },
      list: { updated_at: new Date(trakt.clock.now()).toISOString(), item_count: 6 },
    });
  });

  it('removes with deleted counts; items not on the list count nowhere, unknown ones are not_found', async () => {
    trakt = await startTrakt();
    const answer = await trakt.api('POST', '/sync/watchlist/remove', {
      body: { movies: [{ ids: { slug: 'inception-2010' } }, { ids: { trakt: 120 } }, { ids: { imdb: 'tt0000000' } }], shows: [{ title: 'Breaking Bad', year: 2008 }] },
    });
    expect(answer.status).toBe(200);
    expect(answer.json).toMatchObject({ deleted: { movies: 1, shows: 1, seasons: 0, episodes: 0 }, not_found: { movies: [{ ids: { imdb: 'tt0000000' } }] }, list: { item_count: 1 } });
    const left = (await trakt.api('GET', '/sync/watchlist')).json as Item[];
    expect(left.map((item) => [item.rank, item.type])).toEqual([[1, 'season']]);
  });

  it('answers 420 with the VIP headers, adding nothing, when the batch would pass the watchlist limit', async () => {
    trakt = await startTrakt({ limits: { watchlistLimit: 4 } });
    const over = await trakt.api('POST', '/sync/watchlist', { body: { movies: [{ ids: { trakt: 120 } }, { ids: { tmdb: 372058 } }] } });
    expect(over.status).toBe(420);
    expect(over.headers.get('x-account-limit')).toBe('4');
    expect(over.headers.get('x-vip-user')).toBe('false');
    expect(over.headers.get('x-upgrade-url')).toBe('https://trakt.tv/vip');
    expect(((await trakt.api('GET', '/sync/watchlist')).json as Item[]).length).toBe(3);
    trakt.clock.advance(1000);
    const fits = await trakt.api('POST', '/sync/watchlist', { body: { movies: [{ ids: { trakt: 120 } }, { ids: { trakt: 16662 } }] } });
    expect(fits.json).toMatchObject({ added: { movies: 1 }, existing: { movies: 1 }, list: { item_count: 4 } });
  });

  it('keeps notes for VIP users and answers 426 VIP Only to others', async () => {
    trakt = await startTrakt();
    const free = await trakt.api('POST', '/sync/watchlist', { body: { movies: [{ ids: { trakt: 120 }, notes: 'rewatch in IMAX' }] } });
    expect(free.status).toBe(426);
    expect(free.headers.get('x-upgrade-url')).toBe('https://trakt.tv/vip');
    await trakt.close();
    const { fixtureWorld } = await import('./fixture-world');
    trakt = await startTrakt({ world: fixtureWorld({ vip: true }) });
    expect((await trakt.api('POST', '/sync/watchlist', { body: { movies: [{ ids: { trakt: 120 }, notes: 'rewatch in IMAX' }] } })).status).toBe(201);
    const items = (await trakt.api('GET', '/sync/watchlist/movies')).json as Array<{ notes: string | null; movie: { title: string } }>;
    expect(items.map((item) => [item.movie.title, item.notes])).toEqual([
      ['Inception', null],
      ['The Dark Knight', 'rewatch in IMAX'],
    ]);
  });

  it('moves last_activities on every write that changes the watchlist, and only then', async () => {
    trakt = await startTrakt();
    const activities = async () => (await trakt.api('GET', '/sync/last_activities')).json as { all: string; movies: { watchlisted_at: string }; shows: { watchlisted_at: string }; watchlist: { updated_at: string } };
    const before = await activities();
    trakt.clock.advance(60_000);
    await trakt.api('POST', '/sync/watchlist', { body: { movies: [{ ids: { trakt: 120 } }] } });
    const after = await activities();
    const now = new Date(trakt.clock.now()).toISOString();
    expect(after).toMatchObject({ all: now, movies: { watchlisted_at: now }, watchlist: { updated_at: now } });
    expect(after.shows.watchlisted_at).toBe(before.shows.watchlisted_at);

    trakt.clock.advance(60_000);
    await trakt.api('POST', '/sync/watchlist', { body: { movies: [{ ids: { trakt: 120 } }] } });
    expect(await activities()).toEqual(after);
  });
});
