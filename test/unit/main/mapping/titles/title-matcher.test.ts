import { describe, expect, it } from 'vitest';
import { createTitleMatcher } from '../../../../../main/mapping/titles/title-matcher';
import type { TitleRecord } from '../../../../../main/mapping/titles/title-pool';

/** A small pool with the hard cases of DESIGN §6: same names, seasons, cours, final parts, films. */
const pool: TitleRecord[] = [
  { anilistId: 136, titles: ['Hunter x Hunter', 'HUNTER×HUNTER (1999)'], format: 'TV', year: 1999, episodes: 62 },
  { anilistId: 11061, titles: ['Hunter x Hunter (2011)', 'HUNTER×HUNTER'], format: 'TV', year: 2011, episodes: 148 },
  { anilistId: 10087, titles: ['Fate/Zero'], format: 'TV', year: 2011 },
  { anilistId: 11741, titles: ['Fate/Zero 2nd Season', 'Fate/Zero (2012)'], format: 'TV', year: 2012 },
  { anilistId: 356, titles: ['Fate/stay night'], format: 'TV', year: 2006 },
  { anilistId: 140960, titles: ['SPY×FAMILY', 'Spy x Family'], format: 'TV', year: 2022 },
  { anilistId: 142838, titles: ['SPY×FAMILY Part 2', 'Spy x Family Cour 2'], format: 'TV', year: 2022 },
  { anilistId: 158927, titles: ['SPY×FAMILY Season 2'], format: 'TV', year: 2023 },
  { anilistId: 16498, titles: ['Shingeki no Kyojin', 'Attack on Titan'], format: 'TV', year: 2013 },
  { anilistId: 20958, titles: ['Shingeki no Kyojin Season 2', 'Attack on Titan Season 2'], format: 'TV', year: 2017 },
  { anilistId: 99147, titles: ['Shingeki no Kyojin Season 3', 'Attack on Titan Season 3'], format: 'TV', year: 2018 },
  { anilistId: 110277, titles: ['Shingeki no Kyojin: The Final Season', 'Attack on Titan Final Season'], format: 'TV', year: 2020 },
  { anilistId: 131681, titles: ['Shingeki no Kyojin: The Final Season Part 2', 'Attack on Titan: Final Season Part 2'], format: 'TV', year: 2022 },
  { anilistId: 97986, titles: ['Made in Abyss'], format: 'TV', year: 2017 },
  { anilistId: 114745, titles: ['Made in Abyss: Retsujitsu no Ougonkyou', 'Made in Abyss: The Golden City of the Scorching Sun'], format: 'TV', year: 2022 },
  { anilistId: 100280, titles: ['Made in Abyss Movie 3: Fukaki Tamashii no Reimei', 'Made in Abyss: Dawn of the Deep Soul'], format: 'MOVIE', year: 2020 },
  { anilistId: 2001, titles: ['Tengen Toppa Gurren Lagann'], format: 'TV', year: 2007 },
  { anilistId: 4565, titles: ['Gurren Lagann the Movie: Childhood`s End', 'Tengen Toppa Gurren Lagann Movie 1: Gurren-hen'], format: 'MOVIE', year: 2008 },
  { anilistId: 30001, titles: ['Kimi no Na wa.', 'Your Name.'], format: 'MOVIE', year: 2016 },
  { anilistId: 30002, titles: ['Your Name'], format: 'TV', year: 1990 },
  { anilistId: 8525, titles: ['Kami nomi zo Shiru Sekai', 'The World God Only Knows'], format: 'TV', year: 2010 },
  { anilistId: 10080, titles: ['Kami nomi zo Shiru Sekai II', 'Kaminomi s2'], format: 'TV', year: 2011 },
  { anilistId: 5680, titles: ['K-On!'], format: 'TV', year: 2009 },
  { anilistId: 7791, titles: ['K-On!!'], format: 'TV', year: 2010 },
  { anilistId: 4851, titles: ['Lupin III: Seven Days Rhapsody', 'Lupin Sansei: Seven Days` Rhapsody'], format: 'SPECIAL' },
];

const matcher = createTitleMatcher(pool);
const ids = (query: Parameters<typeof matcher.match>[0]): number[] => matcher.match(query).anilistIds;

describe('title matcher on hard cases', () => {
  it('decides Hunter × Hunter 1999 against 2011 by year', () => {
    expect(ids({ title: 'Hunter x Hunter', year: 1999, type: 'show', season: 1 })).toEqual([136]);
    expect(ids({ title: 'Hunter x Hunter', year: 2011, type: 'show', season: 1 })).toEqual([11061]);
  });

  it('abstains on Hunter × Hunter with no year, listing both', () => {
    const result = matcher.match({ title: 'HUNTER×HUNTER', type: 'show', season: 1 });
    expect(result.status).toBe('abstain');
    expect(result.candidates.map((candidate) => candidate.anilistId).sort((a, b) => a - b)).toEqual([136, 11061]);
  });

  it('keeps Fate/Zero and Fate/stay night apart, and finds its second season by marker', () => {
    expect(ids({ title: 'Fate/Zero', year: 2011, type: 'show', season: 1 })).toEqual([10087]);
    expect(ids({ title: 'Fate/Zero', year: 2011, type: 'show', season: 2 })).toEqual([11741]);
    expect(ids({ title: 'Fate stay night', type: 'show', season: 1 })).toEqual([356]);
  });

  it('answers a SPY×FAMILY season with both cours, part 1 first', () => {
    expect(ids({ title: 'Spy × Family', year: 2022, type: 'show', season: 1 })).toEqual([140960]);
    expect(ids({ title: 'SPY x FAMILY', year: 2022, type: 'show', season: 2 })).toEqual([158927]);
  });

  it('reads Attack on Titan seasons and final-season parts from the pool', () => {
    expect(ids({ title: 'Attack on Titan', year: 2013, type: 'show', season: 3 })).toEqual([99147]);
    expect(ids({ title: 'Attack on Titan: The Final Season Part 2', type: 'show', season: 1 })).toEqual([131681]);
    expect(ids({ title: 'Attack on Titan', year: 2013, type: 'show', season: 1 })).toEqual([16498]);
  });

  it('finds a sequel with a new subtitle for season 2', () => {
    const result = matcher.match({ title: 'Made in Abyss', year: 2017, type: 'show', season: 2 });
    expect(result.anilistIds).toEqual([114745]);
    expect(result.best?.evidence.some((item) => item.kind === 'title' && item.detail.includes('subtitle'))).toBe(true);
  });

  it('decides a film against a series of the same name by type', () => {
    expect(ids({ title: 'Your Name', type: 'movie' })).toEqual([30001]);
    expect(ids({ title: 'Your Name', type: 'show', season: 1 })).toEqual([30002]);
  });

  it('reaches a later season through another name of the entry the title names', () => {
    const result = matcher.match({ title: 'The World God Only Knows', year: 2010, type: 'show', season: 2 });
    expect(result.anilistIds).toEqual([10080]);
    expect(result.best?.evidence[0]?.detail).toContain('another name');
  });

  it('reads a longer run of "!" as the second season ("K-On!!")', () => {
    expect(ids({ title: 'K-ON!', type: 'show', season: 1 })).toEqual([5680]);
    expect(ids({ title: 'K-ON!', type: 'show', season: 2 })).toEqual([7791]);
  });

  it('files a TV special named like the film as the film ("Lupin the Third" = "Lupin III")', () => {
    expect(ids({ title: 'Lupin the Third: Seven Days Rhapsody', type: 'movie', year: 2006 })).toEqual([4851]);
  });

  it('matches a film whose title adds "the Movie" words', () => {
    expect(ids({ title: 'Gurren Lagann the Movie: Childhood`s End', type: 'movie', year: 2008 })).toEqual([4565]);
  });

  it('abstains on an unknown title and on a bare season number it cannot place', () => {
    expect(matcher.match({ title: 'Completely Unknown Show', type: 'show', season: 1 }).status).toBe('abstain');
    expect(matcher.match({ title: 'Tengen Toppa Gurren Lagann', type: 'show', season: 4 }).status).toBe('abstain');
  });

  it('gives each candidate a 0..1 confidence and the evidence behind it', () => {
    const result = matcher.match({ title: 'Shingeki no Kyojin', year: 2013, type: 'show', season: 2 });
    expect(result.status).toBe('matched');
    expect(result.best?.anilistId).toBe(20958);
    for (const candidate of result.candidates) {
      expect(candidate.confidence).toBeGreaterThanOrEqual(0);
      expect(candidate.confidence).toBeLessThanOrEqual(1);
      expect(candidate.evidence.length).toBeGreaterThan(0);
    }
    const kinds = result.best?.evidence.map((item) => item.kind);
    expect(kinds).toEqual(expect.arrayContaining(['title', 'season', 'type']));
    const against = result.candidates.find((candidate) => candidate.anilistId === 99147);
    expect(against?.evidence.some((item) => item.kind === 'season' && item.weight < 0)).toBe(true);
  });

  it('uses episode counts when the pool has them', () => {
    const withEpisodes = createTitleMatcher([
      { anilistId: 1, titles: ['Kanon'], format: 'TV', episodes: 13 },
      { anilistId: 2, titles: ['Kanon'], format: 'TV', episodes: 24 },
    ]);
    expect(withEpisodes.match({ title: 'Kanon', type: 'show', season: 1 }).status).toBe('abstain');
    expect(withEpisodes.match({ title: 'Kanon', type: 'show', season: 1, episodes: 24 }).anilistIds).toEqual([2]);
  });
});
