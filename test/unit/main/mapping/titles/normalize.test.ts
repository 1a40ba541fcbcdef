import { describe, expect, it } from 'vitest';
import { foldTitle, normalizeTitle, titleTokens } from '../../../../../main/mapping/titles/normalize';

describe('title normalisation (one key per title)', () => {
  it.each([
    ['diacritics', 'Shōjo Kakumei Utena', 'Shojo Kakumei Utena'],
    ['circumflex long vowel', 'Kyôkai no Kanata', 'Kyoukai no Kanata'],
    ['ou / oo / uu long vowels', 'Shoujo Shuumatsu Ryokou', 'Shōjo Shūmatsu Ryokō'],
    ['full-width forms', 'ＳＰＹ×ＦＡＭＩＬＹ', 'Spy x Family'],
    ['times sign joins words', 'HUNTER×HUNTER', 'Hunter x Hunter'],
    ['punctuation and hyphens', 'Kami-sama no Memo-chou!', 'Kamisama no Memochou'],
    ['stars and middle dots', 'Yu☆Gi☆Oh!', 'Yu-Gi-Oh'],
    ['apostrophes and backticks', 'JoJo`s Bizarre Adventure', "JoJo's Bizarre Adventure"],
    ['ampersand', 'Ninja Girl & Samurai Master', 'Ninja Girl and Samurai Master'],
    ['wo / o particle', 'Kimi no Na wo.', 'Kimi no Na o'],
    ['ordinal words', 'Lupin the Third', 'Lupin the 3rd'],
    ['roman numerals and digits', 'Overlord II', 'Overlord 2'],
    ['fractions', 'Ranma ½', 'Ranma 1/2'],
  ])('%s: "%s" = "%s"', (_why, a, b) => {
    expect(normalizeTitle(a)).toBe(normalizeTitle(b));
  });

  it.each([
    ['Steins;Gate', 'Steins;Gate 0'],
    ['Fate/Zero', 'Fate/stay night'],
    ['Kanon', 'Kanon 2006'],
  ])('keeps different titles apart: "%s" ≠ "%s"', (a, b) => {
    expect(normalizeTitle(a)).not.toBe(normalizeTitle(b));
  });

  it('folds width and case but keeps kana voicing marks', () => {
    expect(foldTitle('ＡＢＣ')).toBe('abc');
    expect(foldTitle('が')).not.toBe(foldTitle('か'));
  });

  it('tokenises on any separator and drops empty words', () => {
    expect(titleTokens('  Re:Zero − Starting Life…  ')).toEqual(['re', 'zero', 'starting', 'life']);
    expect(titleTokens('!!!')).toEqual([]);
  });
});
