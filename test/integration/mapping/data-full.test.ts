import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect } from 'vitest';
import { openDatabase } from '../../../main/db/open-database';
import { parseAnimeMovieSets } from '../../../main/mapping/data/anime-movie-sets';
import { parseFribb } from '../../../main/mapping/data/fribb';
import { PARSERS, TABLE_SOURCES, type TableSourceName } from '../../../main/mapping/data/index';
import { providerToAnilist } from '../../../main/mapping/data/ranges';
import { createMappingLookup, replaceSourceIndex } from '../../../main/mapping/index/index';
import type { AnimeLinks, MappingLookup } from '../../../main/mapping/model';
import { itWhen } from '../../support/environment';
import { SHARED_MAPPING_FILES, sharedMappingsAvailable, sharedMappingsDir } from '../../support/shared-dir';
import { useTempDirs } from '../../support/temp-dir';

/**
 * The real published files (../shared/data/mappings, pinned in its MANIFEST.tsv), loaded whole and merged.
 * They are not committed, so without the shared folder these tests are skipped; the fixtures cover CI.
 */
const dir = sharedMappingsDir();
const available = sharedMappingsAvailable();
const it = itWhen(available, `shared mapping data not found at ${dir}`);

const files: Record<TableSourceName, string> = SHARED_MAPPING_FILES;

describe('the full published mapping files', () => {
  const tempDir = useTempDirs();
  const loaded = new Map<TableSourceName, AnimeLinks[]>();
  beforeAll(() => {
    if (!available) return;
    for (const source of TABLE_SOURCES) loaded.set(source, PARSERS[source](readFileSync(join(dir, files[source]), 'utf8'), files[source]));
  }, 120_000);

  it('load whole, with their real entry counts', () => {
    expect(Object.fromEntries([...loaded].map(([source, links]) => [source, links.length]))).toEqual({
      'anibridge-v3': 9374,
      'plexanibridge-v2': 19380,
      'anime-lists': 16865,
      kometa: 16837,
      // 42,152 entries, of which those with an AniList or AniDB id.
      fribb: 23168,
    });
    expect(parseFribb(readFileSync(join(dir, 'fribb/anime-lists-reduced.json'), 'utf8'))).toHaveLength(10701);
    expect(parseAnimeMovieSets(readFileSync(join(dir, 'anime-lists/anime-movieset-list.xml'), 'utf8'))).toHaveLength(249);
  });

  describe('merged into one index', () => {
    let lookup: MappingLookup;
    beforeAll(() => {
      if (!available) return;
      const db = openDatabase(join(tempDir(), 'kizuna.db'));
      for (const [source, links] of loaded) {
        replaceSourceIndex(db, source, links, { url: `file://${files[source]}`, etag: null, lastModified: null, sha256: source, bytes: 0, fetchedAt: 0 }, 0);
      }
      lookup = createMappingLookup(db);
    }, 120_000);

    it('links AniList 1 (Cowboy Bebop) and TVDB 76885 season 1 in every table that has it', () => {
      const hits = lookup.bySeason('tvdb', '76885', 1).filter((hit) => hit.anilistId === 1);
      expect(hits.map((hit) => hit.source)).toEqual(['plexanibridge-v2', 'anime-lists', 'kometa', 'fribb']);
      expect(lookup.byExternalId('mal', '1').map((hit) => hit.anilistId)).toContain(1);
    });

    it('numbers One Piece TVDB season 22 from AniList episode 1086 in PlexAniBridge and Anime-Lists alike', () => {
      const s22 = lookup.bySeason('tvdb', '81797', 22).filter((hit) => hit.anilistId === 21);
      for (const source of ['plexanibridge-v2', 'anime-lists'] as const) {
        const hit = s22.find((candidate) => candidate.source === source);
        expect(hit && providerToAnilist(hit.mapping, 1)).toEqual({ start: 1086, end: 1086 });
      }
    });

    it('splits Attack on Titan TVDB season 4 between the final season parts', () => {
      const part2 = lookup.bySeason('tvdb', '267440', 4).find((hit) => hit.source === 'plexanibridge-v2' && hit.anilistId === 131681);
      expect(part2 && providerToAnilist(part2.mapping, 17)).toEqual({ start: 1, end: 1 });
      expect(lookup.byExternalId('anidb', '16177').map((hit) => hit.anilistId)).toContain(131681);
    });

    it('keeps Hunter × Hunter 1999 and 2011 apart', () => {
      // The 1999 show's TVDB entry also holds its OVAs (137-139), so the check is on the two series themselves.
      const old = lookup.byShow('tvdb', '79076').map((hit) => hit.anilistId);
      const remake = lookup.byShow('tvdb', '252322').map((hit) => hit.anilistId);
      expect(old).toContain(136);
      expect(old).not.toContain(11061);
      expect(remake).toContain(11061);
      expect(remake).not.toContain(136);
    });
  });
});
