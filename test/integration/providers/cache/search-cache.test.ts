import type Database from 'better-sqlite3';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { cachedAnilistClient, cachedMalClient, cachedTraktClient } from '../../../../main/providers/cache/cached-clients';
import { createReadCache, METADATA_TTL_MS, type ReadCache, SEARCH_TTL_MS } from '../../../../main/providers/cache/read-cache';
import { useTempDirs } from '../../../support/temp-dir';
import { openFileDatabase, requestsDuring, startCacheWorld, type CacheWorld } from './fixture';

/**
 * The cached wrappers over the real clients and emulators: whether a second ask reaches the service is read
 * from the emulators' request log, not from the wrapper's own word. The cache's clock is a manual one, so
 * "after the hour" is a step, not a wait; the emulators keep real time.
 */

let world: CacheWorld;
beforeAll(async () => {
  world = await startCacheWorld();
});
afterAll(async () => world.emulators.close());

const tempDir = useTempDirs();
const opened: Database.Database[] = [];
afterEach(() => {
  for (const db of opened.splice(0)) if (db.open) db.close();
});

function freshCache(dir = tempDir()): { cache: ReadCache; advance(ms: number): void; dir: string } {
  const db = openFileDatabase(dir);
  opened.push(db);
  let now = Date.UTC(2026, 10, 22, 12, 0, 0);
  return { cache: createReadCache({ db, now: () => now }), advance: (ms) => void (now += ms), dir };
}

const animeWithBothIds = () => world.emulators.world.titles.filter((title) => title.kind === 'anime' && title.ids.anilist !== undefined && title.ids.mal !== undefined);

describe('search and metadata caching against the emulators', () => {
  it('AniList: a second search within the hour sends nothing; after the hour it asks again', async () => {
    const { cache, advance } = freshCache();
    const client = cachedAnilistClient(world.anilist, cache);
    const wanted = animeWithBothIds()[0]!;
    const first = await requestsDuring(world.emulators, 'anilist', () => client.searchMedia(wanted.titles.romaji, 'ANIME'));
    expect(first.labels).toEqual(['SearchMedia']);
    expect(first.value.titles.map((title) => title.ids.anilist)).toContain(wanted.ids.anilist);

    advance(SEARCH_TTL_MS - 1);
    const second = await requestsDuring(world.emulators, 'anilist', () => client.searchMedia(wanted.titles.romaji, 'ANIME'));
    expect(second.labels).toEqual([]);
    expect(second.value).toEqual(first.value);
    // Another type is another question.
    expect((await requestsDuring(world.emulators, 'anilist', () => client.searchMedia(wanted.titles.romaji, 'MANGA'))).labels).toEqual(['SearchMedia']);

    advance(1);
    expect((await requestsDuring(world.emulators, 'anilist', () => client.searchMedia(wanted.titles.romaji, 'ANIME'))).labels).toEqual(['SearchMedia']);
  });

  it('AniList: titles by id are kept a day, per id, in the database file', async () => {
    const { cache, advance, dir } = freshCache();
    const [a, b, c] = animeWithBothIds();
    const client = cachedAnilistClient(world.anilist, cache);
    const first = await requestsDuring(world.emulators, 'anilist', () => client.mediaByIds([a!.ids.anilist!, b!.ids.anilist!]));
    expect(first.labels).toEqual(['MediaByIds']);
    expect(first.value).toEqual(await world.anilist.mediaByIds([a!.ids.anilist!, b!.ids.anilist!]));

    // Another connection to the same file (as after a restart) sees what the first one kept.
    const second = openFileDatabase(dir);
    opened.push(second);
    const reopened = cachedAnilistClient(world.anilist, createReadCache({ db: second, now: () => Date.UTC(2026, 10, 22, 12, 0, 0) }));
    const again = await requestsDuring(world.emulators, 'anilist', () => reopened.mediaByIds([b!.ids.anilist!, a!.ids.anilist!]));
    expect(again.labels).toEqual([]);
    expect(again.value).toEqual(first.value);

    // Only the unseen id is asked for.
    const wider = await requestsDuring(world.emulators, 'anilist', () => client.mediaByIds([a!.ids.anilist!, c!.ids.anilist!]));
    expect(wider.labels).toEqual(['MediaByIds']);
    expect(wider.value.map((title) => title.ids.anilist)).toEqual([a!.ids.anilist!, c!.ids.anilist!].sort((x, y) => x - y));

    const byMal = await requestsDuring(world.emulators, 'anilist', () => client.mediaByMalIds([a!.ids.mal!], 'ANIME'));
    expect(byMal.value.map((title) => title.ids.anilist)).toContain(a!.ids.anilist);
    expect((await requestsDuring(world.emulators, 'anilist', () => client.mediaByMalIds([a!.ids.mal!], 'ANIME'))).labels).toEqual([]);

    advance(METADATA_TTL_MS);
    expect((await requestsDuring(world.emulators, 'anilist', () => client.mediaByIds([a!.ids.anilist!]))).labels).toEqual(['MediaByIds']);
  });

  it('MAL: search an hour, details a day, and the AniList entry for the same query is not used', async () => {
    const { cache, advance } = freshCache();
    const wanted = animeWithBothIds()[1]!;
    const query = wanted.titles.romaji.slice(0, 12);
    // AniList asked first: MAL must still be asked, and answer with MAL's own data.
    await cachedAnilistClient(world.anilist, cache).searchMedia(query, 'ANIME');
    const client = cachedMalClient(world.mal, cache);
    const first = await requestsDuring(world.emulators, 'mal', () => client.search('anime', query));
    expect(first.labels).toHaveLength(1);
    expect(first.value).toEqual(await world.mal.search('anime', query));
    expect((await requestsDuring(world.emulators, 'mal', () => client.search('anime', query))).labels).toEqual([]);
    expect((await requestsDuring(world.emulators, 'mal', () => client.search('anime', query, { offset: 10 }))).labels).toHaveLength(1);

    const details = await requestsDuring(world.emulators, 'mal', () => client.details('anime', wanted.ids.mal!));
    expect(details.labels).toHaveLength(1);
    expect(details.value.ids.mal).toBe(wanted.ids.mal);
    advance(SEARCH_TTL_MS);
    expect((await requestsDuring(world.emulators, 'mal', () => client.details('anime', wanted.ids.mal!))).labels).toEqual([]);
    expect((await requestsDuring(world.emulators, 'mal', () => client.search('anime', query))).labels).toHaveLength(1);
    advance(METADATA_TTL_MS);
    expect((await requestsDuring(world.emulators, 'mal', () => client.details('anime', wanted.ids.mal!))).labels).toHaveLength(1);
  });

  it('Trakt: search an hour by all its options, id lookups a day', async () => {
    const { cache, advance } = freshCache();
    const client = cachedTraktClient(world.trakt, cache);
    const show = world.traktService.state.catalogue.shows.find((candidate) => candidate.ids.tvdb);
    expect(show).toBeDefined();
    const first = await requestsDuring(world.emulators, 'trakt', () => client.search(show!.title, { types: ['show'] }));
    expect(first.labels).toHaveLength(1);
    expect(first.value.items.map((item) => (item.type === 'show' ? item.show.ids.trakt : null))).toContain(show!.ids.trakt);
    expect((await requestsDuring(world.emulators, 'trakt', () => client.search(show!.title, { types: ['show'] }))).labels).toEqual([]);
    expect((await requestsDuring(world.emulators, 'trakt', () => client.search(show!.title, { types: ['show'], page: 2 }))).labels).toHaveLength(1);

    const lookup = await requestsDuring(world.emulators, 'trakt', () => client.lookupById('tvdb', show!.ids.tvdb!, 'show'));
    expect(lookup.labels).toHaveLength(1);
    expect(lookup.value).toEqual(await world.trakt.lookupById('tvdb', show!.ids.tvdb!, 'show'));
    advance(SEARCH_TTL_MS);
    expect((await requestsDuring(world.emulators, 'trakt', () => client.lookupById('tvdb', String(show!.ids.tvdb!), 'show'))).labels).toEqual([]);
    expect((await requestsDuring(world.emulators, 'trakt', () => client.search(show!.title, { types: ['show'] }))).labels).toHaveLength(1);
    advance(METADATA_TTL_MS);
    expect((await requestsDuring(world.emulators, 'trakt', () => client.lookupById('tvdb', show!.ids.tvdb!, 'show'))).labels).toHaveLength(1);
  });
});
