/**
 * The index the title matcher asks for candidates, built once over the pool (DESIGN §6: "a fast candidate
 * index, then a fuzzy re-rank"). A query first looks up its base key exactly; only when that finds
 * nothing does it gather a bounded set of keys sharing its rarer words through an inverted index, and
 * fuse.js re-ranks just those. No query ever scans every title.
 */
import Fuse from 'fuse.js';
import { FILM_MARKERS, FILM_WORDS, keyOfTokens } from './normalize';
import { parseSeasonWords, type SeasonWords } from './season-words';
import type { TitleRecord } from './title-pool';

/** One title of one record, with its season words. */
export interface TitlePosting {
  record: number;
  title: number;
  words: SeasonWords;
}

/** A base key the query reached, how close it is (1 = the same key), and the titles that carry it. */
export interface KeyHit {
  key: string;
  text: string;
  similarity: number;
  /** `sequel`: the title starts with the query's words and goes on ("Made in Abyss: Retsujitsu no Ougonkyou"). */
  /** `sibling`: reached through another title of an entry the query named ("Kami nomi zo Shiru Sekai II"). */
  via: 'exact' | 'loose' | 'fuzzy' | 'sequel' | 'sibling';
  postings: TitlePosting[];
}

export interface CandidateIndex {
  readonly records: readonly TitleRecord[];
  /**
   * Exact hits on the query's base key (`by: 'base'`, shows: markers read as evidence) or whole title
   * (`by: 'full'`, movies: "Barefoot Gen 2" is another film); else at most `limit` fuzzy whole-title hits.
   */
  lookup(query: SeasonWords, by: 'base' | 'full', limit?: number): KeyHit[];
  /** Only the exact hit on the base or whole-title key, never fuzzy ones. */
  exact(query: SeasonWords, by: 'base' | 'full'): KeyHit | null;
  /** Every title of one record (by pool position), parsed. */
  titlesOf(record: number): readonly SeasonWords[];
  /** Titles that start with all of the query's base words and add more: sequels with a new subtitle. */
  sequels(query: SeasonWords, limit?: number): KeyHit[];
  /** Records with a title that is these words or starts with them ("Busou Shinki" → every Busou Shinki entry). */
  startingWith(words: readonly string[]): Set<number>;
  /** Keys the inverted index proposes for these words before the re-rank (exposed to test the bound). */
  proposals(words: readonly string[], limit: number): string[];
}

export interface CandidateIndexOptions {
  /** Keys handed to the re-rank per query. */
  proposals?: number;
  /** Words in more keys than this only score keys a rarer word proposed ("no", "the", "season"). */
  rareWordLimit?: number;
  /** Words in more keys than this never propose, even when they are the query's rarest. */
  commonWordLimit?: number;
}

interface KeyEntry {
  text: string;
  words: string[];
  postings: TitlePosting[];
}

/** Keys fuse.js re-ranks per query. */
const FUSE_KEYS = 4;
/** Below this word overlap a key cannot reach an answering similarity (0.75 × overlap + 0.25 × 1), so fuse skips it. */
const MIN_OVERLAP_FOR_RERANK = 0.4;

/** A near word counts this much of a shared one. */
const NEAR_WORD = 0.8;

/**
 * Spelling slips and romanisation variants ("Royale" / "Royal", "Dimmension", "Diaboromon" / "Diablomon"):
 * words of five letters or more with the same first letter, within one edit, or two for words of nine or more.
 * Numbers never are near.
 */
export function nearWords(a: string, b: string): boolean {
  // Slips keep a word's first letter; checking it first skips nearly every pair cheaply.
  if (a[0] !== b[0] || a.length < 5 || b.length < 5 || /\d/.test(a) || /\d/.test(b)) return false;
  const limit = Math.min(a.length, b.length) >= 9 ? 2 : 1;
  if (Math.abs(a.length - b.length) > limit) return false;
  return editDistance(a, b, limit) <= limit;
}

/** Levenshtein distance, giving up (limit + 1) once it exceeds the limit. */
function editDistance(a: string, b: string, limit: number): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    let best = i;
    for (let j = 1; j <= b.length; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const value = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost);
      current.push(value);
      best = Math.min(best, value);
    }
    if (best > limit) return limit + 1;
    previous = current;
  }
  return previous[b.length] ?? limit + 1;
}

function addPosting(map: Map<string, KeyEntry>, key: string, words: string[], posting: TitlePosting): void {
  let entry = map.get(key);
  if (!entry) {
    entry = { text: words.join(' '), words, postings: [] };
    map.set(key, entry);
  }
  entry.postings.push(posting);
}

export function buildCandidateIndex(records: readonly TitleRecord[], options: CandidateIndexOptions = {}): CandidateIndex {
  const maxProposals = options.proposals ?? 15;
  const rareLimit = options.rareWordLimit ?? 200;
  const commonLimit = options.commonWordLimit ?? 500;
  const bases = new Map<string, KeyEntry>();
  const fulls = new Map<string, KeyEntry>();
  const looses = new Map<string, KeyEntry>();
  // Every proper word prefix of every title → its postings, for sequels that add a subtitle.
  const prefixes = new Map<string, TitlePosting[]>();
  const parsed: SeasonWords[][] = [];
  records.forEach((record, recordIndex) => {
    const own: SeasonWords[] = [];
    parsed.push(own);
    record.titles.forEach((title, titleIndex) => {
      const words = parseSeasonWords(title);
      own.push(words);
      const posting = { record: recordIndex, title: titleIndex, words };
      if (words.baseKey !== '') addPosting(bases, words.baseKey, words.base, posting);
      if (words.fullKey !== '') addPosting(fulls, words.fullKey, words.words, posting);
      if (words.looseKey !== '') addPosting(looses, words.looseKey, words.words, posting);
      let prefix = '';
      for (let i = 0; i < words.words.length - 1; i += 1) {
        prefix += words.words[i] ?? '';
        const list = prefixes.get(prefix);
        if (list) list.push(posting);
        else prefixes.set(prefix, [posting]);
      }
    });
  });

  // Word → whole-title keys containing it; a key's words are counted once.
  const byWord = new Map<string, string[]>();
  for (const [key, entry] of fulls) {
    for (const word of new Set(entry.words)) {
      const list = byWord.get(word);
      if (list) list.push(key);
      else byWord.set(word, [key]);
    }
  }
  /** Rarer words say more ("kyojin" outweighs "no"); unknown words weigh as the rarest. */
  const weights = new Map<string, number>();
  const weightOf = (word: string): number => {
    let weight = weights.get(word);
    if (weight === undefined) {
      weight = FILM_WORDS.has(word) ? 0.05 : 1 / Math.log2(1 + (byWord.get(word)?.length ?? 1));
      // Query words the pool has never seen are not kept: a library would grow the map without end.
      if (byWord.has(word)) weights.set(word, weight);
    }
    return weight;
  };

  function proposals(words: readonly string[], limit: number): string[] {
    // Rarest words first: they open candidates; common words only add to keys already opened, so a query
    // full of "no", "the" and "season" never walks thousands of keys.
    const known = [...new Set(words)]
      .map((word) => ({ word, keys: byWord.get(word) ?? [] }))
      .filter((entry) => entry.keys.length > 0)
      .sort((a, b) => a.keys.length - b.keys.length);
    const scores = new Map<string, number>();
    for (const [i, { word, keys }] of known.entries()) {
      const weight = weightOf(word);
      if (keys.length <= rareLimit || (i === 0 && keys.length <= commonLimit)) {
        for (const key of keys) scores.set(key, (scores.get(key) ?? 0) + weight);
      } else {
        for (const [key, score] of scores) if (fulls.get(key)?.words.includes(word)) scores.set(key, score + weight);
      }
    }
    return [...scores.entries()]
      .sort((a, b) => b[1] - a[1] || a[0].length - b[0].length)
      .slice(0, limit)
      .map(([key]) => key);
  }

  /** Weighted word overlap (Dice): shared rare words count, a missing or extra rare word costs; near words count most of a shared one. */
  function overlap(query: readonly string[], candidate: readonly string[]): number {
    const mine = new Set(query);
    const theirs = new Set(candidate);
    let shared = 0;
    let total = 0;
    const unmatched: string[] = [];
    for (const word of mine) {
      total += weightOf(word);
      if (theirs.has(word)) shared += 2 * weightOf(word);
      else unmatched.push(word);
    }
    const spare: string[] = [];
    for (const word of theirs) {
      total += weightOf(word);
      // Only words of five letters or more can be near ones (nearWords), so shorter ones are not kept.
      if (unmatched.length > 0 && word.length >= 5 && !mine.has(word)) spare.push(word);
    }
    if (spare.length === 0) return total === 0 ? 0 : shared / total;
    // A misspelt word still counts most of a shared one; each of the candidate's words pairs up once.
    for (const word of unmatched) {
      if (word.length < 5) continue;
      const i = spare.findIndex((other) => nearWords(word, other));
      if (i < 0) continue;
      const other = spare[i] ?? '';
      spare.splice(i, 1);
      shared += NEAR_WORD * (weightOf(word) + weightOf(other));
    }
    return total === 0 ? 0 : shared / total;
  }

  function fuzzy(query: SeasonWords, limit: number): KeyHit[] {
    const proposed = proposals(query.words, maxProposals);
    if (proposed.length === 0) return [];
    const scored = proposed
      .map((key) => {
        const entry = fulls.get(key) as KeyEntry;
        return { key, entry, overlap: overlap(query.words, entry.words), typo: 0 };
      })
      .sort((a, b) => b.overlap - a.overlap);
    // fuse.js re-ranks the leading keys; its typo-tolerant score is blended with the word overlap, which it
    // lacks (fuse finds "Galaxy Express 999" inside any longer title). When even a perfect fuse score could
    // not lift the best key to a usable similarity, the re-rank is skipped: it is the costly step.
    const leaders = scored.slice(0, FUSE_KEYS).filter((entry) => entry.overlap >= MIN_OVERLAP_FOR_RERANK);
    if (leaders.length > 0) {
      const fuse = new Fuse(leaders, { keys: ['entry.text'], includeScore: true, ignoreLocation: true, threshold: 0.6 });
      for (const result of fuse.search(query.words.join(' '))) result.item.typo = 1 - (result.score ?? 1);
    }
    return scored
      .map(({ key, entry, overlap: shared, typo }) => ({
        key,
        text: entry.text,
        similarity: 0.75 * shared + 0.25 * typo,
        via: 'fuzzy' as const,
        postings: entry.postings,
      }))
      .sort((a, b) => b.similarity - a.similarity)
      .slice(0, limit);
  }

  function exact(query: SeasonWords, by: 'base' | 'full'): KeyHit | null {
    const key = by === 'base' ? query.baseKey : query.fullKey;
    const entry = (by === 'base' ? bases : fulls).get(key);
    return entry ? { key, text: entry.text, similarity: 1, via: 'exact', postings: entry.postings } : null;
  }

  function lookup(query: SeasonWords, by: 'base' | 'full', limit = 10): KeyHit[] {
    const hit = exact(query, by);
    const loose = by === 'full' && query.looseKey !== '' ? looses.get(query.looseKey) : undefined;
    // A film's exact title is often its series' too ("Given"), while the film itself is only "Given the Movie":
    // the loose key's other titles come along, and type evidence tells them apart.
    // Only titles that say they are the film: "Underdog" is not "Under the Dog" with a film word left out.
    const own = loose && hit ? new Set(hit.postings) : null;
    const more = own ? loose?.postings.filter((posting) => !own.has(posting) && posting.words.words.some((word) => FILM_MARKERS.has(word))) : loose?.postings;
    const looseHit: KeyHit | null = more && more.length > 0 ? { key: query.looseKey, text: loose?.text ?? '', similarity: 1, via: 'loose', postings: more } : null;
    if (hit) return looseHit ? [hit, looseHit] : [hit];
    if (looseHit) return [looseHit];
    return fuzzy(query, limit);
  }

  function sequels(query: SeasonWords, limit = 50): KeyHit[] {
    const postings = prefixes.get(query.baseKey);
    if (!postings || query.base.length === 0) return [];
    return [{ key: query.baseKey, text: query.base.join(' '), similarity: 1, via: 'sequel', postings: postings.slice(0, limit) }];
  }

  function startingWith(words: readonly string[]): Set<number> {
    const key = keyOfTokens(words);
    const postings = [...(prefixes.get(key) ?? []), ...(fulls.get(key)?.postings ?? [])];
    return new Set(postings.map((posting) => posting.record));
  }

  return { records, lookup, exact, sequels, startingWith, proposals, titlesOf: (record) => parsed[record] ?? [] };
}
