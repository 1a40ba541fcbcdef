import { describe, expect, it } from 'vitest';
import { createIdBridge, episodePlaces, placesOf } from '../../../../../main/mapping/resolve/reverse';
import { fakeLookup, links, season } from './fake-lookup';

const lookup = fakeLookup([
  links('plexanibridge-v2', 131681, { malIds: [48583], seasons: [season('tvdb', 267440, 4, [17, 28])] }),
  links('fribb', 131681, { malIds: [48583], seasons: [season('tvdb', 267440, 4, undefined, { offset: 16 }), season('tmdb', 1429, 4)] }),
  links('fribb', 5, { malIds: [5] }),
  links('kometa', 6, { malIds: [5] }),
]);

describe('placesOf', () => {
  it('gives the show, season and episodes an AniList entry covers, most trusted first, naming every source', () => {
    expect(placesOf(lookup, 131681)).toEqual([
      { provider: 'tvdb', showId: '267440', season: 4, episodes: [{ start: 17, end: 28 }], offset: 16, sources: ['plexanibridge-v2', 'fribb'] },
      { provider: 'tmdb', showId: '1429', season: 4, episodes: [], offset: 0, sources: ['fribb'] },
    ]);
  });

  it('is empty for an entry no table places', () => {
    expect(placesOf(lookup, 999)).toEqual([]);
  });
});

describe('episodePlaces', () => {
  it("puts an AniList cour's episode 1 at TVDB season 4 episode 17, and its episode 12 at 28", () => {
    expect(episodePlaces(lookup, 131681, 1)).toEqual([
      { provider: 'tvdb', showId: '267440', season: 4, episodes: { start: 17, end: 17 }, source: 'plexanibridge-v2' },
      { provider: 'tmdb', showId: '1429', season: 4, episodes: { start: 1, end: 1 }, source: 'fribb' },
    ]);
    expect(episodePlaces(lookup, 131681, 12)[0]?.episodes).toEqual({ start: 28, end: 28 });
  });

  it('has no place for an episode past the mapped range', () => {
    expect(episodePlaces(lookup, 131681, 13).filter((place) => place.provider === 'tvdb')).toEqual([]);
  });
});

describe('createIdBridge', () => {
  it('uses the tables when AniList has not said', () => {
    const bridge = createIdBridge(lookup);
    expect(bridge.malIdsOf(131681)).toEqual([48583]);
    expect(bridge.anilistIdsOf(48583)).toEqual([131681]);
    expect(bridge.anilistIdsOf(5)).toEqual([6, 5]);
  });

  it("prefers AniList's own idMal, in both directions, over any table", () => {
    const bridge = createIdBridge(lookup, new Map<number, number | null>([[6, 6], [131681, null]]));
    expect(bridge.malIdsOf(6)).toEqual([6]);
    expect(bridge.malIdsOf(131681)).toEqual([]);
    expect(bridge.anilistIdsOf(5)).toEqual([5]);
    expect(bridge.anilistIdsOf(6)).toEqual([6]);
  });
});
