import { describe, expect, it } from 'vitest';
import { parseAnibridgeV3 } from '../../../../../main/mapping/data/anibridge-v3';
import { providerToAnilist } from '../../../../../main/mapping/data/ranges';
import { fixtureText, truncated } from './fixture-text';

const text = fixtureText('anibridge-v3.edits.yaml');
const links = parseAnibridgeV3(text);
const byAnilist = (id: number) => links.find((entry) => entry.anilistId === id);

describe('anibridge v3 loader', () => {
  it('reads AniList-keyed sources and skips the $schema block', () => {
    expect(links.map((entry) => entry.anilistId)).toEqual([5, 21, 110277, 11061, 97918, 142838]);
  });

  it('collects ids from every target kind (a movie in TVDB specials)', () => {
    expect(byAnilist(5)).toMatchObject({
      source: 'anibridge-v3',
      anidbId: 219,
      malIds: [5],
      tmdbMovieIds: [11299],
      imdbIds: ['tt0275277'],
      tvdbId: 76885,
      seasons: [{ provider: 'tvdb', showId: '76885', season: 0, episodes: [{ start: 3, end: 3 }], offset: 2 }],
    });
    expect(providerToAnilist(byAnilist(5)?.seasons[0] ?? { provider: 'tvdb', showId: '', season: 0, episodes: [], ratio: 1, offset: 0 }, 3)).toEqual({ start: 1, end: 1 });
  });

  it('maps source (AniList) ranges onto target ranges with the offset between them', () => {
    const hxh = byAnilist(11061)?.seasons ?? [];
    const s2 = hxh.find((season) => season.season === 2);
    expect(s2).toMatchObject({ episodes: [{ start: 1, end: 78 }], offset: -58 });
    expect(s2 && providerToAnilist(s2, 1)).toEqual({ start: 59, end: 59 });
    const onePiece22 = byAnilist(21)?.seasons.find((season) => season.provider === 'tvdb' && season.season === 22);
    expect(onePiece22).toMatchObject({ episodes: [{ start: 1, end: null }], offset: -1088 });
    const tmdb22 = byAnilist(21)?.seasons.find((season) => season.provider === 'tmdb');
    expect(tmdb22 && providerToAnilist(tmdb22, 1100)).toEqual({ start: 1100, end: 1100 });
  });

  it('keeps ratios and leaves out ranges explicitly unmapped with null', () => {
    const seasons = byAnilist(97918)?.seasons ?? [];
    expect(seasons).toEqual([
      { provider: 'tvdb', showId: '79824', season: 0, episodes: [{ start: 3, end: 5 }], ratio: 3, offset: 2 },
      { provider: 'tvdb', showId: '79824', season: 1, episodes: [{ start: 1, end: 1 }], ratio: -2, offset: 0 },
    ]);
    expect(seasons[1] && providerToAnilist(seasons[1], 1)).toEqual({ start: 1, end: 2 });
  });

  it('reads the JSON release payload of the same shape', () => {
    const json = JSON.stringify({ $meta: { schema_version: '3' }, 'anilist:1': { 'tvdb_show:76885:s1': { '1-26': '1-26' } }, 'anidb:1:S': { 'tvdb_show:2:s0': {} } });
    expect(parseAnibridgeV3(json)).toMatchObject([{ anilistId: 1, tvdbId: 76885, seasons: [{ season: 1, episodes: [{ start: 1, end: 26 }] }] }]);
  });

  it('rejects damaged, truncated and duplicated files with the file and entry named', () => {
    expect(() => parseAnibridgeV3('anilist:1:\n  tvdb_show:1:s1:\n    "1-12": "1-', 'edits.yaml')).toThrow(/edits\.yaml: not valid YAML/);
    expect(() => parseAnibridgeV3(truncated(text).replace(/\n[^\n]*$/, '\nanilist:9:'), 'edits.yaml')).toThrow(/edits\.yaml: "anilist:9": /);
    expect(() => parseAnibridgeV3('{"anilist:1": {"tvdb_show:1:s1": {"1-12": "1-', 'm.json')).toThrow(/m\.json: not valid JSON/);
    expect(() => parseAnibridgeV3('anilist:1:\n  tvdb_show:1:\n    "1": "1"\n', 'e')).toThrow('e: "anilist:1": target "tvdb_show:1" has no season scope "s<number>"');
    expect(() => parseAnibridgeV3('anilist:1:\n  tvdb_show:1:s1:\n    "1": "x"\n', 'e')).toThrow('e: "anilist:1": "x" is not an episode range');
    expect(() => parseAnibridgeV3('anilist:1:\n  mal:1:\n    "1": "1"\nanilist:1:\n  mal:2:\n    "1": "1"\n', 'e')).toThrow('e: "anilist:1": appears twice');
  });
});
