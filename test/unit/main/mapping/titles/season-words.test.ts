import { describe, expect, it } from 'vitest';
import { normalizeTitle } from '../../../../../main/mapping/titles/normalize';
import { parseSeasonWords } from '../../../../../main/mapping/titles/season-words';

describe('season words', () => {
  it.each([
    ['Shingeki no Kyojin Season 2', 'Shingeki no Kyojin', { season: 2 }],
    ['Kaguya-sama wa Kokurasetai 2nd Season', 'Kaguya-sama wa Kokurasetai', { season: 2 }],
    ['Major S2', 'Major', { season: 2 }],
    ['Overlord III', 'Overlord', { season: 3 }],
    ['Mob Psycho 100 II', 'Mob Psycho 100', { season: 2 }],
    ['Infinite Stratos 2', 'Infinite Stratos', { season: 2 }],
    ['SPY×FAMILY Part 2', 'SPY×FAMILY', { part: 2 }],
    ['Vinland Saga Cour 2', 'Vinland Saga', { part: 2 }],
    ['進撃の巨人 第2期', '進撃の巨人', { season: 2 }],
    ['ゆるキャン△ 3期', 'ゆるキャン△', { season: 3 }],
    ['Shingeki no Kyojin: The Final Season', 'Shingeki no Kyojin', { final: true }],
    ['Shingeki no Kyojin: The Final Season Part 2', 'Shingeki no Kyojin', { final: true, part: 2 }],
    ['Re:Zero kara Hajimeru Isekai Seikatsu 2nd Season Part 2', 'Re:Zero kara Hajimeru Isekai Seikatsu', { season: 2, part: 2 }],
    ['Ninja Girl & Samurai Master 3rd', 'Ninja Girl & Samurai Master', { season: 3 }],
  ])('"%s" → base "%s" with %o', (title, base, markers) => {
    const words = parseSeasonWords(title);
    expect(words.baseKey).toBe(normalizeTitle(base));
    expect({ season: words.season, part: words.part, final: words.final }).toEqual({ season: undefined, part: undefined, final: undefined, ...markers });
  });

  it('reads a new subtitle after the marker', () => {
    const words = parseSeasonWords('Mix: Meisei Story 2nd Season - Nidome no Natsu, Sora no Mukou e');
    expect(words.baseKey).toBe(normalizeTitle('Mix Meisei Story'));
    expect(words.season).toBe(2);
    expect(words.subtitle).toBe(true);
  });

  it.each(['Mob Psycho 100', 'Steins;Gate 0', '86', 'Zom 100', 'Kaiji', 'Eyeshield 21', 'Golgo 13', 'Ranma ½', 'Ranma 1/2', 'Cyborg 009', 'Tokyo Magnitude 8.0'])(
    'numbers that are part of "%s" are not seasons',
    (title) => {
      const words = parseSeasonWords(title);
      expect(words.season).toBeUndefined();
      expect(words.part).toBeUndefined();
      expect(words.baseKey).toBe(normalizeTitle(title));
    },
  );

  it('takes a dating year out of the name', () => {
    const words = parseSeasonWords('Hunter x Hunter (2011)');
    expect(words.year).toBe(2011);
    expect(words.baseKey).toBe(normalizeTitle('Hunter x Hunter'));
    expect(parseSeasonWords('Ranma ½ (2024) 2nd Season')).toMatchObject({ year: 2024, season: 2, baseKey: normalizeTitle('Ranma 1/2') });
  });

  it('keeps the whole title, markers included, for films', () => {
    const words = parseSeasonWords('Barefoot Gen 2');
    expect(words.season).toBe(2);
    expect(words.fullKey).toBe(normalizeTitle('Barefoot Gen 2'));
    expect(parseSeasonWords('Doraemon the Movie: Nobita no Takarajima').looseKey).toBe(parseSeasonWords('Doraemon: Nobita no Takarajima').looseKey);
  });
});
