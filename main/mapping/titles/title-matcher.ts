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
}

/** Defaults tuned on the benchmark's title_dev set (clean stratum), never on individual cases. */
export const DEFAULT_THRESHOLD = 0.75;
export const DEFAULT_MARGIN = 0.1;
export const DEFAULT_FUZZY_MARGIN = 0.22;

/** Two titles are parts of one season when they share base and season and differ only in part. */
function sameSeasonOtherPart(a: Ranked, b: Ranked): boolean {
  return a.key === b.key && a.words.season === b.words.season && a.words.final === b.words.final && a.words.part !== b.words.part;
}

/** OVAs, specials and films that extend a title are side stories far more often than a next season. */
const SEQUEL_FORMATS = new Set(['TV', 'ONA', 'TV_SHORT']);

/** A next season keeps the first one's format: a web series after a TV show is usually a spin-off. */
function seriesFilter(index: CandidateIndex, named: ReadonlySet<number>): (posting: TitlePosting) => boolean {
  const formats = new Set([...named].map((record) => index.records[record]?.format).filter((format) => SEQUEL_FORMATS.has(format ?? '')));
  return (posting) => {
    const format = index.records[posting.record]?.format ?? '';
    return SEQUEL_FORMATS.has(format) && (formats.size === 0 ? format === 'TV' : formats.has(format));
  };
}

/** A "subtitle" of only these words ("the Animation", "(TV)") renames the show; it is no sequel. */
const GENERIC_SUBTITLE = new Set(['the', 'animation', 'anime', 'tv', 'series', 'ova', 'ona']);

function onlyGeneric(rest: readonly string[]): boolean {
  return rest.every((word) => GENERIC_SUBTITLE.has(word));
}

/** Words that, right after a show's name, make the rest a season marker rather than a subtitle. */
const SEASON_CONTINUATIONS = new Set(['season', 'part', 'cour', 'stage', 'series', 'final']);

/**
 * Titles that continue the query's title with a subtitle, kept only when they can be a later season: not
 * another name of an entry the title itself names ("Naruto TV"), and not a season of a sub-series
 * ("Inazuma Eleven GO 2" is not "Inazuma Eleven" season 2). Very short bases ("K") prefix too much.
 */
function sequelHits(index: CandidateIndex, words: SeasonWords, exact: readonly KeyHit[], own: SeasonWords | null): KeyHit[] {
  if (words.baseKey.length < 4) return [];
  const named = new Set(exact.filter((hit) => hit.via === 'exact').flatMap((hit) => hit.postings.map((posting) => posting.record)));
  const series = seriesFilter(index, named);
  // With a named show ("The Prince of Tennis II"), its own marker in a sequel's title is part of the name.
  // "Major 2nd Season" is not "Major 2nd" plus a subtitle: the words after the named show must not be season words.
  const ownMarker = (posting: TitlePosting): boolean =>
    own !== null &&
    posting.words.season === own.season &&
    posting.words.part === own.part &&
    posting.words.baseKey === own.baseKey &&
    !SEASON_CONTINUATIONS.has(posting.words.words[own.words.length] ?? '');
  // The show's other romanised names continue too ("Ranking of Kings" → "Ousama Ranking: Yuuki no Takarabako").
  const sources = [words, ...siblingNames(index, named).filter((name) => name.baseKey !== words.baseKey)];
  return sources.flatMap((source) =>
    index.sequels(source).map((hit) => ({
      ...hit,
      postings: hit.postings
        .filter((posting) => series(posting) && !named.has(posting.record))
        .map((posting) => (ownMarker(posting) ? { ...posting, words: unmarked(posting.words) } : posting))
        .filter((posting) => !hasMarker(posting.words) && !onlyGeneric(posting.words.words.slice(source.words.length))),
    })),
  );
}

/** Unmarked romanised names of the named entries, long enough not to be abbreviations. */
function siblingNames(index: CandidateIndex, named: ReadonlySet<number>): SeasonWords[] {
  const names = new Map<string, SeasonWords>();
  for (const record of named) {
    for (const title of index.titlesOf(record)) {
      if (names.size >= MAX_SIBLING_KEYS) break;
      if (!hasMarker(title) && title.baseKey.length >= MIN_SIBLING_KEY && LATIN.test(title.baseKey)) names.set(title.baseKey, title);
    }
  }
  return [...names.values()];
}

function hasMarker(words: SeasonWords): boolean {
  return words.season !== undefined || words.part !== undefined || words.final === true;
}

/** The same title with its markers read as part of the name. */
function unmarked(words: SeasonWords): SeasonWords {
  return { ...words, base: words.words, baseKey: words.fullKey, season: undefined, part: undefined, final: undefined, weak: false } as SeasonWords;
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

/**
 * The query's title names an entry ("The World God Only Knows"); that entry's other titles lead to the
 * franchise's other spellings ("Kami nomi zo Shiru Sekai"), where a title may name the season asked for
 * ("Kami nomi zo Shiru Sekai II"). Only titles with exactly that season marker are taken.
 */
function siblingHits(index: CandidateIndex, hits: readonly KeyHit[], season: number): KeyHit[] {
  const records = new Set(hits.filter((hit) => hit.via === 'exact').flatMap((hit) => hit.postings.map((posting) => posting.record)));
  const seen = new Set(hits.map((hit) => hit.key));
  const series = seriesFilter(index, records);
  const found: KeyHit[] = [];
  for (const record of records) {
    for (const title of index.titlesOf(record)) {
      // Fans' abbreviations ("db s2", "opm 2") are shared by unrelated franchises, and translations into other
      // scripts are the likeliest to number seasons their own way: only romanised names are followed.
      if (seen.has(title.baseKey) || seen.size > MAX_SIBLING_KEYS || title.baseKey.length < MIN_SIBLING_KEY || !LATIN.test(title.baseKey)) continue;
      seen.add(title.baseKey);
      const hit = index.exact(title, 'base');
      const postings = hit?.postings.filter((posting) => posting.words.season === season && !records.has(posting.record) && series(posting)) ?? [];
      if (hit && postings.length > 0) found.push({ ...hit, via: 'sibling', postings });
    }
  }
  return found;
}

/** Other spellings a sibling search follows per query, so a franchise with hundreds of titles stays cheap. */
const MAX_SIBLING_KEYS = 60;
/** Shorter base keys are abbreviations more often than names. */
const MIN_SIBLING_KEY = 6;
const LATIN = /^[a-z0-9]+$/;

/** Ranks every record the index reached by its best title's evidence. */
export function rankCandidates(index: CandidateIndex, query: TitleQuery): Ranked[] {
  const parsed = parseSeasonWords(query.title);
  const named = query.type !== 'movie' && hasMarker(parsed) ? namedShow(index, parsed) : null;
  const words = named?.words ?? parsed;
  const wanted = wantedOf(query, words);
  const hits = named?.hits ?? index.lookup(words, query.type === 'movie' ? 'full' : 'base');
  // A later season with no title naming it is often a sequel with a subtitle of its own.
  const later = wanted.type !== 'movie' && wanted.season !== null && wanted.season > 1;
  if (later && !hits.some((hit) => hit.via === 'exact' && hit.postings.some((posting) => posting.words.season === wanted.season))) {
    const siblings = siblingHits(index, hits, wanted.season ?? 0);
    hits.push(...(siblings.length > 0 ? siblings : sequelHits(index, words, hits, named ? parsed : null)));
  }
  const byRecord = new Map<number, Ranked>();
  for (const hit of hits) {
    // A record's titles within one hit, grouped once: big franchises have hundreds of postings per key.
    const byOwner = new Map<number, TitlePosting[]>();
    for (const posting of hit.postings) {
      const list = byOwner.get(posting.record);
      if (list) list.push(posting);
      else byOwner.set(posting.record, [posting]);
    }
    for (const posting of hit.postings) {
      const record = index.records[posting.record];
      if (!record) continue;
      const evidence = weighPosting(wanted, hit, posting, record, recordYear(record, byOwner.get(posting.record) ?? []));
      const score = evidence.reduce((sum, item) => sum + item.weight, 0);
      const known = byRecord.get(posting.record);
      if (known && known.score >= score) continue;
      const candidate = { anilistId: record.anilistId, confidence: confidenceOf(evidence), evidence };
      byRecord.set(posting.record, { candidate, key: hit.key, words: posting.words, via: hit.via, score });
    }
  }
  return [...byRecord.values()].sort(
    (a, b) => b.score - a.score || (a.words.part ?? 1) - (b.words.part ?? 1) || a.candidate.anilistId - b.candidate.anilistId,
  );
}

/** Decides between answering and abstaining over a ranking. */
export function decide(ranked: readonly Ranked[], options: Required<Pick<TitleMatcherOptions, 'threshold' | 'margin' | 'fuzzyMargin'>>, limit: number): TitleMatch {
  const { threshold } = options;
  const candidates = ranked.slice(0, limit).map((entry) => entry.candidate);
  const top = ranked[0];
  const abstain: TitleMatch = { status: 'abstain', best: null, anilistIds: [], candidates };
  if (!top || top.score < threshold) return abstain;
  const rival = ranked.find((entry, i) => i > 0 && !sameSeasonOtherPart(top, entry));
  const margin = top.via === 'fuzzy' ? Math.max(options.margin, options.fuzzyMargin) : options.margin;
  if (rival && rival.score > top.score - margin) return abstain;
  const parts = ranked.filter((entry) => entry !== top && sameSeasonOtherPart(top, entry) && entry.score >= threshold);
  const anilistIds = [top, ...parts].map((entry) => entry.candidate.anilistId);
  return { status: 'matched', best: top.candidate, anilistIds: [...new Set(anilistIds)], candidates };
}

export function createTitleMatcher(pool: readonly TitleRecord[], options: TitleMatcherOptions = {}): TitleMatcher {
  const index = buildCandidateIndex(pool, options);
  const decision = {
    threshold: options.threshold ?? DEFAULT_THRESHOLD,
    margin: options.margin ?? DEFAULT_MARGIN,
    fuzzyMargin: options.fuzzyMargin ?? DEFAULT_FUZZY_MARGIN,
  };
  return {
    index,
    match: (query, limit = 10) => decide(rankCandidates(index, query), decision, limit),
  };
}
