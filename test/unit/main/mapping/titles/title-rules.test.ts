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
