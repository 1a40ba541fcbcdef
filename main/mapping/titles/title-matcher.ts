/**
 * The title matcher (DESIGN §6, issue 5): for an item with no usable ID, rank pool entries by title,
 * season words, type, year and episode count, and answer only when one entry clearly leads. Abstaining
 * sends the item to review with its candidates, which is always better than a silent wrong match.
 */
import type { Candidate } from '../model';
import { buildCandidateIndex, type CandidateIndex, type CandidateIndexOptions, type KeyHit, type TitlePosting } from './candidate-index';
import { confidenceOf, formal, recordYear, wantedOf, weighPosting, WEIGHTS, type RecordYear, type TitleQuery } from './evidence';
import { CLEAR_LEAD_MARGIN, CLEAR_LEAD_SCORE, setsApartFrom } from './clear-lead';
import { findLaterSeason } from './later-seasons';
import { loneTitle, weighUndatedNamesakes } from './namesakes';
import { hasMarker, parseSeasonWords, unmarked, type SeasonWords } from './season-words';
import type { TitleRecord } from './title-pool';

export type { TitleQuery } from './evidence';

export interface TitleMatcherOptions extends CandidateIndexOptions {
  /** Below this confidence the matcher abstains. */
  threshold?: number;
  /** The best must lead the next different entry by this much, or the matcher abstains. */
  margin?: number;
  /** The lead a merely similar title needs: near misses crowd together, so one must stand out. */
  fuzzyMargin?: number;
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
  via: KeyHit['via'];
  /** The unclamped sum of evidence weights: ranks candidates that both reach confidence 1. */
  score: number;
  /** The entry has a year, its own or from this title ("Moomin (1990)"). */
  dated: boolean;
  /** A near title carrying the query's distinguishing words (clear-lead.ts); read for the leader only. */
  setsApart?: boolean;
  /** The record's position in the pool. */
  record: number;
}

/** Defaults tuned on the benchmark's title_dev set (clean stratum), never on individual cases. */
export const DEFAULT_THRESHOLD = 0.75;
export const DEFAULT_MARGIN = 0.1;
export const DEFAULT_FUZZY_MARGIN = 0.18;

/** Two titles are parts of one season when they share base and season and differ only in part. */
function sameSeasonOtherPart(a: Ranked, b: Ranked): boolean {
  return a.key === b.key && a.words.season === b.words.season && a.words.final === b.words.final && a.words.part !== b.words.part;
}

/**
 * "The Prince of Tennis II", "Major 2nd": when an entry carries the query's whole title, its marker is part
 * of the show's name, and the query's own season counts from there.
 */
function namedShow(index: CandidateIndex, parsed: SeasonWords): { words: SeasonWords; hits: KeyHit[] } | null {
  const hit = index.exact(parsed, 'full');
  if (!hit) return null;
  const hits = [hit];
  return { words: unmarked(parsed), hits: hits.map((hit) => ({ ...hit, postings: hit.postings.map((posting) => ({ ...posting, words: unmarked(posting.words) })) })) };
}

/** Per index, each record's year as all its names give it: it never changes, so it is read once. */
const namesYears = new WeakMap<CandidateIndex, Map<number, RecordYear | null>>();

/** A record's year from any of its names ("Yuu Gi Ou (1999)" dates "Yu-Gi-Oh! The Movie"). */
function namesYear(index: CandidateIndex, record: number): RecordYear | null {
  let known = namesYears.get(index);
  if (!known) {
    known = new Map();
    namesYears.set(index, known);
  }
  const cached = known.get(record);
  if (cached !== undefined) return cached;
  const entry = index.records[record];
  const year = entry ? recordYear(entry, index.titlesOf(record).map((words, title) => ({ record, title, words }))) : null;
  known.set(record, year);
  return year;
}

/** What a title reads as and the keys it reaches: the same for every season and year asked with it. */
interface TitleReading {
  parsed: SeasonWords;
  named: { words: SeasonWords; hits: KeyHit[] } | null;
  found: readonly KeyHit[];
}

type TitleReader = (index: CandidateIndex, query: TitleQuery) => TitleReading;

function readTitle(index: CandidateIndex, query: TitleQuery): TitleReading {
  const parsed = parseSeasonWords(query.title);
  const named = query.type !== 'movie' && hasMarker(parsed) ? namedShow(index, parsed) : null;
  const found = named?.hits ?? index.lookup(named?.words ?? parsed, query.type === 'movie' ? 'full' : 'base');
  return { parsed, named, found };
}

/**
 * Remembers recent readings: a show is asked about once per season and once more for its first season (the
 * title bridge), and the fuzzy re-rank is the costly step. Bounded, so a long run does not grow it.
 */
function rememberingReader(size = 500): TitleReader {
  const known = new Map<string, TitleReading>();
  return (index, query) => {
    const key = `${query.type ?? ''}\u0000${query.title}`;
    const hit = known.get(key);
    if (hit) return hit;
    const reading = readTitle(index, query);
    if (known.size >= size) known.clear();
    known.set(key, reading);
    return reading;
  };
}

/** Ranks every record the index reached by its best title's evidence. */
export function rankCandidates(index: CandidateIndex, query: TitleQuery, read: TitleReader = readTitle): Ranked[] {
  const { parsed, named, found } = read(index, query);
  const words = named?.words ?? parsed;
  const wanted = wantedOf(query, words);
  // A copy: later seasons are added to it, and the reading may be shared.
  const hits = [...found];
  // A later season with no title naming it is often a sequel with a subtitle of its own.
  const later = wanted.type !== 'movie' && wanted.season !== null && wanted.season > 1;
  if (later && !hits.some((hit) => hit.via === 'exact' && hit.postings.some((posting) => posting.words.season === wanted.season))) {
    hits.push(...findLaterSeason(index, { words, hits, season: wanted.season ?? 0, own: named ? parsed : null }));
  }
  const byRecord = new Map<number, Ranked>();
  const lone = wanted.type === 'movie' && loneTitle(index, words, hits);
  for (const hit of hits) {
    // A record's titles within one hit, grouped once: big franchises have hundreds of postings per key.
    const byOwner = new Map<number, TitlePosting[]>();
    for (const posting of hit.postings) {
      const list = byOwner.get(posting.record);
      if (list) list.push(posting);
      else byOwner.set(posting.record, [posting]);
    }
    const years = new Map<number, RecordYear | null>();
    for (const posting of hit.postings) {
      const record = index.records[posting.record];
      if (!record) continue;
      let year = years.get(posting.record);
      if (year === undefined) {
        year = recordYear(record, byOwner.get(posting.record) ?? []) ?? namesYear(index, posting.record);
        years.set(posting.record, year);
      }
      const evidence = weighPosting(wanted, hit, posting, record, year, lone);
      const score = evidence.reduce((sum, item) => sum + item.weight, 0);
      const known = byRecord.get(posting.record);
      if (known && known.score >= score) continue;
      const candidate = { anilistId: record.anilistId, confidence: confidenceOf(evidence), evidence };
      const dated = year !== null || (posting.words.year !== undefined && formal(record, posting));
      const entry: Ranked = { candidate, key: hit.key, words: posting.words, via: hit.via, score, dated, record: posting.record };
      byRecord.set(posting.record, entry);
    }
  }
  weighUndatedNamesakes([...byRecord.values()], wanted);
  const ranked = [...byRecord.values()].sort(
    (a, b) => b.score - a.score || (a.words.part ?? 1) - (b.words.part ?? 1) || a.candidate.anilistId - b.candidate.anilistId,
  );
  // Only a leading near title can answer on a clear lead; any of the entry's names may carry the subtitle.
  const top = ranked[0];
  if (top?.via === 'fuzzy') top.setsApart = index.titlesOf(top.record).some(setsApartFrom(words));
  return ranked;
}

/** The type evidence a clear lead tolerates: WEIGHTS.typeLoose, an OVA for a film. */
const SOFT_TYPE = WEIGHTS.typeLoose;

/** A near title below the threshold that still answers (clear-lead.ts). */
function standsAlone(top: Ranked, rival: Ranked | undefined): boolean {
  if (top.via !== 'fuzzy' || !top.setsApart || top.score < CLEAR_LEAD_SCORE) return false;
  // A soft format mismatch (an OVA or TV special filed as a film) is no contradiction; anything else is.
  if (top.candidate.evidence.some((item) => item.weight < 0 && !(item.kind === 'type' && item.weight >= SOFT_TYPE))) return false;
  return !rival || rival.score <= top.score - CLEAR_LEAD_MARGIN;
}

/** Decides between answering and abstaining over a ranking. */
export function decide(ranked: readonly Ranked[], options: Required<Pick<TitleMatcherOptions, 'threshold' | 'margin' | 'fuzzyMargin'>>, limit: number): TitleMatch {
  const { threshold } = options;
  const candidates = ranked.slice(0, limit).map((entry) => entry.candidate);
  const top = ranked[0];
  const abstain: TitleMatch = { status: 'abstain', best: null, anilistIds: [], candidates };
  if (!top) return abstain;
  const rival = ranked.find((entry, i) => i > 0 && !sameSeasonOtherPart(top, entry));
  if (top.score < threshold && !standsAlone(top, rival)) return abstain;
  const margin = top.via === 'fuzzy' ? Math.max(options.margin, options.fuzzyMargin) : options.margin;
  if (rival && rival.score > top.score - margin) return abstain;
  const parts = ranked.filter((entry) => entry !== top && sameSeasonOtherPart(top, entry) && entry.score >= threshold);
  const anilistIds = [top, ...parts].map((entry) => entry.candidate.anilistId);
  return { status: 'matched', best: top.candidate, anilistIds: [...new Set(anilistIds)], candidates };
}

export function createTitleMatcher(pool: readonly TitleRecord[], options: TitleMatcherOptions = {}): TitleMatcher {
  const index = buildCandidateIndex(pool, options);
  const reader = rememberingReader();
  const decision = {
    threshold: options.threshold ?? DEFAULT_THRESHOLD,
    margin: options.margin ?? DEFAULT_MARGIN,
    fuzzyMargin: options.fuzzyMargin ?? DEFAULT_FUZZY_MARGIN,
  };
  return {
    index,
    match: (query, limit = 10) => decide(rankCandidates(index, query, reader), decision, limit),
  };
}
