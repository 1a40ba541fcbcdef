/**
 * How one title of one record weighs against a query: title closeness, season words, type, year and
 * episode count each add or subtract a weighted Evidence, so the review queue can show why a candidate
 * ranks where it does. The weights are the matcher's tuning; change them here and nowhere else.
 */
import type { Evidence } from '../model';
import type { KeyHit, TitlePosting } from './candidate-index';
import type { SeasonWords } from './season-words';
import type { TitleRecord } from './title-pool';

export interface TitleQuery {
  title: string;
  year?: number | null;
  type?: 'show' | 'movie';
  season?: number | null;
  episodes?: number | null;
}

/** What the matcher wants, after reading the query's own title for markers. */
export interface Wanted {
  words: SeasonWords;
  /** The season asked for: the title's marker, else the query's season (shows only); null: unknown. */
  season: number | null;
  year: number | null;
  type: 'show' | 'movie' | null;
  episodes: number | null;
}

export const WEIGHTS = {
  exactTitle: 0.8,
  /** A fuzzy key's similarity is scaled by this, so a near miss needs agreement elsewhere. */
  fuzzyTitle: 0.7,
  seasonAgreed: 0.15,
  seasonWeakAgreed: 0.1,
  seasonContradicted: -0.6,
  /** Asked for season N > 1, found only the unmarked title: right for long runners, often wrong otherwise. */
  seasonUnmarked: -0.2,
  typeAgreed: 0.05,
  typeContradicted: -0.35,
  special: -0.2,
  yearAgreed: 0.1,
  yearContradicted: -0.35,
  episodesAgreed: 0.05,
  episodesContradicted: -0.15,
} as const;

const SHOW_FORMATS = new Set(['TV', 'TV_SHORT', 'ONA', 'OVA']);

export function wantedOf(query: TitleQuery, words: SeasonWords): Wanted {
  const type = query.type ?? null;
  const querySeason = type !== 'movie' && query.season != null && query.season >= 1 ? query.season : null;
  return {
    words,
    season: words.season ?? querySeason,
    year: query.year ?? words.year ?? null,
    type,
    episodes: query.episodes ?? null,
  };
}

/** The record's year: its own, else a "(2011)" that only its titles carry. */
export function recordYear(record: TitleRecord, postings: readonly TitlePosting[]): number | null {
  if (record.year != null) return record.year;
  const years = new Set(postings.map((posting) => posting.words.year).filter((year) => year !== undefined));
  return years.size === 1 ? ([...years][0] ?? null) : null;
}

function seasonEvidence(wanted: Wanted, words: SeasonWords): Evidence | null {
  if (wanted.type === 'movie' || wanted.season === null || wanted.season === 0) return null;
  const marked = words.season ?? (words.final ? null : words.part !== undefined ? 1 : null);
  if (wanted.season === 1) {
    if (marked === null && !words.final) return null;
    if (marked === 1) return { kind: 'season', detail: 'Season 1 marker agrees', weight: WEIGHTS.seasonAgreed };
    return { kind: 'season', detail: `Title is a later season (${words.final ? 'final' : marked}), not season 1`, weight: WEIGHTS.seasonContradicted };
  }
  if (marked === wanted.season) {
    const weight = words.weak ? WEIGHTS.seasonWeakAgreed : WEIGHTS.seasonAgreed;
    return { kind: 'season', detail: `Title names season ${wanted.season}`, weight };
  }
  if (marked === null && !words.final) return { kind: 'season', detail: `Title has no season ${wanted.season} marker`, weight: WEIGHTS.seasonUnmarked };
  if (words.final && marked === null) return { kind: 'season', detail: `Final season, asked for season ${wanted.season}`, weight: WEIGHTS.seasonUnmarked };
  return { kind: 'season', detail: `Title names season ${marked}, asked for ${wanted.season}`, weight: WEIGHTS.seasonContradicted };
}

function typeEvidence(wanted: Wanted, record: TitleRecord): Evidence | null {
  const format = record.format;
  if (!wanted.type || !format) return null;
  if (format === 'SPECIAL' || format === 'MUSIC') return { kind: 'type', detail: `${format} entry for a ${wanted.type}`, weight: WEIGHTS.special };
  const agrees = wanted.type === 'movie' ? format === 'MOVIE' : SHOW_FORMATS.has(format);
  if (agrees) return { kind: 'type', detail: `${format} agrees with ${wanted.type}`, weight: WEIGHTS.typeAgreed };
  return { kind: 'type', detail: `${format} entry for a ${wanted.type}`, weight: WEIGHTS.typeContradicted };
}

function yearEvidence(wanted: Wanted, year: number | null): Evidence | null {
  if (wanted.year === null || year === null) return null;
  const later = wanted.season !== null && wanted.season > 1 && wanted.type !== 'movie';
  // A later season airs after the show's first year, which is the year Plex reports.
  const agrees = later ? year >= wanted.year - 1 : Math.abs(year - wanted.year) <= 1;
  if (agrees && later) return null;
  if (agrees) return { kind: 'year', detail: `Year ${year} agrees`, weight: WEIGHTS.yearAgreed };
  return { kind: 'year', detail: `Year ${year}, query says ${wanted.year}`, weight: WEIGHTS.yearContradicted };
}

function episodeEvidence(wanted: Wanted, record: TitleRecord): Evidence | null {
  if (wanted.episodes == null || record.episodes == null) return null;
  if (Math.abs(record.episodes - wanted.episodes) <= Math.max(1, wanted.episodes * 0.1)) {
    return { kind: 'episodes', detail: `${record.episodes} episodes agree`, weight: WEIGHTS.episodesAgreed };
  }
  return { kind: 'episodes', detail: `${record.episodes} episodes, query has ${wanted.episodes}`, weight: WEIGHTS.episodesContradicted };
}

/** Every piece of evidence for one title of one record. */
export function weighPosting(wanted: Wanted, hit: KeyHit, posting: TitlePosting, record: TitleRecord, year: number | null): Evidence[] {
  const title = record.titles[posting.title] ?? hit.text;
  const evidence: Evidence[] =
    hit.via === 'exact'
      ? [{ kind: 'title', detail: `Title "${title}" matches`, weight: WEIGHTS.exactTitle }]
      : [{ kind: 'title', detail: `Title "${title}" is close (${hit.similarity.toFixed(2)})`, weight: WEIGHTS.fuzzyTitle * hit.similarity }];
  for (const item of [seasonEvidence(wanted, posting.words), typeEvidence(wanted, record), yearEvidence(wanted, year), episodeEvidence(wanted, record)]) {
    if (item) evidence.push(item);
  }
  return evidence;
}

export function confidenceOf(evidence: readonly Evidence[]): number {
  const total = evidence.reduce((sum, item) => sum + item.weight, 0);
  return Math.max(0, Math.min(1, total));
}
