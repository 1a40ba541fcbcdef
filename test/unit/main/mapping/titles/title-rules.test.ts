import { describe, expect, it } from 'vitest';
import { buildCandidateIndex } from '../../../../../main/mapping/titles/candidate-index';
import { parseSeasonWords } from '../../../../../main/mapping/titles/season-words';
import { createTitleMatcher } from '../../../../../main/mapping/titles/title-matcher';
import type { TitleRecord } from '../../../../../main/mapping/titles/title-pool';

/** Rules learnt from the benchmark's title_dev misses, each on the smallest pool that shows it. */

describe('closing punctuation', () => {
  const matcher = createTitleMatcher([
    { anilistId: 1, titles: ['Wanna Be the Strongest in the World!'], format: 'TV' },
    { anilistId: 2, titles: ['Amagami SS'], format: 'TV' },
    { anilistId: 3, titles: ['Amagami SS+'], format: 'TV' },
    { anilistId: 4, titles: ['K-On!'], format: 'TV' },
    { anilistId: 5, titles: ['K-On!!'], format: 'TV' },
  ]);

  it('reads one "!" the query left out as punctuation, not as a second season', () => {
    expect(matcher.match({ title: 'Wanna Be the Strongest in the World', type: 'show', season: 1 }).anilistIds).toEqual([1]);
  });

  it('still reads a closing "+" or a longer run of "!" as the second season', () => {
    expect(matcher.match({ title: 'Amagami SS', type: 'show', season: 1 }).anilistIds).toEqual([2]);
    expect(matcher.match({ title: 'Amagami SS', type: 'show', season: 2 }).anilistIds).toEqual([3]);
    expect(matcher.match({ title: 'K-On', type: 'show', season: 2 }).anilistIds).toEqual([5]);
  });
});

describe('films named like their series', () => {
  const pool: TitleRecord[] = [
    { anilistId: 10, titles: ['Given'], format: 'TV' },
    { anilistId: 11, titles: ['Eiga Given', 'Given the Movie'], format: 'MOVIE' },
    { anilistId: 20, titles: ['Under the Dog'], format: 'OVA' },
    { anilistId: 21, titles: ['Underdog'], format: 'MOVIE' },
  ];

  it('looks at the titles that add film words even when the bare title names the series', () => {
    const hits = buildCandidateIndex(pool).lookup(parseSeasonWords('Given'), 'full');
    expect(hits.map((hit) => hit.via)).toEqual(['exact', 'loose']);
    expect(createTitleMatcher(pool).match({ title: 'Given', type: 'movie', year: 2020 }).anilistIds).toEqual([11]);
  });

  it('does not take a title that only drops an article for the film', () => {
    const hits = buildCandidateIndex(pool).lookup(parseSeasonWords('Under the Dog'), 'full');
    expect(hits.map((hit) => hit.via)).toEqual(['exact']);
    expect(createTitleMatcher(pool).match({ title: 'Under the Dog', type: 'movie' }).anilistIds).toEqual([20]);
  });
});

describe('undated namesakes', () => {
  const pool: TitleRecord[] = [
    { anilistId: 8234, titles: ['Muumin', 'Moomin'], format: 'TV' },
    { anilistId: 2150, titles: ['Tanoshii Muumin Ikka', 'Moomin (1990)'], format: 'TV' },
    { anilistId: 98238, titles: ['Room Mate', 'oneroom (2017)'], format: 'TV', informalFrom: 1 },
    { anilistId: 97857, titles: ['One Room'], format: 'TV' },
  ];
  const matcher = createTitleMatcher(pool);

  it('prefers the entry whose title is dated to the asked year over its undated namesake', () => {
    const result = matcher.match({ title: 'Moomin', type: 'show', season: 1, year: 1990 });
    expect(result.anilistIds).toEqual([2150]);
    const other = result.candidates.find((candidate) => candidate.anilistId === 8234);
    expect(other?.evidence.some((item) => item.kind === 'year' && item.weight < 0)).toBe(true);
  });

  it('leaves namesakes level without a year, and for a later season', () => {
    expect(matcher.match({ title: 'Moomin', type: 'show', season: 1 }).status).toBe('abstain');
    const later = matcher.match({ title: 'Moomin', type: 'show', season: 2, year: 1990 });
    expect(later.candidates.every((candidate) => candidate.evidence.every((item) => !item.detail.startsWith('Another entry')))).toBe(true);
  });

  it('dates an entry by any of its names, not only the one that matched', () => {
    const films = createTitleMatcher([
      { anilistId: 1894, titles: ['Yuu Gi Ou: Duel Monsters - Hikari no Pyramid', 'Yu-Gi-Oh!: The Movie'], format: 'MOVIE' },
      { anilistId: 2006, titles: ['Yuu Gi Ou (1999)', 'Yu-Gi-Oh! The Movie'], format: 'MOVIE' },
    ]);
    const result = films.match({ title: 'Yu-Gi-Oh! The Movie', type: 'movie', year: 2004 });
    expect(result.anilistIds).toEqual([1894]);
    expect(result.candidates.find((candidate) => candidate.anilistId === 2006)?.evidence.some((item) => item.detail.includes('1999'))).toBe(true);
  });

  it("does not date an entry by a fan's short name", () => {
    const result = matcher.match({ title: 'One Room', type: 'show', season: 1, year: 2017 });
    const fanDated = result.candidates.find((candidate) => candidate.anilistId === 98238);
    expect(fanDated?.evidence.some((item) => item.kind === 'year')).toBe(false);
    expect(result.anilistIds).toEqual([97857]);
  });
});

describe('a film whose title names one entry only', () => {
  const pool: TitleRecord[] = [
    { anilistId: 142455, titles: ['Bubble'], format: 'ONA' },
    { anilistId: 1, titles: ['Uma Musume: Pretty Derby - Road to the Top'], format: 'ONA' },
    { anilistId: 2, titles: ['Uma Musume: Pretty Derby - Road to the Top (Movie)'], format: 'MOVIE' },
    { anilistId: 3, titles: ['Twin Title'], format: 'ONA' },
    { anilistId: 4, titles: ['Twin Title'], format: 'TV' },
  ];
  const matcher = createTitleMatcher(pool);

  it('takes a web film Plex files as a movie when its exact title names no other entry', () => {
    expect(matcher.match({ title: 'Bubble', type: 'movie', year: 2022 }).anilistIds).toEqual([142455]);
  });

  it("still weighs the format within a franchise, whose film may be a cut of the web series it is named after", () => {
    const franchise = createTitleMatcher([
      { anilistId: 11103, titles: ['Busou Shinki Moon Angel'], format: 'ONA' },
      { anilistId: 16614, titles: ['Busou Shinki: Install x Dream'], format: 'OVA' },
      { anilistId: 13, titles: ['Busou Shinki'], format: 'TV' },
    ]);
    expect(franchise.match({ title: 'Busou Shinki Moon Angel', type: 'movie', year: 2012 }).status).toBe('abstain');
  });

  it('still weighs the format when another entry carries the title too', () => {
    expect(matcher.match({ title: 'Uma Musume: Pretty Derby - Road to the Top', type: 'movie' }).anilistIds).toEqual([2]);
    const twin = matcher.match({ title: 'Twin Title', type: 'movie' });
    expect(twin.candidates.find((candidate) => candidate.anilistId === 3)?.evidence.some((item) => item.kind === 'type' && item.weight < 0)).toBe(true);
  });
});

describe("fans' short names", () => {
  const matcher = createTitleMatcher([
    { anilistId: 516, titles: ['Keroro Gunsou', 'keroro'], format: 'TV', informalFrom: 1 },
    { anilistId: 20543, titles: ['Keroro'], format: 'TV' },
  ]);

  it("prefers an entry's own name to another entry's fan short name", () => {
    const result = matcher.match({ title: 'Keroro', type: 'show', season: 1 });
    expect(result.anilistIds).toEqual([20543]);
    expect(result.candidates.find((candidate) => candidate.anilistId === 516)?.evidence[0]?.detail).toContain("fan's short name");
  });

  it('still answers by a short name no entry carries as its own', () => {
    expect(matcher.match({ title: 'Keroro Gunsou', type: 'show', season: 1 }).anilistIds).toEqual([516]);
    const only = createTitleMatcher([{ anilistId: 1, titles: ['Cowboy Bebop', 'Bebop'], format: 'TV', informalFrom: 1 }]);
    expect(only.match({ title: 'Bebop', type: 'show', season: 1 }).anilistIds).toEqual([1]);
  });
});

describe('remembered title readings', () => {
  it('keeps what one season added out of the next question about the same title', () => {
    const matcher = createTitleMatcher([
      { anilistId: 97986, titles: ['Made in Abyss'], format: 'TV' },
      { anilistId: 114745, titles: ['Made in Abyss: Retsujitsu no Ougonkyou'], format: 'TV' },
    ]);
    const first = matcher.match({ title: 'Made in Abyss', type: 'show', season: 1 });
    expect(matcher.match({ title: 'Made in Abyss', type: 'show', season: 2 }).anilistIds).toEqual([114745]);
    const again = matcher.match({ title: 'Made in Abyss', type: 'show', season: 1 });
    expect(again.candidates.map((candidate) => candidate.anilistId)).toEqual(first.candidates.map((candidate) => candidate.anilistId));
    expect(again.candidates.some((candidate) => candidate.anilistId === 114745)).toBe(false);
  });
});
