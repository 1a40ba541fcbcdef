import { describe, expect, it } from 'vitest';
import {
  anilistEpisodesOf,
  anilistToProvider,
  formatRange,
  intersectRanges,
  mappingContains,
  parseAnibridgeRanges,
  parsePlexAniBridgeEpisodes,
  providerEpisodeCount,
  providerToAnilist,
  rangeContains,
  RangeSyntaxError,
} from '../../../../../main/mapping/data/ranges';
import type { SeasonMapping } from '../../../../../main/mapping/model';

const mapping = (rest: Partial<SeasonMapping>): SeasonMapping => ({ provider: 'tvdb', showId: '1', season: 1, episodes: [], ratio: 1, offset: 0, ...rest });

describe('PlexAniBridge episode syntax', () => {
  it.each([
    ['', []],
    ['e5', [{ range: { start: 5, end: 5 }, ratio: 1 }]],
    ['e1-e13', [{ range: { start: 1, end: 13 }, ratio: 1 }]],
    ['e13-', [{ range: { start: 13, end: null }, ratio: 1 }]],
    ['e24-26', [{ range: { start: 24, end: 26 }, ratio: 1 }]],
    ['e1-e12|2', [{ range: { start: 1, end: 12 }, ratio: 2 }]],
    ['e1|-2', [{ range: { start: 1, end: 1 }, ratio: -2 }]],
    [
      'e1-e12,e14-e24',
      [
        { range: { start: 1, end: 12 }, ratio: 1 },
        { range: { start: 14, end: 24 }, ratio: 1 },
      ],
    ],
    [
      'e4-e8,e9|-2',
      [
        { range: { start: 4, end: 8 }, ratio: 1 },
        { range: { start: 9, end: 9 }, ratio: -2 },
      ],
    ],
  ])('parses %j', (text, expected) => {
    expect(parsePlexAniBridgeEpisodes(text)).toEqual(expected);
  });

  it.each(['1-12', 'e12-e1', 'e1|0', 'e1-e2|x', 'e1,,e2', 'ex'])('rejects %j', (text) => {
    expect(() => parsePlexAniBridgeEpisodes(text)).toThrow(RangeSyntaxError);
  });
});

describe('anibridge v3 range syntax', () => {
  it('parses single, closed, open, ratio and list forms', () => {
    expect(parseAnibridgeRanges('3')).toEqual([{ range: { start: 3, end: 3 }, ratio: 1 }]);
    expect(parseAnibridgeRanges('1089-')).toEqual([{ range: { start: 1089, end: null }, ratio: 1 }]);
    expect(parseAnibridgeRanges('1-6|2')).toEqual([{ range: { start: 1, end: 6 }, ratio: 2 }]);
    expect(parseAnibridgeRanges('1-6,8-13')).toEqual([
      { range: { start: 1, end: 6 }, ratio: 1 },
      { range: { start: 8, end: 13 }, ratio: 1 },
    ]);
  });

  it('rejects the PlexAniBridge form and garbage', () => {
    expect(() => parseAnibridgeRanges('e1-e2')).toThrow(/not an episode range/);
    expect(() => parseAnibridgeRanges('5-3')).toThrow(/ends before it starts/);
  });
});

describe('range helpers', () => {
  it('contains, intersects and formats, open ends included', () => {
    expect(rangeContains({ start: 13, end: null }, 1000)).toBe(true);
    expect(rangeContains({ start: 13, end: 24 }, 25)).toBe(false);
    expect(intersectRanges({ start: 1, end: 12 }, { start: 10, end: null })).toEqual({ start: 10, end: 12 });
    expect(intersectRanges({ start: 13, end: null }, { start: 20, end: null })).toEqual({ start: 20, end: null });
    expect(intersectRanges({ start: 1, end: 12 }, { start: 13, end: 24 })).toBeNull();
    expect(formatRange({ start: 13, end: null })).toBe('13-');
    expect(formatRange({ start: 4, end: 4 })).toBe('4');
  });
});

describe('provider episode ↔ AniList episode', () => {
  it('whole season: the same numbers', () => {
    const whole = mapping({});
    expect(mappingContains(whole, 500)).toBe(true);
    expect(providerToAnilist(whole, 7)).toEqual({ start: 7, end: 7 });
    expect(anilistToProvider(whole, 7)).toEqual({ start: 7, end: 7 });
  });

  it('second cour in the same season (AoT final season part 2: TVDB s4 e17-e28 are AniList 1-12)', () => {
    const part2 = mapping({ season: 4, episodes: [{ start: 17, end: 28 }], offset: 16 });
    expect(mappingContains(part2, 16)).toBe(false);
    expect(providerToAnilist(part2, 17)).toEqual({ start: 1, end: 1 });
    expect(providerToAnilist(part2, 28)).toEqual({ start: 12, end: 12 });
    expect(providerToAnilist(part2, 29)).toBeNull();
    expect(anilistToProvider(part2, 12)).toEqual({ start: 28, end: 28 });
    expect(anilistToProvider(part2, 13)).toBeNull();
    expect(anilistEpisodesOf(part2)).toEqual({ start: 1, end: 12 });
  });

  it('absolute numbering by offset (One Piece TVDB s2 e1 is AniList 9)', () => {
    const s2 = mapping({ season: 2, episodes: [{ start: 1, end: 22 }], offset: -8 });
    expect(providerToAnilist(s2, 1)).toEqual({ start: 9, end: 9 });
    expect(anilistToProvider(s2, 30)).toEqual({ start: 22, end: 22 });
    expect(anilistEpisodesOf(s2)).toEqual({ start: 9, end: 30 });
  });

  it('Anime-Lists episodeoffset on an open range (Fate/Zero 2012: TVDB s1 e14 is AniList 1)', () => {
    const cour2 = mapping({ episodes: [{ start: 14, end: null }], offset: 13 });
    expect(providerToAnilist(cour2, 14)).toEqual({ start: 1, end: 1 });
    expect(providerToAnilist(cour2, 13)).toBeNull();
    expect(anilistEpisodesOf(cour2)).toEqual({ start: 1, end: null });
    expect(providerEpisodeCount(cour2)).toBeNull();
  });

  it('ratio 2: two provider episodes per AniList episode', () => {
    const halves = mapping({ episodes: [{ start: 1, end: 16 }], ratio: 2 });
    expect(providerToAnilist(halves, 1)).toEqual({ start: 1, end: 1 });
    expect(providerToAnilist(halves, 2)).toEqual({ start: 1, end: 1 });
    expect(providerToAnilist(halves, 3)).toEqual({ start: 2, end: 2 });
    expect(anilistToProvider(halves, 8)).toEqual({ start: 15, end: 16 });
    expect(anilistEpisodesOf(halves)).toEqual({ start: 1, end: 8 });
  });

  it('negative ratio: one provider episode holds several AniList episodes', () => {
    const doubled = mapping({ episodes: [{ start: 9, end: 9 }], ratio: -2, offset: 3 });
    expect(providerToAnilist(doubled, 9)).toEqual({ start: 6, end: 7 });
    expect(anilistToProvider(doubled, 7)).toEqual({ start: 9, end: 9 });
    expect(anilistEpisodesOf(doubled)).toEqual({ start: 6, end: 7 });
  });

  it('a list of ranges counts on through the gap ("e1-e12,e14-e24": provider 14 is AniList 13)', () => {
    const gap = mapping({ episodes: [{ start: 1, end: 12 }, { start: 14, end: 24 }] });
    expect(providerToAnilist(gap, 13)).toBeNull();
    expect(providerToAnilist(gap, 14)).toEqual({ start: 13, end: 13 });
    expect(anilistToProvider(gap, 13)).toEqual({ start: 14, end: 14 });
    expect(anilistEpisodesOf(gap)).toEqual({ start: 1, end: 23 });
  });
});
