import { describe, expect, it } from 'vitest';
import { buildCandidateIndex, nearWords } from '../../../../../main/mapping/titles/candidate-index';
import { parseSeasonWords } from '../../../../../main/mapping/titles/season-words';
import type { TitleRecord } from '../../../../../main/mapping/titles/title-pool';

/** Many titles sharing common words, so an unbounded index would return them all. */
function bigPool(size: number): TitleRecord[] {
  return Array.from({ length: size }, (_, i) => ({ anilistId: i + 1, titles: [`Magical Girl Story no ${i} Kouhen`, `Mahou Shoujo ${i}`], format: 'TV' }));
}

describe('candidate index', () => {
  const index = buildCandidateIndex(bigPool(5000), { proposals: 25 });

  it('finds an exact base key without fuzzy work', () => {
    const hits = index.lookup(parseSeasonWords('Mahou Shoujo 4321'), 'base');
    expect(hits).toHaveLength(1);
    expect(hits[0]?.via).toBe('exact');
    expect(hits[0]?.postings.map((posting) => posting.record)).toEqual([4321]);
  });

  it('proposes a bounded set for a query of common words', () => {
    expect(index.proposals(['magical', 'girl', 'story', 'no'], 25).length).toBeLessThanOrEqual(25);
    const hits = index.lookup(parseSeasonWords('Magical Girl Story Kouhen'), 'full', 10);
    expect(hits.length).toBeLessThanOrEqual(10);
    expect(hits.every((hit) => hit.via === 'fuzzy')).toBe(true);
  });

  it('ranks the key sharing a rare word first', () => {
    const hits = index.lookup(parseSeasonWords('Magical Girl Story 777 Kohen'), 'full', 5);
    expect(hits[0]?.postings[0]?.record).toBe(777);
  });

  it('finds titles that continue the query with a subtitle', () => {
    const small = buildCandidateIndex([
      { anilistId: 1, titles: ['Made in Abyss'], format: 'TV' },
      { anilistId: 2, titles: ['Made in Abyss: Retsujitsu no Ougonkyou'], format: 'TV' },
    ]);
    const sequels = small.sequels(parseSeasonWords('Made in Abyss'));
    expect(sequels.flatMap((hit) => hit.postings.map((posting) => posting.record))).toEqual([1]);
  });

  it('proposes nothing for words it has never seen', () => {
    expect(index.lookup(parseSeasonWords('Zzyzx Qwerty'), 'full')).toEqual([]);
  });
});

describe('near words', () => {
  it.each([
    ['royale', 'royal', true],
    ['dimmension', 'dimension', true],
    ['diaboromon', 'diablomon', true],
    ['tournement', 'tournament', true],
    ['angel', 'angels', true],
    ['road', 'roads', false],
    ['kanon', 'canon', false],
    ['2021', '2022', false],
    ['sakura', 'sakuga', true],
    ['gundam', 'digimon', false],
  ])('"%s" and "%s": %s', (a, b, near) => {
    expect(nearWords(a, b)).toBe(near);
  });

  it('lets a misspelt title reach the same similarity band as the right spelling', () => {
    const index = buildCandidateIndex([
      { anilistId: 1, titles: ['Battle Royal High School'], format: 'OVA' },
      { anilistId: 2, titles: ['Battle Girl High School'], format: 'TV' },
    ]);
    const hits = index.lookup(parseSeasonWords('Battle Royale High School'), 'full', 5);
    expect(hits[0]?.postings[0]?.record).toBe(0);
    expect(hits[0]?.similarity).toBeGreaterThan(0.85);
  });
});
