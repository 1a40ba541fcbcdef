import Database from 'better-sqlite3';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../../../main/db/open-database';
import { PARSERS, TABLE_SOURCES, type TableSourceName } from '../../../../../main/mapping/data/index';
import { createMappingLookup, listIndexedFiles, loadAnidbHops, replaceSourceIndex } from '../../../../../main/mapping/index/index';
import { useTempDirs } from '../../../../support/temp-dir';
import { fixtureText } from '../data/fixture-text';

const fixtureFiles: Record<TableSourceName, string> = {
  'anibridge-v3': 'anibridge-v3.edits.yaml',
  'plexanibridge-v2': 'plexanibridge-v2.json',
  'anime-lists': 'anime-list-master.xml',
  kometa: 'kometa-anime_ids.json',
  fribb: 'fribb-anime-list-full.json',
};

const provenance = (source: string) => ({ url: `https://example.test/${source}`, etag: '"v1"', lastModified: null, sha256: 'ab'.repeat(32), bytes: 10, fetchedAt: 1000 });

function buildAll(db: Database.Database, sources: readonly TableSourceName[] = TABLE_SOURCES): void {
  for (const source of sources) replaceSourceIndex(db, source, PARSERS[source](fixtureText(fixtureFiles[source])), provenance(source), 2000);
}

describe('mapping index and lookup', () => {
  const tempDir = useTempDirs();
  const open = () => openDatabase(join(tempDir(), 'kizuna.db'));

  it('answers by season most trusted source first, keeping sources that disagree (AoT final season, TVDB s4)', () => {
    const db = open();
    buildAll(db);
    const hits = createMappingLookup(db).bySeason('tvdb', '267440', 4);
    expect(hits.map((hit) => [hit.source, hit.anilistId])).toEqual([
      ['anibridge-v3', 110277],
      ['plexanibridge-v2', 110277],
      ['plexanibridge-v2', 131681],
      ['anime-lists', 110277],
      ['anime-lists', 131681],
      ['kometa', 110277],
      ['kometa', 131681],
      ['fribb', 131681],
    ]);
    expect(hits.find((hit) => hit.source === 'plexanibridge-v2' && hit.anilistId === 131681)?.mapping).toMatchObject({ episodes: [{ start: 17, end: 28 }], offset: 16 });
  });

  it('finds AniList 1 from TVDB 76885 s1 and from its external ids', () => {
    const db = open();
    buildAll(db);
    const lookup = createMappingLookup(db);
    expect(lookup.bySeason('tvdb', '76885', 1).map((hit) => hit.anilistId)).toEqual([1, 1, 1, 1]);
    expect(lookup.byExternalId('mal', '1')).toEqual([
      { anilistId: 1, source: 'plexanibridge-v2' },
      { anilistId: 1, source: 'kometa' },
      { anilistId: 1, source: 'fribb' },
    ]);
    expect(lookup.byExternalId('imdb', 'tt0275277').map((hit) => hit.anilistId)).toEqual([5, 5, 5, 5, 5]);
    expect(lookup.byExternalId('tmdb_movie', '128')).toEqual([
      { anilistId: 164, source: 'anime-lists' },
      { anilistId: 164, source: 'kometa' },
      { anilistId: 164, source: 'fribb' },
    ]);
    expect(lookup.byExternalId('tvdb', '999999999')).toEqual([]);
  });

  it('tells Hunter × Hunter 1999 from 2011 by TVDB show', () => {
    const db = open();
    buildAll(db);
    const lookup = createMappingLookup(db);
    expect(new Set(lookup.byShow('tvdb', '79076').map((hit) => hit.anilistId))).toEqual(new Set([136]));
    expect(new Set(lookup.byShow('tvdb', '252322').map((hit) => hit.anilistId))).toEqual(new Set([11061]));
    expect(lookup.bySeason('tvdb', '252322', 2).map((hit) => [hit.source, hit.mapping.offset])).toEqual([
      ['anibridge-v3', -58],
      ['anime-lists', -58],
    ]);
  });

  it('links AniDB-keyed Anime-Lists entries to AniList through Kometa, then Fribb, recording the hop', () => {
    const db = open();
    buildAll(db, ['anime-lists', 'fribb']);
    const lookup = createMappingLookup(db);
    expect(lookup.byExternalId('anidb', '8880')).toEqual([
      { anilistId: 11741, source: 'anime-lists' },
      { anilistId: 11741, source: 'fribb' },
    ]);
    expect(loadAnidbHops(db).get(8880)?.get(11741)).toBe('fribb');
    // Kometa arrives later and, being more trusted, takes over the hop; the lookup reloads by itself.
    buildAll(db, ['kometa']);
    expect(loadAnidbHops(db).get(8880)?.get(11741)).toBe('kometa');
    expect(lookup.byExternalId('anidb', '16947')).toEqual([
      { anilistId: 140960, source: 'anime-lists' },
      { anilistId: 140960, source: 'kometa' },
    ]);
    // Anime-Lists' empty entry has no hop and answers nothing.
    expect(lookup.byExternalId('anidb', '99999')).toEqual([]);
  });

  it('linksOf lists what every source says, most trusted first', () => {
    const db = open();
    buildAll(db);
    const links = createMappingLookup(db).linksOf(21);
    expect(links.map((link) => link.source)).toEqual(['anibridge-v3', 'plexanibridge-v2', 'anime-lists', 'kometa', 'fribb']);
    expect(links[2]).toMatchObject({ anilistId: 21, anidbId: 69, tvdbId: 81797 });
  });

  it('replaces one source whole and keeps its provenance', () => {
    const db = open();
    buildAll(db);
    const lookup = createMappingLookup(db);
    expect(lookup.linksOf(1).map((link) => link.source)).toContain('plexanibridge-v2');
    const counts = replaceSourceIndex(db, 'plexanibridge-v2', PARSERS['plexanibridge-v2']('{"1": {"tvdb_id": 76885, "tvdb_mappings": {"s2": ""}}}'), provenance('x'), 3000);
    expect(counts).toEqual({ entries: 1, links: 1, seasons: 1 });
    expect(lookup.bySeason('tvdb', '76885', 2)).toEqual([{ anilistId: 1, source: 'plexanibridge-v2', mapping: expect.objectContaining({ season: 2 }) as unknown }]);
    expect(lookup.linksOf(21).map((link) => link.source)).not.toContain('plexanibridge-v2');
    expect(listIndexedFiles(db).find((file) => file.source === 'plexanibridge-v2')).toMatchObject({ url: 'https://example.test/x', etag: '"v1"', builtAt: 3000, entries: 1 });
  });

  it('sees a rebuild made through another connection from the next event-loop turn', async () => {
    const dir = tempDir();
    const db = openDatabase(join(dir, 'kizuna.db'));
    buildAll(db, ['kometa']);
    const lookup = createMappingLookup(db);
    expect(lookup.linksOf(1)).toHaveLength(1);
    const other = new Database(join(dir, 'kizuna.db'));
    replaceSourceIndex(other, 'fribb', PARSERS.fribb(fixtureText(fixtureFiles.fribb)), provenance('fribb'), 4000);
    other.close();
    await new Promise((resolve) => setImmediate(resolve));
    expect(lookup.linksOf(1).map((link) => link.source)).toEqual(['kometa', 'fribb']);
  });

  it('answers nothing, without failing, from an empty index', () => {
    const lookup = createMappingLookup(open());
    expect(lookup.bySeason('tvdb', '1', 1)).toEqual([]);
    expect(lookup.linksOf(1)).toEqual([]);
  });
});
