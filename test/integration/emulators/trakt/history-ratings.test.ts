import { afterEach, describe, expect, it } from 'vitest';
import { startTrakt, type TraktHarness } from './harness';

let trakt: TraktHarness;
afterEach(() => trakt.close());

interface Play {
  id: number;
  watched_at: string;
  action: string;
  type: string;
  episode?: { season: number; number: number };
  movie?: { title: string };
}

const start = (limits: Record<string, unknown> = { writesPerSecond: 100 }) => startTrakt({ limits });

describe('Trakt history', () => {
  it('lists plays newest first with history ids, filtered by type, item and date range', async () => {
    trakt = await start();
    const all = (await trakt.api('GET', '/sync/history')).json as Play[];
    expect(all.map((play) => play.type)).toEqual(['movie', 'episode', 'episode']);
    expect(all[1]).toMatchObject({ action: 'watch', watched_at: '2025-04-02T20:00:00.000Z', episode: { season: 1, number: 2 } });
    const show = trakt.service.state.catalogue.shows.find((candidate) => candidate.ids.slug === 'attack-on-titan');
    expect(((await trakt.api('GET', `/sync/history/shows/${show?.ids.trakt}`)).json as Play[]).length).toBe(2);
    expect(((await trakt.api('GET', '/sync/history/movies')).json as Play[]).map((play) => play.movie?.title)).toEqual(['Your Name.']);
    const ranged = (await trakt.api('GET', '/sync/history?start_at=2025-04-02&end_at=2025-04-30')).json as Play[];
    expect(ranged.map((play) => play.episode?.number)).toEqual([2]);
  });

  it('expands a show or season to its episodes, reports not_found, and adds a play every time (no de-duplication)', async () => {
    trakt = await start();
    const body = {
      shows: [{ ids: { trakt: 1388 }, seasons: [{ number: 1, episodes: [{ number: 1 }, { number: 99 }] }] }],
      movies: [{ ids: { trakt: 120 }, watched_at: '2024-12-24T20:00:00.000Z' }],
    };
    const first = await trakt.api('POST', '/sync/history', { body });
    expect(first.status).toBe(200);
    expect(first.json).toEqual({
      added: { movies: 1, episodes: 1 },
      updated: { movies: 0, episodes: 0 },
      not_found: { movies: [], shows: [{ ids: { trakt: 1388 }, seasons: [{ number: 1, episodes: [{ number: 99 }] }] }], seasons: [], episodes: [] },
    });
    // The spec: "We don't verify the item + watched_at to ensure it's unique" — the same body doubles the plays.
    await trakt.api('POST', '/sync/history', { body });
    const movies = (await trakt.api('GET', '/sync/history/movies/120')).json as Play[];
    expect(movies.map((play) => play.watched_at)).toEqual(['2024-12-24T20:00:00.000Z', '2024-12-24T20:00:00.000Z']);

    const whole = await trakt.api('POST', '/sync/history', { body: { shows: [{ ids: { slug: 'breaking-bad' } }] } });
    expect(whole.json).toMatchObject({ added: { episodes: 20 } });
  });

  it('treats an unreadable watched_at as a validation error and "released" as the air date', async () => {
    trakt = await start();
    expect((await trakt.api('POST', '/sync/history', { body: { movies: [{ ids: { trakt: 120 }, watched_at: 'yesterday-ish' }] } })).status).toBe(422);
    await trakt.api('POST', '/sync/history', { body: { movies: [{ ids: { trakt: 120 }, watched_at: 'released' }] } });
    expect(((await trakt.api('GET', '/sync/history/movies/120')).json as Play[])[0]?.watched_at).toBe('2008-01-05T00:00:00.000Z');
  });

  it('removes all plays of an item, or single plays by history id, and moves watched_at activity', async () => {
    trakt = await start();
    const [moviePlay, episodePlay] = (await trakt.api('GET', '/sync/history')).json as Play[];
    trakt.clock.advance(5000);
    const removed = await trakt.api('POST', '/sync/history/remove', { body: { ids: [episodePlay?.id, 42] } });
    expect(removed.json).toMatchObject({ deleted: { movies: 0, episodes: 1 }, not_found: { ids: [42] } });
    const byItem = await trakt.api('POST', '/sync/history/remove', { body: { movies: [{ ids: { tmdb: 372058 } }] } });
    expect(byItem.json).toMatchObject({ deleted: { movies: 1, episodes: 0 } });
    expect(moviePlay?.type).toBe('movie');
    const activities = (await trakt.api('GET', '/sync/last_activities')).json as { movies: { watched_at: string }; episodes: { watched_at: string } };
    expect(activities.episodes.watched_at).toBe(new Date(trakt.clock.now()).toISOString());
    expect(activities.movies.watched_at).toBe(new Date(trakt.clock.now()).toISOString());
  });
});

interface Rating {
  rated_at: string;
  rating: number;
  type: string;
}

describe('Trakt ratings', () => {
  it('lists ratings newest first, by type and by value, unpaged unless asked (trakt/trakt-api#919)', async () => {
    trakt = await start();
    const all = await trakt.api('GET', '/sync/ratings');
    expect((all.json as Rating[]).map((rating) => [rating.type, rating.rating])).toEqual([
      ['show', 9],
      ['movie', 8],
    ]);
    expect(all.headers.get('x-pagination-page')).toBeNull();
    expect(((await trakt.api('GET', '/sync/ratings/movies/8,9,10')).json as Rating[]).length).toBe(1);
    expect(((await trakt.api('GET', '/sync/ratings/all/10')).json as Rating[]).length).toBe(0);
    expect((await trakt.api('GET', '/sync/ratings?page=1&limit=1')).headers.get('x-pagination-page-count')).toBe('2');
  });

  it('rates shows, seasons and episodes as named, replaces an existing rating, and reports not_found', async () => {
    trakt = await start();
    const answer = await trakt.api('POST', '/sync/ratings', {
      body: {
        movies: [{ ids: { trakt: 16662 }, rating: 10, rated_at: '2025-06-01T00:00:00.000Z' }, { ids: { imdb: 'tt0000001' }, rating: 5 }],
        shows: [{ ids: { trakt: 1388 }, rating: 9, seasons: [{ number: 2, rating: 7 }] }],
      },
    });
    expect(answer.status).toBe(201);
    expect(answer.json).toEqual({ added: { movies: 1, shows: 0, seasons: 1, episodes: 0 }, not_found: { movies: [{ ids: { imdb: 'tt0000001' }, rating: 5 }], shows: [], seasons: [], episodes: [] } });
    const movies = (await trakt.api('GET', '/sync/ratings/movies')).json as Rating[];
    expect(movies).toMatchObject([{ rating: 10, rated_at: '2025-06-01T00:00:00.000Z' }]);
    expect((await trakt.api('POST', '/sync/ratings', { body: { movies: [{ ids: { trakt: 120 }, rating: 11 }] } })).status).toBe(422);
  });

  it('removes ratings with deleted counts and moves rated_at activity', async () => {
    trakt = await start();
    trakt.clock.advance(1000);
    const answer = await trakt.api('POST', '/sync/ratings/remove', { body: { shows: [{ ids: { slug: 'attack-on-titan' } }], movies: [{ ids: { trakt: 120 } }] } });
    expect(answer.json).toMatchObject({ deleted: { movies: 0, shows: 1, seasons: 0, episodes: 0 }, not_found: { movies: [] } });
    const activities = (await trakt.api('GET', '/sync/last_activities')).json as { shows: { rated_at: string }; movies: { rated_at: string } };
    expect(activities.shows.rated_at).toBe(new Date(trakt.clock.now()).toISOString());
    expect(activities.movies.rated_at).toBe('2025-01-11T20:00:00.000Z');
  });
});
