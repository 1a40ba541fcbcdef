/**
 * Finding a later season no title names outright (issue 5): "Made in Abyss" season 2 is "Made in Abyss:
 * Retsujitsu no Ougonkyou", "The World God Only Knows" season 2 is "Kami nomi zo Shiru Sekai II". Starting
 * from the entries the query's title names, look through their other names for one carrying the season's
 * marker, else for series that continue a name with a new subtitle. The matcher weighs what is found.
 */
import type { CandidateIndex, KeyHit, TitlePosting } from './candidate-index';
import { hasMarker, unmarked, type SeasonWords } from './season-words';

export interface LaterSeasonQuery {
  /** The query's title as the matcher reads it. */
  words: SeasonWords;
  /** What the matcher found so far; its exact hits are the entries the title names. */
  hits: readonly KeyHit[];
  season: number;
  /** The query's own parse when its marker is part of the show's name ("The Prince of Tennis II"). */
  own: SeasonWords | null;
}

/** Titles naming the season through another name of the entry, else subtitled sequels. */
export function findLaterSeason(index: CandidateIndex, query: LaterSeasonQuery): KeyHit[] {
  const siblings = siblingHits(index, query.hits, query.season);
  return siblings.length > 0 ? siblings : sequelHits(index, query.words, query.hits, query.own);
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
