import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect } from 'vitest';
import { openDatabase } from '../../../main/db/open-database';
import { PARSERS, TABLE_SOURCES, type TableSourceName } from '../../../main/mapping/data/index';
import { createMappingLookup, replaceSourceIndex } from '../../../main/mapping/index/index';
import type { MappingLookup, MatchQuery } from '../../../main/mapping/model';
import { createResolver, type Resolver } from '../../../main/mapping/resolve/resolver';
import { createIdBridge, episodePlaces, placesOf } from '../../../main/mapping/resolve/reverse';
import { itWhen } from '../../support/environment';
import { SHARED_MAPPING_FILES, sharedMappingsAvailable, sharedMappingsDir } from '../../support/shared-dir';

/**
 * The resolver on the real index built from the full published tables (../shared/data/mappings), for the hard
 * cases the unit tests fake: split cours, namesakes, movies, the reverse lookup. Skipped without the shared folder.
 */
const dir = sharedMappingsDir();
const available = sharedMappingsAvailable();
const it = itWhen(available, `shared mapping data not found at ${dir}`);

const files: Record<TableSourceName, string> = SHARED_MAPPING_FILES;

function show(title: string, guids: string[], season: number, seasonOrdering = 'tvdb'): MatchQuery {
  return { type: 'show', title, year: null, season, guids, seasonOrdering };
}

describe('the resolver on the full mapping tables', () => {
  let temp = '';
  let db: Database.Database | null = null;
  let lookup: MappingLookup;
  let resolver: Resolver;

  beforeAll(() => {
    if (!available) return;
    temp = mkdtempSync(join(tmpdir(), 'kizuna-resolve-'));
    db = openDatabase(join(temp, 'index.db'));
    for (const source of TABLE_SOURCES) {
      const text = readFileSync(join(dir, files[source]), 'utf8');
      const file = { url: `file://${files[source]}`, etag: null, lastModified: null, sha256: source, bytes: text.length, fetchedAt: 0 };
      replaceSourceIndex(db, source, PARSERS[source](text, files[source]), file, 0);
    }
    lookup = createMappingLookup(db);
    resolver = createResolver({ lookup });
  }, 180_000);

  afterAll(() => {
    db?.close();
    if (temp) rmSync(temp, { recursive: true, force: true });
  });

  it('Cowboy Bebop season 1 is AniList 1, in either numbering', () => {
    expect(resolver.resolve(show('Cowboy Bebop', ['tvdb://76885', 'tmdb://30991'], 1)).anilistIds).toEqual([1]);
    expect(resolver.resolve(show('Cowboy Bebop', ['tvdb://76885', 'tmdb://30991'], 1, 'tmdb(trakt)')).anilistIds).toEqual([1]);
  });

  it("Attack on Titan's final TVDB season is several entries in episode order, and an episode picks one", () => {
    const whole = resolver.resolve(show('Attack on Titan', ['tvdb://267440'], 4));
    expect(whole.status).toBe('matched');
    expect(whole.anilistIds[0]).toBe(110277);
    expect(whole.anilistIds).toContain(131681);
    expect(resolver.resolve({ ...show('Attack on Titan', ['tvdb://267440'], 4), episodes: { start: 20, end: 20 } }).anilistIds).toEqual([131681]);
  });

  it('Hunter × Hunter 1999 and 2011 stay apart by TVDB id', () => {
    expect(resolver.resolve(show('Hunter x Hunter', ['tvdb://79076'], 1)).anilistIds).toEqual([136]);
    expect(resolver.resolve(show('Hunter x Hunter', ['tvdb://252322'], 1)).anilistIds).toEqual([11061]);
  });

  it('a movie by TMDB and by IMDb id', () => {
    const movie: MatchQuery = { type: 'movie', title: 'Cowboy Bebop: The Movie', year: 2001, guids: ['imdb://tt0275277', 'tmdb://11299'] };
    expect(resolver.resolve(movie).anilistIds).toEqual([5]);
  });

  it('the reverse: an AniList cour back to its TVDB season, and AniList ↔ MAL', () => {
    expect(placesOf(lookup, 131681).some((place) => place.provider === 'tvdb' && place.showId === '267440' && place.season === 4)).toBe(true);
    expect(episodePlaces(lookup, 131681, 1)).toContainEqual({ provider: 'tvdb', showId: '267440', season: 4, episodes: { start: 17, end: 17 }, source: 'plexanibridge-v2' });
    expect(createIdBridge(lookup).malIdsOf(1)).toContain(1);
  });
});
