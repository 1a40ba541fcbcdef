/**
 * The title matcher (DESIGN §6, issue 5): for an item with no usable ID, rank pool entries by title,
 * season words, type, year and episode count, and answer only when one entry clearly leads. Abstaining
 * sends the item to review with its candidates, which is always better than a silent wrong match.
 */
import type { Candidate } from '../model';
import { buildCandidateIndex, type CandidateIndex, type CandidateIndexOptions, type KeyHit, type TitlePosting } from './candidate-index';
import { confidenceOf, recordYear, wantedOf, weighPosting, type TitleQuery } from './evidence';
import { parseSeasonWords, type SeasonWords } from './season-words';
import type { TitleRecord } from './title-pool';

export type { TitleQuery } from './evidence';

export interface TitleMatcherOptions extends CandidateIndexOptions {
  /** Below this confidence the matcher abstains. */
  threshold?: number;
  /** The best must lead the next different entry by this much, or the matcher abstains. */
  margin?: number;
}

export interface TitleMatch {
  status: 'matched' | 'abstain';
  best: Candidate | null;
  /** Matched ids best first: the best, then the other parts (cours) of the same season; [] when abstaining. */
  anilistIds: number[];
  candidates: Candidate[];
}

export interface TitleMatcher {
  match(query: TitleQuery, limit?: number): TitleMatch;
  readonly index: CandidateIndex;
}

/** A ranked candidate, with the season words of the title that earned its rank. */
export interface Ranked {
  candidate: Candidate;
  key: string;
  words: SeasonWords;
}

/** Defaults tuned on the benchmark's title_dev set (clean stratum), never on individual cases. */
export const DEFAULT_THRESHOLD = 0.75;
export const DEFAULT_MARGIN = 0.1;

/** Two titles are parts of one season when they share base and season and differ only in part. */
function sameSeasonOtherPart(a: Ranked, b: Ranked): boolean {
  return a.key === b.key && a.words.season === b.words.season && a.words.final === b.words.final && a.words.part !== b.words.part;
}

/** OVAs, specials and films that extend a title are side stories far more often than a next season. */
const SEQUEL_FORMATS = new Set(['TV', 'ONA', 'TV_SHORT']);

/**
 * Titles that continue the query's title with a subtitle, kept only when they can be a later season: not
 * another name of an entry the title itself names ("Naruto TV"), and not a season of a sub-series
 * ("Inazuma Eleven GO 2" is not "Inazuma Eleven" season 2). Very short bases ("K") prefix too much.
 */
function sequelHits(index: CandidateIndex, words: SeasonWords, exact: readonly KeyHit[]): KeyHit[] {
  if (words.baseKey.length < 4) return [];
  const series = (posting: TitlePosting): boolean => SEQUEL_FORMATS.has(index.records[posting.record]?.format ?? '');
  const named = new Set(exact.filter((hit) => hit.via === 'exact').flatMap((hit) => hit.postings.map((posting) => posting.record)));
  return index.sequels(words).map((hit) => ({
    ...hit,
    postings: hit.postings.filter(
      (posting) => series(posting) && !named.has(posting.record) && posting.words.season === undefined && posting.words.part === undefined && !posting.words.final,
    ),
  }));
}

/** Ranks every record the index reached by its best title's evidence. */
export function rankCandidates(index: CandidateIndex, query: TitleQuery): Ranked[] {
  const words = parseSeasonWords(query.title);
  const wanted = wantedOf(query, words);
  const hits = index.lookup(words, query.type === 'movie' ? 'full' : 'base');
  // A later season with no title naming it is often a sequel with a subtitle of its own.
  const later = wanted.type !== 'movie' && wanted.season !== null && wanted.season > 1;
  if (later && !hits.some((hit) => hit.via === 'exact' && hit.postings.some((posting) => posting.words.season === wanted.season))) {
    hits.push(...sequelHits(index, words, hits));
  }
  const byRecord = new Map<number, Ranked>();
  for (const hit of hits) {
    for (const posting of hit.postings) {
      const record = index.records[posting.record];
      if (!record) continue;
      const evidence = weighPosting(wanted, hit, posting, record, recordYear(record, hit.postings.filter((p) => p.record === posting.record)));
      const confidence = confidenceOf(evidence);
      const known = byRecord.get(posting.record);
      if (known && known.candidate.confidence >= confidence) continue;
      byRecord.set(posting.record, { candidate: { anilistId: record.anilistId, confidence, evidence }, key: hit.key, words: posting.words });
    }
  }
  return [...byRecord.values()].sort(
    (a, b) => b.candidate.confidence - a.candidate.confidence || (a.words.part ?? 1) - (b.words.part ?? 1) || a.candidate.anilistId - b.candidate.anilistId,
  );
}

/** Decides between answering and abstaining over a ranking. */
export function decide(ranked: readonly Ranked[], threshold: number, margin: number, limit: number): TitleMatch {
  const candidates = ranked.slice(0, limit).map((entry) => entry.candidate);
  const top = ranked[0];
  const abstain: TitleMatch = { status: 'abstain', best: null, anilistIds: [], candidates };
  if (!top || top.candidate.confidence < threshold) return abstain;
  const rival = ranked.find((entry, i) => i > 0 && !sameSeasonOtherPart(top, entry));
  if (rival && rival.candidate.confidence > top.candidate.confidence - margin) return abstain;
  const parts = ranked.filter((entry) => entry !== top && sameSeasonOtherPart(top, entry) && entry.candidate.confidence >= threshold);
  const anilistIds = [top, ...parts].map((entry) => entry.candidate.anilistId);
  return { status: 'matched', best: top.candidate, anilistIds: [...new Set(anilistIds)], candidates };
}

export function createTitleMatcher(pool: readonly TitleRecord[], options: TitleMatcherOptions = {}): TitleMatcher {
  const index = buildCandidateIndex(pool, options);
  const threshold = options.threshold ?? DEFAULT_THRESHOLD;
  const margin = options.margin ?? DEFAULT_MARGIN;
  return {
    index,
    match: (query, limit = 10) => decide(rankCandidates(index, query), threshold, margin, limit),
  };
}
