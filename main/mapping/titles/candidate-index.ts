/**
 * The index the title matcher asks for candidates, built once over the pool (DESIGN §6: "a fast candidate
 * index, then a fuzzy re-rank"). A query first looks up its base key exactly; only when that finds
 * nothing does it gather a bounded set of keys sharing its rarer words through an inverted index, and
 * fuse.js re-ranks just those. No query ever scans every title.
 */
import Fuse from 'fuse.js';
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
  via: 'exact' | 'fuzzy';
  postings: TitlePosting[];
}

export interface CandidateIndex {
  readonly records: readonly TitleRecord[];
  /** Exact base-key hits, else at most `limit` fuzzy ones. */
  lookup(query: SeasonWords, limit?: number): KeyHit[];
  /** Keys the inverted index proposes for these words before the re-rank (exposed to test the bound). */
  proposals(base: readonly string[], limit: number): string[];
}

export interface CandidateIndexOptions {
  /** Keys handed to fuse.js per query. */
  proposals?: number;
  /** Words in more keys than this are too common to propose candidates ("no", "the", "season"). */
  commonWordLimit?: number;
}

interface KeyEntry {
  text: string;
  postings: TitlePosting[];
}

export function buildCandidateIndex(records: readonly TitleRecord[], options: CandidateIndexOptions = {}): CandidateIndex {
  const maxProposals = options.proposals ?? 40;
  const commonLimit = options.commonWordLimit ?? 1500;
  const keys = new Map<string, KeyEntry>();
  records.forEach((record, recordIndex) => {
    record.titles.forEach((title, titleIndex) => {
      const words = parseSeasonWords(title);
      if (words.baseKey === '') return;
      let entry = keys.get(words.baseKey);
      if (!entry) {
        entry = { text: words.base.join(' '), postings: [] };
        keys.set(words.baseKey, entry);
      }
      entry.postings.push({ record: recordIndex, title: titleIndex, words });
    });
  });

  // Word → keys containing it; a key's words are counted once.
  const byWord = new Map<string, string[]>();
  for (const [key, entry] of keys) {
    for (const word of new Set(entry.text.split(' '))) {
      const list = byWord.get(word);
      if (list) list.push(key);
      else byWord.set(word, [key]);
    }
  }

  function proposals(base: readonly string[], limit: number): string[] {
    const scores = new Map<string, number>();
    for (const word of new Set(base)) {
      const list = byWord.get(word);
      if (!list || list.length > commonLimit) continue;
      // Rarer words say more: weight by inverse frequency, so "kyojin" outweighs "no".
      const weight = 1 / Math.log2(2 + list.length);
      for (const key of list) scores.set(key, (scores.get(key) ?? 0) + weight);
    }
    return [...scores.entries()]
      .sort((a, b) => b[1] - a[1] || a[0].length - b[0].length)
      .slice(0, limit)
      .map(([key]) => key);
  }

  function lookup(query: SeasonWords, limit = 10): KeyHit[] {
    const exact = keys.get(query.baseKey);
    if (exact) return [{ key: query.baseKey, text: exact.text, similarity: 1, via: 'exact', postings: exact.postings }];
    const proposed = proposals(query.base, maxProposals);
    if (proposed.length === 0) return [];
    const fuse = new Fuse(proposed.map((key) => ({ key, text: keys.get(key)?.text ?? '' })), {
      keys: ['text'],
      includeScore: true,
      ignoreLocation: true,
      threshold: 0.4,
    });
    return fuse
      .search(query.base.join(' '))
      .slice(0, limit)
      .map(({ item, score }) => ({
        key: item.key,
        text: item.text,
        similarity: 1 - (score ?? 1),
        via: 'fuzzy' as const,
        postings: keys.get(item.key)?.postings ?? [],
      }));
  }

  return { records, lookup, proposals };
}
