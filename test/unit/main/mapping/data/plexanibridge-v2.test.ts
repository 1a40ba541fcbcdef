import { describe, expect, it } from 'vitest';
import { MappingDataError } from '../../../../../main/mapping/data/loader-support';
import { parsePlexAniBridgeV2 } from '../../../../../main/mapping/data/plexanibridge-v2';
import { anilistToProvider, providerToAnilist } from '../../../../../main/mapping/data/ranges';
import { fixtureText, truncated } from './fixture-text';

const links = parsePlexAniBridgeV2(fixtureText('plexanibridge-v2.json'));
const byAnilist = (id: number) => links.find((entry) => entry.anilistId === id);

describe('PlexAniBridge v2 loader', () => {
  it('reads every entry with its ids, lists and single values alike', () => {
    expect(links).toHaveLength(15);
    expect(byAnilist(1)).toEqual({
      source: 'plexanibridge-v2',
      anilistId: 1,
      malIds: [1, 4037],
      anidbId: 23,
      tvdbId: 76885,
      tmdbShowIds: [],
      tmdbMovieIds: [],
      imdbIds: [],
      seasons: [{ provider: 'tvdb', showId: '76885', season: 1, episodes: [], ratio: 1, offset: 0 }],
    });
    expect(byAnilist(5)).toMatchObject({ tmdbMovieIds: [11299], imdbIds: ['tt0275277'], seasons: [{ season: 0, episodes: [{ start: 1, end: 1 }] }] });
  });

  it('splits cours in one TVDB season (SPY×FAMILY, AoT final season) with AniList numbering from 1', () => {
    const part2 = byAnilist(142838)?.seasons[0];
    expect(part2).toMatchObject({ season: 1, episodes: [{ start: 13, end: 25 }], offset: 12 });
    expect(part2 && providerToAnilist(part2, 13)).toEqual({ start: 1, end: 1 });
    const aot = byAnilist(131681)?.seasons[0];
    expect(aot && providerToAnilist(aot, 28)).toEqual({ start: 12, end: 12 });
  });

  it('numbers One Piece across seasons from s0 e39 on, the open last season included', () => {
    const seasons = byAnilist(21)?.seasons ?? [];
    expect(seasons.map((season) => season.season)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22]);
    const s1 = seasons.find((season) => season.season === 1);
    expect(s1 && providerToAnilist(s1, 1)).toEqual({ start: 2, end: 2 });
    const s22 = seasons.find((season) => season.season === 22);
    expect(s22?.episodes).toEqual([{ start: 1, end: null }]);
    // 1 (s0) + 8 + 22 + ... + 194 = 1085 episodes before season 22, as Anime-Lists also says (s22 starts at 1086).
    expect(s22 && providerToAnilist(s22, 1)).toEqual({ start: 1086, end: 1086 });
  });

  it('keeps ratios, and splits a list whose ranges differ in ratio', () => {
    const halves = byAnilist(112)?.seasons[0];
    expect(halves).toMatchObject({ ratio: 2, episodes: [{ start: 1, end: 16 }] });
    expect(halves && anilistToProvider(halves, 8)).toEqual({ start: 15, end: 16 });
    const mixed = byAnilist(1503)?.seasons ?? [];
    expect(mixed).toMatchObject([
      { episodes: [{ start: 4, end: 8 }], ratio: 1, offset: 3 },
      { episodes: [{ start: 9, end: 9 }], ratio: -2, offset: 3 },
    ]);
    expect(mixed[1] && providerToAnilist(mixed[1], 9)).toEqual({ start: 6, end: 7 });
  });

  it('accepts "e26-38" and an empty mapping object', () => {
    expect(byAnilist(150970)?.seasons[0]?.episodes).toEqual([{ start: 26, end: 38 }]);
    expect(byAnilist(11061)?.seasons).toEqual([]);
  });

  it('rejects a truncated file whole', () => {
    expect(() => parsePlexAniBridgeV2(truncated(fixtureText('plexanibridge-v2.json')), 'mappings.json')).toThrow(/mappings\.json: not valid JSON/);
  });

  it('names the entry and field of a bad value', () => {
    expect(() => parsePlexAniBridgeV2('{"7": {"tvdb_id": "x"}}', 'mappings.json')).toThrow(/mappings\.json: AniList "7": tvdb_id: /);
    expect(() => parsePlexAniBridgeV2('{"7": {"tvdb_id": 1, "tvdb_mappings": {"s1": "e1-e"}}}', 'm')).toThrow('m: AniList "7": "e1-e" is not an episode range');
    expect(() => parsePlexAniBridgeV2('{"7": {"tvdb_id": 1, "tvdb_mappings": {"season1": ""}}}', 'm')).toThrow(/season key "season1"/);
    expect(() => parsePlexAniBridgeV2('{"abc": {}}', 'm')).toThrow(MappingDataError);
    expect(() => parsePlexAniBridgeV2('[]', 'm')).toThrow(/m: is not a JSON object/);
  });
});
