import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { itWhen } from '../../../support/environment';
import { catalogPath, decodeRow, encodeEntry, loadCatalog, type CatalogEntry } from '../../../emulators/seed/catalog';
import { assignMalIds, deriveYear, englishTitle, titleFromSlug } from '../../../emulators/seed/generate/derive';
import { generateCatalogText } from '../../../emulators/seed/generate/index';
import { closeOpenPieces, parseTvdbMappings } from '../../../emulators/seed/generate/pieces';
import { haveMappings, mappingsDir, mappingsSkipNote } from './mapping-data';

describe('reading PlexAniBridge tvdb_mappings', () => {
  it('reads whole seasons, ranges, single episodes, open ends, lists and ratios', () => {
    expect(parseTvdbMappings({ s1: '' })).toEqual([{ season: 1, episodeOffset: 0, episodes: null }]);
    expect(parseTvdbMappings({ s3: 'e13-e22' })).toEqual([{ season: 3, episodeOffset: 12, episodes: 10 }]);
    expect(parseTvdbMappings({ s0: 'e31' })).toEqual([{ season: 0, episodeOffset: 30, episodes: 1 }]);
    expect(parseTvdbMappings({ s1: 'e13-' })).toEqual([{ season: 1, episodeOffset: 12, episodes: null }]);
    expect(parseTvdbMappings({ s1: 'e1-e12,e14-e24' })).toEqual([{ season: 1, episodeOffset: 0, episodes: 23 }]);
    expect(parseTvdbMappings({ s1: 'e1-e12|2' })).toEqual([{ season: 1, episodeOffset: 0, episodes: 12 }]);
  });

  it('orders seasons and drops specials tagged onto a regular entry', () => {
    expect(parseTvdbMappings({ s2: 'e1-e48', s0: 'e1', s1: 'e1-e35' })).toEqual([
      { season: 1, episodeOffset: 0, episodes: 35 },
      { season: 2, episodeOffset: 0, episodes: 48 },
    ]);
  });

  it('treats an empty mapping as the whole of season 1', () => {
    expect(parseTvdbMappings({})).toEqual([{ season: 1, episodeOffset: 0, episodes: null }]);
  });

  it('ends an open piece where the next entry in the same season starts', () => {
    const entries = new Map([
      [1, { tvdb: 7, pieces: parseTvdbMappings({ s1: '' }) }],
      [2, { tvdb: 7, pieces: parseTvdbMappings({ s1: 'e13-' }) }],
    ]);
    closeOpenPieces(entries);
    expect(entries.get(1)?.pieces[0]?.episodes).toBe(12);
    expect(entries.get(2)?.pieces[0]?.episodes).toBeNull();
  });
});

describe('derived values', () => {
  it('title-cases Anime-Planet slugs into English titles, and skips ones that repeat the romaji', () => {
    expect(titleFromSlug('attack-on-titan-3rd-season-part-ii')).toBe('Attack on Titan 3rd Season Part II');
    expect(titleFromSlug('fruits-basket-2019')).toBe('Fruits Basket (2019)');
    expect(englishTitle('Hinamatsuri (2018)', 'hinamatsuri')).toBeNull();
    expect(englishTitle('Seikai no Monshou', 'crest-of-the-stars')).toBe('Crest of the Stars');
  });

  it('takes a year from "(YYYY)" in the AniDB name before estimating one from the ids', () => {
    expect(deriveYear(104578, 38524, 'Shingeki no Kyojin Season 3 (2019)')).toBe(2019);
    expect(deriveYear(116589, 41457, '86')).toBeGreaterThanOrEqual(2019);
  });

  it('gives each MAL id to one AniList entry, preferring a confirmed pair', () => {
    const candidates: Record<number, number[]> = { 21220: [28755, 32365], 21579: [28755] };
    const fribb = (anilist: number) => (anilist === 21579 ? { anilist_id: 21579, mal_id: 28755 } : undefined);
    const assigned = assignMalIds([21220, 21579], (id) => candidates[id] ?? [], fribb);
    expect(assigned.get(21579)).toBe(28755);
    expect(assigned.get(21220)).toBe(32365);
  });
});

describe('the committed catalogue', () => {
  it('says where it comes from: source commits, licences, what is derived', () => {
    const { file, entries } = loadCatalog();
    expect(file.sources.map((source) => [source.dataset, source.licence])).toEqual([
      ['PlexAniBridge-Mappings v2', 'MIT'],
      ['Anime-Lists', 'none stated'],
      ['Fribb anime-lists', 'none stated'],
    ]);
    for (const source of file.sources) expect(source.commit).toMatch(/^[0-9a-f]{40}$/);
    expect(file.note).toMatch(/plausible/);
    expect(entries.length).toBeGreaterThan(11_000);
  });

  it('stays small enough to commit', () => {
    expect(readFileSync(catalogPath).length).toBeLessThan(1.5 * 1024 * 1024);
  });

  it('round-trips entries through its compact rows', () => {
    const entry: CatalogEntry = { anilist: 20, mal: 20, anidb: 239, tvdb: 78857, pieces: [{ season: 1, episodeOffset: 0, episodes: 35 }, { season: 2, episodeOffset: 0, episodes: 48 }], tmdbShow: null, tmdbMovie: null, imdb: null, romaji: 'Naruto', english: null, format: 'TV', episodes: 83, year: 2002, isAdult: false };
    expect(decodeRow(encodeEntry(entry))).toEqual(entry);
  });

  itWhen(haveMappings, mappingsSkipNote)('is exactly what the generator makes from ../shared/data/mappings', () => {
    const committed = gunzipSync(readFileSync(catalogPath)).toString('utf8');
    expect(generateCatalogText(mappingsDir) === committed, 'run `npx tsx scripts/generate-seed-catalog.ts` and commit the result').toBe(true);
  });
});
