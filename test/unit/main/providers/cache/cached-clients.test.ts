import type Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import type { AnilistClient } from '../../../../../main/providers/anilist/client';
import { cachedAnilistClient, cachedMalClient, cachedTraktClient } from '../../../../../main/providers/cache/cached-clients';
import { createReadCache, METADATA_TTL_MS, SEARCH_TTL_MS } from '../../../../../main/providers/cache/read-cache';
import type { MalClient } from '../../../../../main/providers/mal/client';
import type { MediaKind, SearchPage, TitleSummary } from '../../../../../main/providers/model/list-entry';
import type { TraktClient } from '../../../../../main/providers/trakt/client';
import type { TraktSearchResult } from '../../../../../main/providers/trakt/types';
import { capturingLogger, manualTime, useDatabases } from './support';

/**
 * The cached wrappers over scripted clients that record every call: which calls reach the service, with
 * which arguments, and that answers come back unchanged. Only the wrapped methods are scripted; the cast
 * says so once, here.
 */
function fake<T>(methods: Partial<T>): T {
  return methods as T;
}

const openDb = useDatabases();
const opened: Database.Database[] = [];
afterEach(() => {
  for (const db of opened.splice(0)) if (db.open) db.close();
});

function setup() {
  const db = openDb();
  opened.push(db);
  const clock = manualTime();
  return { clock, cache: createReadCache({ db, now: clock.now, logger: capturingLogger() }) };
}

function title(anilist: number, mal?: number, kind: MediaKind = 'anime'): TitleSummary {
  return { ids: { anilist, ...(mal === undefined ? {} : { mal }) }, kind, title: `Title ${anilist}`, english: null, native: null, synonyms: [], format: 'tv', episodes: 12, chapters: null, volumes: null, startDate: '2020', adult: false, cover: null };
}

describe('cached AniList client', () => {
  it('keeps a search an hour, keyed by query, type, page and page size', async () => {
    const { clock, cache } = setup();
    const calls: unknown[][] = [];
    const client = cachedAnilistClient(
      fake<AnilistClient>({ searchMedia: async (...args) => (calls.push(args), { titles: [title(calls.length)], hasNextPage: false }) }),
      cache,
    );
    const first = await client.searchMedia('frieren', 'ANIME');
    expect(await client.searchMedia('frieren', 'ANIME', 1)).toEqual(first);
    await client.searchMedia('frieren', 'MANGA');
    await client.searchMedia('frieren', 'ANIME', 2);
    await client.searchMedia('frieren', 'ANIME', 1, { perPage: 25 });
    await client.searchMedia('Frieren', 'ANIME');
    expect(calls).toHaveLength(5);
    clock.advance(SEARCH_TTL_MS);
    expect(await client.searchMedia('frieren', 'ANIME')).not.toEqual(first);
    expect(calls).toHaveLength(6);
  });

  it('looks titles up per id, asking only for ids it has not seen, and remembers ids with no title', async () => {
    const { clock, cache } = setup();
    const asked: number[][] = [];
    const client = cachedAnilistClient(fake<AnilistClient>({ mediaByIds: async (ids) => (asked.push([...ids]), ids.filter((id) => id !== 404).map((id) => title(id))) }), cache);
    expect((await client.mediaByIds([3, 1, 404])).map((t) => t.ids.anilist)).toEqual([1, 3]);
    expect((await client.mediaByIds([2, 3, 1, 1])).map((t) => t.ids.anilist)).toEqual([1, 2, 3]);
    expect(await client.mediaByIds([404, 3])).toEqual([title(3)]);
    expect(asked).toEqual([[1, 3, 404], [2]]);
    clock.advance(METADATA_TTL_MS);
    await client.mediaByIds([1]);
    expect(asked).toEqual([[1, 3, 404], [2], [1]]);
  });

  it('looks titles up by MAL id per id and type', async () => {
    const { cache } = setup();
    const asked: Array<[number[], string]> = [];
    const client = cachedAnilistClient(
      fake<AnilistClient>({ mediaByMalIds: async (ids, type) => (asked.push([[...ids], type]), ids.filter((id) => id !== 9).map((id) => title(id + 1000, id, type === 'ANIME' ? 'anime' : 'manga'))) }),
      cache,
    );
    expect((await client.mediaByMalIds([5, 9], 'ANIME')).map((t) => t.ids)).toEqual([{ anilist: 1005, mal: 5 }]);
    expect((await client.mediaByMalIds([5, 9, 6], 'ANIME')).map((t) => t.ids.mal)).toEqual([5, 6]);
    expect((await client.mediaByMalIds([5], 'MANGA')).map((t) => t.kind)).toEqual(['manga']);
    expect(asked).toEqual([[[5, 9], 'ANIME'], [[6], 'ANIME'], [[5], 'MANGA']]);
  });

  it('leaves everything else to the client', async () => {
    const { cache } = setup();
    let viewers = 0;
    const client = cachedAnilistClient(fake<AnilistClient>({ viewer: async () => (viewers++, { id: 1, name: 'Yui', avatar: null, siteUrl: null, scoreScale: 'point10', customLists: { anime: [], manga: [] } }), maxSaveBatch: 7 }), cache);
    await client.viewer();
    await client.viewer();
    expect(viewers).toBe(2);
    expect(client.maxSaveBatch).toBe(7);
  });
});

describe('cached MAL client', () => {
  it('keeps searches an hour by kind, trimmed query, limit and offset, and details a day by kind and id', async () => {
    const { clock, cache } = setup();
    const searches: unknown[][] = [];
    const details: unknown[][] = [];
    const page = (): SearchPage => ({ titles: [title(searches.length)], hasNextPage: true });
    const client = cachedMalClient(
      fake<MalClient>({ search: async (...args) => (searches.push(args), page()), details: async (kind, id) => (details.push([kind, id]), title(id, id, kind)) }),
      cache,
    );
    await client.search('anime', 'frieren');
    await client.search('anime', '  frieren ', { limit: 10, offset: 0 });
    await client.search('manga', 'frieren');
    await client.search('anime', 'frieren', { offset: 10 });
    await client.search('anime', 'frieren', { limit: 50 });
    expect(searches).toHaveLength(4);
    await client.details('anime', 21);
    await client.details('anime', 21);
    await client.details('manga', 21);
    expect(details).toEqual([['anime', 21], ['manga', 21]]);
    clock.advance(SEARCH_TTL_MS);
    await client.search('anime', 'frieren');
    await client.details('anime', 21);
    expect(searches).toHaveLength(5);
    expect(details).toHaveLength(2);
  });
});

describe('cached Trakt client', () => {
  const result = (trakt: number): TraktSearchResult => ({ type: 'movie', movie: { ids: { trakt, slug: `m-${trakt}`, tmdb: null }, title: `Movie ${trakt}`, year: 2020 }, score: 10 });

  it('keeps searches by every option and lookups by id type, id and type; never shared with the other services', async () => {
    const { cache } = setup();
    const searches: unknown[][] = [];
    const lookups: unknown[][] = [];
    const client = cachedTraktClient(
      fake<TraktClient>({
        search: async (...args) => (searches.push(args), { items: [result(searches.length)], pagination: { page: 1, limit: 10, pageCount: 1, itemCount: 1 } }),
        lookupById: async (...args) => (lookups.push(args), [result(100 + lookups.length)]),
      }),
      cache,
    );
    const first = await client.search('dune');
    expect(await client.search('dune', { types: ['movie', 'show'] })).toEqual(first);
    await client.search('dune', { years: 2021 });
    expect(await client.search('dune', { years: '2021' })).toEqual(await client.search('dune', { years: 2021 }));
    await client.search('dune', { genres: ['science-fiction'] });
    await client.search('dune', { page: 2 });
    await client.search('dune', { types: ['movie'] });
    expect(searches).toHaveLength(5);
    await client.lookupById('tmdb', 438631);
    await client.lookupById('tmdb', '438631');
    await client.lookupById('tmdb', 438631, 'movie');
    await client.lookupById('imdb', 438631);
    expect(lookups).toHaveLength(3);

    // The same query on AniList and MAL is asked of them, not answered from Trakt's entry.
    let anilistAsked = 0;
    let malAsked = 0;
    await cachedAnilistClient(fake<AnilistClient>({ searchMedia: async () => (anilistAsked++, { titles: [], hasNextPage: false }) }), cache).searchMedia('dune');
    await cachedMalClient(fake<MalClient>({ search: async () => (malAsked++, { titles: [], hasNextPage: false }) }), cache).search('anime', 'dune');
    expect([anilistAsked, malAsked]).toEqual([1, 1]);
  });
});
