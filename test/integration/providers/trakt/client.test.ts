import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTraktClient, type TraktClient } from '../../../../main/providers/trakt/client';
import { AppError } from '../../../../shared/contract/errors';
import { startEmulators, type RunningEmulators } from '../../../emulators/start-emulators';
import { defaultTraktClient, type TraktService } from '../../../emulators/trakt/index';

/**
 * The Trakt client against the Trakt emulator on the small seed. The real pipeline adds Authorization and
 * paces writes to 1 per second; here a plain fetch wrapper adds the token, and the emulator's write limit is
 * raised so the tests do not wait.
 */
let emulators: RunningEmulators;
let trakt: TraktService;
let client: TraktClient;
const sentHeaders: Headers[] = [];

function authedFetch(token: string): typeof fetch {
  return (input, init) => {
    const request = new Request(input, init);
    const headers = new Headers(request.headers);
    headers.set('authorization', `Bearer ${token}`);
    sentHeaders.push(headers);
    return fetch(new Request(request, { headers }));
  };
}

beforeAll(async () => {
  emulators = await startEmulators({ seed: 'small', limits: { trakt: { writesPerSecond: 1000 } } });
  trakt = emulators.services.trakt as TraktService;
  client = createTraktClient({ api: emulators.servicesConfig.trakt.api, clientId: defaultTraktClient.id, fetch: authedFetch(trakt.state.issueToken().access_token) });
});
afterAll(async () => emulators.close());

const movies = () => trakt.state.catalogue.movies;
const shows = () => trakt.state.catalogue.shows;
const traktRequests = (endpoint: string) => emulators.log.forService('trakt').filter((entry) => entry.endpoint === endpoint);

describe('Trakt client', () => {
  it('sends trakt-api-version, trakt-api-key and a JSON content type on every call', async () => {
    sentHeaders.length = 0;
    await client.settings();
    await client.removeFromWatchlist({ movies: [] });
    expect(sentHeaders).toHaveLength(2);
    for (const headers of sentHeaders) {
      expect(headers.get('trakt-api-version')).toBe('2');
      expect(headers.get('trakt-api-key')).toBe(defaultTraktClient.id);
      expect(headers.get('content-type')).toMatch(/application\/json/);
    }
  });

  it('is refused by the emulator with a client ID Trakt does not know, as a clear AppError', async () => {
    const stranger = createTraktClient({ api: emulators.servicesConfig.trakt.api, clientId: 'not-registered', fetch: authedFetch(trakt.state.issueToken().access_token) });
    await expect(stranger.settings()).rejects.toMatchObject({ code: 'forbidden', message: expect.stringMatching(/client ID/) });
  });

  it('reads the account and its limits from /users/settings', async () => {
    const settings = await client.settings();
    expect(settings.user).toMatchObject({ username: emulators.world.users.trakt.username, slug: emulators.world.users.trakt.slug, vip: false });
    expect(settings.limits.watchlistItems).toBe(emulators.world.users.trakt.watchlistLimit);
    expect(settings.limits.lists).toBe(emulators.world.users.trakt.listLimit);
  });

  it('moves last_activities after a watchlist add, and counts added, existing and not_found exactly', async () => {
    const before = await client.lastActivities();
    const [fresh, other] = movies().filter((movie) => !trakt.state.library.onWatchlist(movie));
    const onList = trakt.state.library.watchlist[0]?.record;
    if (!onList) throw new Error('the small seed has an empty Trakt watchlist');
    const category = `${onList.type}s` as 'movies' | 'shows' | 'seasons' | 'episodes';
    const wanted = [{ ids: { trakt: fresh?.ids.trakt } }, { ids: { imdb: other?.ids.imdb ?? undefined } }, { ids: { trakt: 999_999_999 } }];
    await new Promise((resolve) => setTimeout(resolve, 5));
    const result = await client.addToWatchlist(category === 'movies' ? { movies: [...wanted, { ids: { trakt: onList.ids.trakt } }] } : { movies: wanted, [category]: [{ ids: { trakt: onList.ids.trakt } }] });
    expect(result.added).toEqual({ movies: 2, shows: 0, seasons: 0, episodes: 0 });
    expect(result.existing).toEqual({ movies: 0, shows: 0, seasons: 0, episodes: 0, [category]: 1 });
    expect(result.notFound.movies).toEqual([{ ids: { trakt: 999_999_999 } }]);
    const after = await client.lastActivities();
    expect(Date.parse(after.all)).toBeGreaterThan(Date.parse(before.all));
    expect(Date.parse(after.movies.watchlisted_at ?? '')).toBeGreaterThan(Date.parse(before.movies.watchlisted_at ?? ''));

    const removed = await client.removeFromWatchlist({ movies: [{ ids: { trakt: fresh?.ids.trakt } }, { ids: { trakt: other?.ids.trakt } }, { ids: { slug: 'no-such-movie' } }] });
    expect(removed.deleted).toEqual({ movies: 2, shows: 0, seasons: 0, episodes: 0 });
    expect(removed.notFound.movies).toEqual([{ ids: { slug: 'no-such-movie' } }]);
  });

  it('reads a watchlist longer than one page by following X-Pagination-Page-Count at 250 a page', async () => {
    trakt.state.limits.watchlistLimit = 1000;
    const extra = movies().filter((movie) => !trakt.state.library.onWatchlist(movie)).slice(0, 300);
    expect((await client.addToWatchlist({ movies: extra.map((movie) => ({ ids: { trakt: movie.ids.trakt } })) })).added.movies).toBe(300);
    const expected = trakt.state.library.watchlist.length;
    emulators.log.clear();
    const all = await client.watchlist();
    expect(all).toHaveLength(expected);
    expect(new Set(all.map((item) => item.id)).size).toBe(expected);
    expect(all.map((item) => item.rank)).toEqual([...all.map((item) => item.rank)].sort((a, b) => a - b));
    expect(traktRequests('GET /sync/watchlist/{type}/{sort_by}/{sort_how}')).toHaveLength(2);
    const onlyMovies = await client.watchlist('movies', { by: 'title', how: 'asc' });
    expect(onlyMovies.every((item) => item.type === 'movie')).toBe(true);
    await client.removeFromWatchlist({ movies: extra.map((movie) => ({ ids: { trakt: movie.ids.trakt } })) });
    trakt.state.limits.watchlistLimit = null;
  });

  it('turns a full watchlist (HTTP 420) into an error naming the limit and what to do', async () => {
    trakt.state.limits.watchlistLimit = trakt.state.library.watchlist.length;
    const movie = movies().find((candidate) => !trakt.state.library.onWatchlist(candidate));
    const error = await client.addToWatchlist({ movies: [{ ids: { trakt: movie?.ids.trakt } }] }).catch((caught: unknown) => caught);
    trakt.state.limits.watchlistLimit = null;
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: 'too_large', retryable: false });
    expect((error as AppError).message).toMatch(new RegExp(`limit of ${trakt.state.library.watchlist.length} items`));
    expect((error as AppError).message).toMatch(/VIP/);
    expect((error as AppError).message).toMatch(/Remove items/);
  });

  it('adds, reads and removes history, paging newest first', async () => {
    const movie = movies()[5];
    const added = await client.addHistory({ movies: [{ ids: { trakt: movie?.ids.trakt }, watched_at: '2026-03-01T10:00:00.000Z' }], episodes: [{ ids: { trakt: 1 } }] });
    expect(added.added).toEqual({ movies: 1, episodes: 0 });
    expect(added.notFound.episodes).toEqual([{ ids: { trakt: 1 } }]);
    const movieHistory = await client.history('movies', { limit: 1000 });
    expect(movieHistory.pagination.limit).toBe(250);
    expect(movieHistory.items.find((item) => item.type === 'movie' && item.movie.ids.trakt === movie?.ids.trakt)).toMatchObject({ watchedAt: '2026-03-01T10:00:00.000Z', action: 'watch' });
    const total = trakt.state.library.history.length;
    const page2 = await client.history(undefined, { page: 2, limit: 100 });
    expect(page2.pagination).toEqual({ page: 2, limit: 100, pageCount: Math.ceil(total / 100), itemCount: total });
    const page1 = await client.history(undefined, { page: 1, limit: 100 });
    expect(Date.parse(page1.items.at(-1)?.watchedAt ?? '')).toBeGreaterThanOrEqual(Date.parse(page2.items[0]?.watchedAt ?? ''));
    const removed = await client.removeHistory({ movies: [{ ids: { trakt: movie?.ids.trakt } }], ids: [1] });
    expect(removed.deleted.movies).toBeGreaterThanOrEqual(1);
    expect(removed.notFound.ids).toEqual([1]);
  });

  it('round-trips ratings', async () => {
    const show = shows()[3];
    const added = await client.addRatings({ shows: [{ ids: { tvdb: show?.ids.tvdb ?? undefined, trakt: show?.ids.trakt }, rating: 8, rated_at: '2026-02-02T00:00:00.000Z' }] });
    expect(added.added.shows).toBe(1);
    const eights = await client.ratings('shows', 8);
    expect(eights.find((item) => item.type === 'show' && item.show.ids.trakt === show?.ids.trakt)).toMatchObject({ rating: 8, ratedAt: '2026-02-02T00:00:00.000Z' });
    expect((await client.ratings()).length).toBe(trakt.state.library.ratings.size);
    expect((await client.removeRatings({ shows: [{ ids: { trakt: show?.ids.trakt } }] })).deleted.shows).toBe(1);
    expect((await client.ratings('shows')).some((item) => item.type === 'show' && item.show.ids.trakt === show?.ids.trakt)).toBe(false);
  });

  it('searches with type, year and genre filters, and pages', async () => {
    const target = movies().find((movie) => movie.year !== null && movie.genres.length > 0);
    const found = await client.search(target?.title ?? '', { types: ['movie'], years: target?.year ?? undefined, genres: [target?.genres[0] ?? ''] });
    expect(found.items[0]).toMatchObject({ type: 'movie', movie: { title: target?.title, year: target?.year, ids: { trakt: target?.ids.trakt } } });
    expect(found.items.every((item) => item.type === 'movie' && item.movie.year === target?.year)).toBe(true);
    const first = await client.search('the', { types: ['movie', 'show'], page: 1, limit: 5 });
    const second = await client.search('the', { types: ['movie', 'show'], page: 2, limit: 5 });
    expect(first.items).toHaveLength(5);
    expect(first.pagination).toMatchObject({ page: 1, limit: 5 });
    expect(first.pagination.itemCount).toBeGreaterThan(10);
    expect(second.pagination.page).toBe(2);
    expect(second.items[0]).not.toEqual(first.items[0]);
  });

  it('looks titles up by tvdb, tmdb and imdb id', async () => {
    const show = shows().find((candidate) => candidate.ids.tvdb && candidate.ids.tmdb && candidate.ids.imdb);
    const byTvdb = await client.lookupById('tvdb', show?.ids.tvdb ?? 0, 'show');
    expect(byTvdb).toEqual([expect.objectContaining({ type: 'show', show: expect.objectContaining({ ids: expect.objectContaining({ trakt: show?.ids.trakt }) }) })]);
    expect((await client.lookupById('imdb', show?.ids.imdb ?? '', 'show'))[0]).toMatchObject({ type: 'show', show: { title: show?.title } });
    const byTmdb = await client.lookupById('tmdb', show?.ids.tmdb ?? 0);
    expect(byTmdb.some((item) => item.type === 'show' && item.show.ids.trakt === show?.ids.trakt)).toBe(true);
    expect(await client.lookupById('tvdb', 987_654_321)).toEqual([]);
  });
});
