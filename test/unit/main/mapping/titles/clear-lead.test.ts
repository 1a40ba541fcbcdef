import { describe, expect, it } from 'vitest';
import { sharesWhatSetsApart } from '../../../../../main/mapping/titles/clear-lead';
import { parseSeasonWords } from '../../../../../main/mapping/titles/season-words';
import { createTitleMatcher } from '../../../../../main/mapping/titles/title-matcher';

const sets = (query: string, candidate: string): boolean => sharesWhatSetsApart(parseSeasonWords(query), parseSeasonWords(candidate));

describe('what sets a title apart', () => {
  it("needs one of the query's last-segment words when the query has a subtitle", () => {
    expect(sets('Attack on Titan: Wings of Freedom', 'Attack on Titan: Chronicle')).toBe(false);
    expect(sets('Attack on Titan: Wings of Freedom', 'Attack on Titan Movie 2: Wings of Freedom')).toBe(true);
    expect(sets('Die Neue These - Intrigue 3', 'Die Neue These Third 1')).toBe(false);
  });

  it('refuses a title with an instalment number the query lacks, but not a film count', () => {
    expect(sets('Mobile Suit Gundam: Hathaway', 'Kidou Senshi Gundam: Senkou no Hathaway 2')).toBe(false);
    expect(sets('Crayon Shin-chan: Me and the Space Princess', 'Crayon Shin-chan Movie 20: Me and the Space Princess')).toBe(true);
  });

  it('needs two shared words, near ones included, for a title of one segment', () => {
    expect(sets('Milky Highway', 'Penguin Highway')).toBe(false);
    expect(sets('Battle Royale High School', 'Battle Royal')).toBe(true);
  });
});

describe('a near title with a clear lead', () => {
  const matcher = createTitleMatcher([
    { anilistId: 5, titles: ['Space Brothers #0', 'Uchuu Kyoudai: Number Zero'], format: 'MOVIE' },
    { anilistId: 6, titles: ['Space Brothers'], format: 'TV' },
    { anilistId: 119113, titles: ['Attack on Titan: Chronicle'], format: 'MOVIE' },
    { anilistId: 16498, titles: ['Attack on Titan'], format: 'TV' },
  ]);

  it('answers below the threshold when nothing speaks against it and no rival comes close', () => {
    const result = matcher.match({ title: 'Space Brothers: Number Zero the Movie', type: 'movie' });
    expect(result.best?.confidence).toBeLessThan(0.75);
    expect(result.anilistIds).toEqual([5]);
  });

  it('abstains when evidence speaks against it', () => {
    expect(matcher.match({ title: 'Space Brothers: Number Zero the Movie', type: 'show', season: 1 }).status).toBe('abstain');
  });

  it("abstains when it shares only the franchise's name", () => {
    expect(matcher.match({ title: 'Attack on Titan: Wings of Freedom', type: 'movie' }).status).toBe('abstain');
  });
});

describe('a clear lead over a soft format mismatch', () => {
  it('lets an OVA Plex files as a film answer, but not a TV series', () => {
    const ova = createTitleMatcher([
      { anilistId: 2250, titles: ['Roots Search: Shokushin Buttai X', 'Roots Search: Life Devourer X'], format: 'OVA' },
      { anilistId: 873, titles: ['.hack//Roots'], format: 'TV' },
    ]);
    const result = ova.match({ title: 'Roots Search: The Life Devourer', type: 'movie', year: 1986 });
    expect(result.best?.confidence).toBeLessThan(0.75);
    expect(result.anilistIds).toEqual([2250]);
    const series = createTitleMatcher([{ anilistId: 9, titles: ['Roots Search: Life Devourer X'], format: 'TV' }]);
    expect(series.match({ title: 'Roots Search: The Life Devourer', type: 'movie', year: 1986 }).status).toBe('abstain');
  });
});
