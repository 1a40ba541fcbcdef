/**
 * Season, part and cour markers ("Season 2", "2nd Season", "II", "Part 2", "第2期", "The Final Season") are
 * taken out of a title so that "Shingeki no Kyojin Season 2" and "Attack on Titan" share a base, and the
 * marker becomes evidence of its own. Numbers that belong to a name ("Mob Psycho 100", "Steins;Gate 0",
 * "86") are left alone: a bare trailing number counts only from 2 to 12 and only after other words.
 */
import { canonicalWord, FILM_WORDS, foldedWords, keyOfTokens } from './normalize';

export interface SeasonWords {
  /** Index spelling of the words before the first marker (the whole title when it has none). */
  base: string[];
  baseKey: string;
  /** Every word but a dating year, markers included: what a movie's title must equal ("Barefoot Gen 2"). */
  words: string[];
  fullKey: string;
  /** The whole title without film words ("the", "movie", "gekijouban"): a film's second chance at an exact match. */
  looseKey: string;
  season?: number;
  part?: number;
  final?: boolean;
  /** A "(2019)"-style year that disambiguates remakes; never part of the base. */
  year?: number;
  /** Words after the marker or after the first segment: a sequel's own subtitle. */
  subtitle: boolean;
  /** A marker from a bare trailing number or numeral, which is weaker than "Season 2". */
  weak: boolean;
  /** Length of a closing run of "!", "?" or "+": "K-On!!", "Gochuumon wa Usagi Desu ka??" and "Amagami SS+" are sequels. */
  trail: number;
  /** The closing run holds a "+" ("Amagami SS+"), which is never mere punctuation. */
  trailPlus: boolean;
  /** Where in `words` the last segment starts ("Wings of Freedom"); 0 for a title of one segment. */
  lastSegment: number;
}

const ROMAN: Record<string, number> = { ii: 2, iii: 3, iv: 4, vi: 6, vii: 7, viii: 8, ix: 9 };
const WORDS: Record<string, number> = {
  first: 1, second: 2, third: 3, fourth: 4, fifth: 5, sixth: 6, seventh: 7, eighth: 8, ninth: 9, tenth: 10,
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
};
const SEASON_NOUNS = new Set(['season', 'seasons', 'stage', 'series', 'shiizun', 'saison', 'temporada', 'staffel']);
const PART_NOUNS = new Set(['part', 'cour', 'kuru']);
/** Segment breaks: a subtitle starts after one of these. */
const SEGMENTS = /\s*(?::|：|\s[-–—~]\s|[~～〜]|\(|\)|\[|\]|（|）)\s*/;

/** Japanese markers rewritten to the English words the parser reads. */
function englishMarkers(title: string): string {
  return title
    .normalize('NFKC')
    .replace(/第?\s*(\d+)\s*期/g, ' season $1 ')
    .replace(/第?\s*(\d+)\s*クール/g, ' part $1 ')
    .replace(/シーズン\s*(\d+)/g, ' season $1 ');
}

/** "2", "2nd", "ii", "second" → 2. */
function numberOf(word: string | undefined): number | undefined {
  if (word === undefined) return undefined;
  const ordinal = /^(\d{1,2})(?:st|nd|rd|th)?$/.exec(word);
  if (ordinal) return Number(ordinal[1]);
  return ROMAN[word] ?? WORDS[word];
}

function isYear(word: string): boolean {
  return /^(19[6-9]\d|20[0-3]\d)$/.test(word);
}

interface Marker {
  at: number;
  length: number;
  season?: number;
  part?: number;
  final?: boolean;
  weak: boolean;
}

/** A marker starting at words[i], or undefined. `segmentEnd` says whether words[i] ends its segment. */
function markerAt(words: readonly string[], i: number, segmentEnd: boolean): Marker | undefined {
  const word = words[i] ?? '';
  const next = words[i + 1];
  if (word === 'final' && next !== undefined && SEASON_NOUNS.has(next)) return { at: i, length: 2, final: true, weak: false };
  if (word === 'the' && next === 'final' && (i + 2 >= words.length || SEASON_NOUNS.has(words[i + 2] ?? ''))) return { at: i, length: SEASON_NOUNS.has(words[i + 2] ?? '') ? 3 : 2, final: true, weak: false };
  if (SEASON_NOUNS.has(word) && numberOf(next) !== undefined) return { at: i, length: 2, season: numberOf(next), weak: false };
  if (PART_NOUNS.has(word) && numberOf(next) !== undefined) return { at: i, length: 2, part: numberOf(next), weak: false };
  const n = numberOf(word);
  if (n !== undefined && next !== undefined && SEASON_NOUNS.has(next) && !/^\d+$/.test(word)) return { at: i, length: 2, season: n, weak: false };
  if (n !== undefined && next !== undefined && PART_NOUNS.has(next) && !/^\d+$/.test(word)) return { at: i, length: 2, part: n, weak: false };
  const short = /^s(\d{1,2})$/.exec(word);
  if (short && i > 0) return { at: i, length: 1, season: Number(short[1]), weak: false };
  if (!segmentEnd || i === 0) return undefined;
  if (ROMAN[word] !== undefined) return { at: i, length: 1, season: ROMAN[word], weak: true };
  if (/^\d+(st|nd|rd|th)$/.test(word)) return { at: i, length: 1, season: n, weak: true };
  if (/^\d{1,2}$/.test(word) && n !== undefined && n >= 2 && n <= 12) return { at: i, length: 1, season: n, weak: true };
  return undefined;
}

/** The index the last segment starts at, from the indexes segments end at. */
function lastSegmentStart(ends: ReadonlySet<number>, length: number): number {
  const before = [...ends].filter((end) => end < length - 1);
  return before.length === 0 ? 0 : Math.max(...before) + 1;
}

/** Splits a title into base words and its season/part markers. */
export function parseSeasonWords(title: string): SeasonWords {
  const segments = englishMarkers(title)
    .split(SEGMENTS)
    .map(foldedWords)
    .filter((words) => words.length > 0);
  const words: string[] = [];
  const ends = new Set<number>();
  let year: number | undefined;
  for (const segment of segments) {
    // A lone "(2019)" segment, or a year closing the first segment, dates the title instead of naming it.
    const last = segment[segment.length - 1] ?? '';
    if (isYear(last) && (words.length > 0 || segment.length > 1)) {
      year ??= Number(last);
      segment.pop();
    }
    if (segment.length === 0) continue;
    words.push(...segment);
    ends.add(words.length - 1);
  }
  const firstEnd = Math.min(...ends);
  let found: Marker | undefined;
  for (let i = 0; i < words.length && !found; i += 1) found = markerAt(words, i, ends.has(i));
  const all = words.map(canonicalWord);
  const run = /[!?+！？＋]+$/.exec(title.trim())?.[0] ?? '';
  const trail = run.length;
  const trailPlus = /[+＋]/.test(run);
  const loose = keyOfTokens(all.filter((word) => !FILM_WORDS.has(word)));
  const result: SeasonWords = { base: [], baseKey: '', words: all, fullKey: keyOfTokens(all), looseKey: loose, subtitle: false, weak: false, trail, trailPlus, lastSegment: lastSegmentStart(ends, words.length) };
  if (year !== undefined) result.year = year;
  if (!found) {
    result.base = all;
    result.subtitle = words.length - 1 > firstEnd;
  } else {
    result.base = all.slice(0, found.at);
    result.weak = found.weak;
    if (found.final) result.final = true;
    if (found.season !== undefined) result.season = found.season;
    if (found.part !== undefined) result.part = found.part;
    // A second marker right after the first: "2nd Season Part 2", "Final Season Part 2".
    let after = found.at + found.length;
    const more = after < words.length ? markerAt(words, after, ends.has(after)) : undefined;
    if (more) {
      if (more.part !== undefined) result.part ??= more.part;
      if (more.season !== undefined) result.season ??= more.season;
      if (more.final) result.final = true;
      after += more.length;
    }
    result.subtitle = after < words.length;
  }
  result.baseKey = keyOfTokens(result.base);
  return result;
}

/** Whether a title carries a season, part or final-season marker. */
export function hasMarker(words: SeasonWords): boolean {
  return words.season !== undefined || words.part !== undefined || words.final === true;
}

/** The same title with its markers read as part of the name. */
export function unmarked(words: SeasonWords): SeasonWords {
  return { ...words, base: words.words, baseKey: words.fullKey, season: undefined, part: undefined, final: undefined, weak: false } as SeasonWords;
}
