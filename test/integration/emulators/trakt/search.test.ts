import { afterEach, describe, expect, it } from 'vitest';
import { startTrakt, type TraktHarness } from './harness';

let trakt: TraktHarness;
afterEach(() => trakt.close());

interface Hit {
  type: string;
  score: number;
  movie?: { title: string; year: number; ids: Record<string, unknown> };
  show?: { title: string; ids: Record<string, unknown> };
  episode?: { season: number; number: number };
}

const titlesOf = (hits: unknown) => (hits as Hit[]).map((hit) => hit.movie?.title ?? hit.show?.title);

describe('Trakt text search', () => {
  it('finds by title, original title and aliases, best score first, with integer scores', async () => {
    trakt = await startTrakt();
    const exact = (await trakt.api('GET', '/search/show?query=Attack%20on%20Titan')).json as Hit[];
    expect(exact[0]).toMatchObject({ type: 'show', score: 1000, show: { title: 'Attack on Titan', ids: { trakt: 1420, slug: 'attack-on-titan', tvdb: 267440 } } });
    expect(titlesOf((await trakt.api('GET', '/search/show?query=shingeki%20no%20kyojin')).json)).toEqual(['Attack on Titan']);
    expect(titlesOf((await trakt.api('GET', '/search/movie?query=kimi%20no%20na%20wa')).json)).toEqual(['Your Name.']);
    expect(titlesOf((await trakt.api('GET', '/search/movie?query=the%20dark')).json)).toEqual(['The Dark Knight']);
    expect(exact.every((hit) => Number.isInteger(hit.score))).toBe(true);
  });

  it('searches several types at once with a comma list', async () => {
    trakt = await startTrakt();
    const hits = (await trakt.api('GET', '/search/movie,show?query=a')).json as Hit[];
    expect(new Set(hits.map((hit) => hit.type))).toEqual(new Set(['movie', 'show']));
    expect((await trakt.api('GET', '/search/film?query=a')).status).toBe(400);
  });

  it('filters by years (one or a range) and genre slugs', async () => {
    trakt = await startTrakt();
    expect(titlesOf((await trakt.api('GET', '/search/movie?query=the&years=2008')).json)).toEqual(['The Dark Knight']);
    expect(titlesOf((await trakt.api('GET', '/search/movie,show?query=n&years=2010-2013')).json).sort()).toEqual(['Attack on Titan', 'Inception']);
    expect(titlesOf((await trakt.api('GET', '/search/movie?query=i&genres=science-fiction')).json)).toEqual(['Inception']);
    expect(titlesOf((await trakt.api('GET', '/search/show?query=a&genres=anime')).json)).toEqual(['Attack on Titan']);
  });

  it('pages 50 by default with X-Pagination headers, at most 250 per page', async () => {
    trakt = await startTrakt();
    const first = await trakt.api('GET', '/search/movie,show?query=a&limit=2');
    expect((first.json as Hit[]).length).toBe(2);
    const headers = Object.fromEntries([...first.headers].filter(([name]) => name.startsWith('x-pagination')));
    expect(headers).toEqual({ 'x-pagination-page': '1', 'x-pagination-limit': '2', 'x-pagination-page-count': String(Math.ceil(Number(headers['x-pagination-item-count']) / 2)), 'x-pagination-item-count': headers['x-pagination-item-count'] });
    expect((await trakt.api('GET', '/search/movie?query=a')).headers.get('x-pagination-limit')).toBe('50');
    expect((await trakt.api('GET', '/search/movie?query=a&limit=999')).headers.get('x-pagination-limit')).toBe('250');
  });

  it('answers extended=full objects when asked', async () => {
    trakt = await startTrakt();
    const hits = (await trakt.api('GET', '/search/show?query=breaking%20bad&extended=full')).json as Array<{ show: Record<string, unknown> }>;
    expect(hits[0]?.show).toMatchObject({ title: 'Breaking Bad', network: expect.any(String), aired_episodes: 20, genres: ['drama', 'crime', 'thriller'], language: 'en' });
  });
});

describe('Trakt id lookup', () => {
  it('looks up by trakt, imdb, tmdb and tvdb ids, optionally limited by type', async () => {
    trakt = await startTrakt();
    expect(titlesOf((await trakt.api('GET', '/search/imdb/tt1375666')).json)).toEqual(['Inception']);
    expect(titlesOf((await trakt.api('GET', '/search/tvdb/81189?type=show')).json)).toEqual(['Breaking Bad']);
    expect(titlesOf((await trakt.api('GET', '/search/trakt/1420?type=show')).json)).toEqual(['Attack on Titan']);
    expect(titlesOf((await trakt.api('GET', '/search/tmdb/372058?type=movie')).json)).toEqual(['Your Name.']);
    expect((await trakt.api('GET', '/search/tmdb/1396?type=movie')).json).toEqual([]);
    expect((await trakt.api('GET', '/search/anidb/1')).status).toBe(400);
  });

  it('finds an episode by its tvdb id, with its show', async () => {
    trakt = await startTrakt();
    const episode = trakt.service.state.catalogue.shows[1]?.seasons[0]?.episodes[2];
    const hits = (await trakt.api('GET', `/search/tvdb/${episode?.ids.tvdb}?type=episode`)).json as Hit[];
    expect(hits).toMatchObject([{ type: 'episode', episode: { season: 1, number: 3 }, show: { title: 'Breaking Bad' } }]);
  });

  it('counts both search kinds under their templated endpoints', async () => {
    trakt = await startTrakt();
    await trakt.api('GET', '/search/movie?query=x');
    await trakt.api('GET', '/search/show?query=y');
    await trakt.api('GET', '/search/imdb/tt1375666');
    expect(trakt.log.counters('trakt')).toEqual({ 'trakt GET /search/{type}': 2, 'trakt GET /search/{id_type}/{id}': 1 });
  });
});
