/**
 * How one title of one record weighs against a query: title closeness, season words, type, year and
 * episode count each add or subtract a weighted Evidence, so the review queue can show why a candidate
 * ranks where it does. The weights are the matcher's tuning; change them here and nowhere else.
 */
import type { Evidence } from '../model';
import type { KeyHit, TitlePosting } from './candidate-index';
import { FILM_WORDS } from './normalize';
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
  exactTitle: 0.85,
  /** The same title, but only as a fan's short name ("keroro" for Keroro Gunsou): unrelated entries share them. */
  informalTitle: 0.7,
  looseTitle: 0.8,
  /** Reached through another title of the entry the query named, with the asked season's marker. */
  siblingTitle: 0.8,
  /** A fuzzy key's similarity is scaled by this, so a near miss needs agreement elsewhere. */
  fuzzyTitle: 1.0,
  fuzzyOneWord: 0.8,
  /** A later season found as the show's title plus a new subtitle. */
  sequelTitle: 0.8,
  laterSequelTitle: 0.6,
  seasonAgreed: 0.15,
  seasonWeakAgreed: 0.1,
  seasonContradicted: -0.6,
  /** Asked for season N > 1, found only the unmarked title: right for long runners, often wrong otherwise. */
  seasonUnmarked: -0.2,
  laterPart: -0.3,
  typeAgreed: 0.05,
  typeNear: 0.02,
  typeOvaShow: -0.06,
  typeContradicted: -0.35,
  typeLoose: -0.1,
  typeOnaFilm: -0.2,
  typeSpecialFilm: -0.05,
  yearAgreed: 0.1,
  titleYearAgreed: 0.05,
  yearContradicted: -0.35,
  undatedNamesake: -0.15,
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

export interface RecordYear {
  value: number;
  /** Read from a "(2011)" in a title rather than known for the record. */
  fromTitle: boolean;
  /** Read from a title that also names a season ("Rurouni Kenshin (2023) Season 2"): the year of a remake. */
  remake: boolean;
}

/** The record's year: its own, else a "(2011)" that only its titles carry. */
export function recordYear(record: TitleRecord, postings: readonly TitlePosting[]): RecordYear | null {
  if (record.year != null) return { value: record.year, fromTitle: false, remake: false };
  const dated = postings.filter((posting) => posting.words.year !== undefined && formal(record, posting));
  const years = new Set(dated.map((posting) => posting.words.year));
  const only = years.size === 1 ? [...years][0] : undefined;
  if (only === undefined) return null;
  const remake = dated.some((posting) => posting.words.season !== undefined || posting.words.part !== undefined);
  return { value: only, fromTitle: true, remake };
}

/** Whether a title is one of the entry's names proper rather than a fan's short name. */
export function formal(record: TitleRecord, posting: TitlePosting): boolean {
  return record.informalFrom === undefined || posting.title < record.informalFrom;
}

/** A year in this very title beats the record's: "Ranma ½ (2024) 2nd Season" is the 2024 remake. */
function postingYear(record: TitleRecord, posting: TitlePosting): RecordYear | null {
  const { year, season, part } = posting.words;
  if (year === undefined || !formal(record, posting)) return null;
  return { value: year, fromTitle: true, remake: season !== undefined || part !== undefined };
}

/**
 * "K-On!!" after "K-On!", "Amagami SS+" after "Amagami SS": a title whose only difference is a longer run of
 * closing "!", "?" or "+" is the second season, as weakly as a bare "2" would say so. One "!" or "?" more than
 * a query that has none is punctuation the query dropped ("Wanna Be the Strongest in the World!"), not a sequel.
 */
function withTrailMarker(wanted: Wanted, words: SeasonWords): SeasonWords {
  if (words.season !== undefined || words.part !== undefined || words.final || words.trail <= wanted.words.trail) return words;
  if (wanted.words.trail === 0 && words.trail === 1 && !words.trailPlus) return words;
  return { ...words, season: 2, weak: true };
}

function seasonEvidence(wanted: Wanted, posted: SeasonWords): Evidence | null {
  if (wanted.type === 'movie' || wanted.season === null || wanted.season === 0) return null;
  const words = withTrailMarker(wanted, posted);
  const season = words.season ?? null;
  const part = words.part ?? null;
  const asked = wanted.words;
  if (asked.final || asked.part !== undefined) {
    // The query's own title names a final season or a part: only that same stage and part agree.
    const sameStage = asked.final ? words.final === true : (season ?? 1) === wanted.season && !words.final;
    if (sameStage && (part ?? 1) === (asked.part ?? 1)) return { kind: 'season', detail: 'Title names the same season and part', weight: WEIGHTS.seasonAgreed };
    return { kind: 'season', detail: 'Title names another season or part', weight: WEIGHTS.seasonContradicted };
  }
  if (wanted.season === 1) {
    if (words.final || (season !== null && season > 1)) {
      return { kind: 'season', detail: `Title is a later season (${words.final ? 'final' : season}), not season 1`, weight: WEIGHTS.seasonContradicted };
    }
    // "Part 2" alone is the second cour or a sequel: the first season is the unmarked (or part 1) title.
    if (part !== null && part > 1) return { kind: 'season', detail: `Title is part ${part}`, weight: WEIGHTS.laterPart };
    // An explicit "Season 1" is no likelier to be the first season than the bare title: agreement, no weight.
    if (season === 1) return { kind: 'season', detail: 'Season 1 marker agrees', weight: 0 };
    return null;
  }
  if (season === wanted.season) {
    const weight = words.weak ? WEIGHTS.seasonWeakAgreed : WEIGHTS.seasonAgreed;
    return { kind: 'season', detail: `Title names season ${wanted.season}`, weight };
  }
  if (season === null && words.final) return { kind: 'season', detail: `Final season, asked for season ${wanted.season}`, weight: WEIGHTS.seasonUnmarked };
  // "JoJo Part 4" may be season 4, but "SPY×FAMILY Part 2" is a cour of season 1: no better than no marker.
  if (season === null && part !== null && part === wanted.season) return { kind: 'season', detail: `Title is part ${part}, not season ${part}`, weight: WEIGHTS.seasonUnmarked };
  if (season === null) return { kind: 'season', detail: `Title has no season ${wanted.season} marker`, weight: WEIGHTS.seasonUnmarked };
  return { kind: 'season', detail: `Title names season ${season}, asked for ${wanted.season}`, weight: WEIGHTS.seasonContradicted };
}

/**
 * Plex files whatever has a single video as a film, web films and OVAs included: when the film's exact title
 * names this one entry and no other, a soft format mismatch is no reason to doubt it.
 */
function loneFilm(wanted: Wanted, hit: KeyHit, record: TitleRecord, lone: boolean): Evidence | null {
  const format = record.format ?? '';
  if (!lone || wanted.type !== 'movie' || !LONE_FILM_FORMATS.has(format) || (hit.via !== 'exact' && hit.via !== 'loose')) return null;
  return { kind: 'type', detail: `${format} entry for a movie, the only entry of this title`, weight: 0 };
}

const LONE_FILM_FORMATS = new Set(['ONA', 'OVA', 'SPECIAL']);

function typeEvidence(wanted: Wanted, record: TitleRecord): Evidence | null {
  const format = record.format;
  if (!wanted.type || !format) return null;
  const agrees = wanted.type === 'movie' ? format === 'MOVIE' : SHOW_FORMATS.has(format);
  // A Plex show is most often a TV series; an OVA or web series fits, a little less well.
  const near = wanted.type === 'show' && format !== 'TV' && format !== 'TV_SHORT';
  // Between a TV series and an OVA of the same name, a Plex show is nearly always the series.
  if (agrees && format === 'OVA' && wanted.type === 'show') return { kind: 'type', detail: 'OVA for a show', weight: WEIGHTS.typeOvaShow };
  if (agrees) return { kind: 'type', detail: `${format} agrees with ${wanted.type}`, weight: near ? WEIGHTS.typeNear : WEIGHTS.typeAgreed };
  // Plex files OVAs and specials as movies, and a one-off special may sit in a show; a TV series is never a film.
  // A web series (ONA) filed as a film is rarer than an OVA or special, and often a same-named series.
  const soft = format === 'SPECIAL' || format === 'MUSIC' || (wanted.type === 'movie' && format !== 'TV' && format !== 'ONA');
  if (wanted.type === 'movie' && format === 'ONA') return { kind: 'type', detail: `${format} entry for a movie`, weight: WEIGHTS.typeOnaFilm };
  // TV specials (Lupin III's yearly ones) are what Plex most often files as films.
  if (wanted.type === 'movie' && format === 'SPECIAL') return { kind: 'type', detail: 'TV special for a movie', weight: WEIGHTS.typeSpecialFilm };
  return { kind: 'type', detail: `${format} entry for a ${wanted.type}`, weight: soft ? WEIGHTS.typeLoose : WEIGHTS.typeContradicted };
}

function yearEvidence(wanted: Wanted, year: RecordYear | null): Evidence | null {
  // "Little Star Wars 2021" names the remake: an undated namesake with no known year is likely the original.
  if (year === null && wanted.words.year !== undefined && wanted.type === 'movie') {
    return { kind: 'year', detail: `Query title is dated ${wanted.words.year}, this entry is not`, weight: WEIGHTS.undatedNamesake };
  }
  if (wanted.year === null || year === null) return null;
  // "Ranma ½ (2024) 2nd Season": the year dates the remake the season belongs to, so it must match the show's.
  const remake = year.remake;
  const later = wanted.season !== null && wanted.season > 1 && wanted.type !== 'movie' && !remake;
  // A "(2011)" in a title is AniDB telling two same-named entries apart, usually a sequel a year on: only
  // the exact year agrees, and agreement is weak because the undated namesake may be the same year.
  const tolerance = year.fromTitle ? 0 : 1;
  // A later season airs after the show's first year, which is the year Plex reports.
  const agrees = later ? year.value >= wanted.year - tolerance : Math.abs(year.value - wanted.year) <= tolerance;
  if (agrees && later) return null;
  if (agrees) return { kind: 'year', detail: `Year ${year.value} agrees`, weight: year.fromTitle ? WEIGHTS.titleYearAgreed : WEIGHTS.yearAgreed };
  return { kind: 'year', detail: `Year ${year.value}, query says ${wanted.year}`, weight: WEIGHTS.yearContradicted };
}

function episodeEvidence(wanted: Wanted, record: TitleRecord): Evidence | null {
  if (wanted.episodes == null || record.episodes == null) return null;
  if (Math.abs(record.episodes - wanted.episodes) <= Math.max(1, wanted.episodes * 0.1)) {
    return { kind: 'episodes', detail: `${record.episodes} episodes agree`, weight: WEIGHTS.episodesAgreed };
  }
  return { kind: 'episodes', detail: `${record.episodes} episodes, query has ${wanted.episodes}`, weight: WEIGHTS.episodesContradicted };
}

function titleEvidence(hit: KeyHit, title: string, wanted: Wanted, informal: boolean): Evidence {
  if (hit.via === 'exact' && informal) return { kind: 'title', detail: `Title "${title}" matches a fan's short name`, weight: WEIGHTS.informalTitle };
  if (hit.via === 'exact') return { kind: 'title', detail: `Title "${title}" matches`, weight: WEIGHTS.exactTitle };
  if (hit.via === 'sibling') return { kind: 'title', detail: `"${title}" continues another name of the matched entry`, weight: WEIGHTS.siblingTitle };
  if (hit.via === 'loose') return { kind: 'title', detail: `Title "${title}" matches but for "the movie"-style words`, weight: WEIGHTS.looseTitle };
  if (hit.via === 'sequel') {
    // One subtitled sequel is most likely season 2; which later season it is, nothing here can say.
    const weight = wanted.season === 2 ? WEIGHTS.sequelTitle : WEIGHTS.laterSequelTitle;
    return { kind: 'title', detail: `"${title}" continues the title with a subtitle`, weight };
  }
  // A one-word title ("Midori", "Labyrinth") is close to too many others for closeness alone to name it.
  const informative = wanted.words.words.filter((word) => !FILM_WORDS.has(word)).length;
  const scale = informative >= 2 ? WEIGHTS.fuzzyTitle : WEIGHTS.fuzzyOneWord;
  return { kind: 'title', detail: `Title "${title}" is close (${hit.similarity.toFixed(2)})`, weight: scale * hit.similarity };
}

/** Every piece of evidence for one title of one record. */
/** `loneTitle`: the query's exact (or loose) title names this entry and no other. */
export function weighPosting(wanted: Wanted, hit: KeyHit, posting: TitlePosting, record: TitleRecord, year: RecordYear | null, loneTitle = false): Evidence[] {
  const title = record.titles[posting.title] ?? hit.text;
  const evidence: Evidence[] = [titleEvidence(hit, title, wanted, !formal(record, posting))];
  const season = hit.via === 'sequel' && posting.words.season === undefined ? null : seasonEvidence(wanted, posting.words);
  for (const item of [season, loneFilm(wanted, hit, record, loneTitle) ?? typeEvidence(wanted, record), yearEvidence(wanted, postingYear(record, posting) ?? year), episodeEvidence(wanted, record)]) {
    if (item) evidence.push(item);
  }
  return evidence;
}

export function confidenceOf(evidence: readonly Evidence[]): number {
  const total = evidence.reduce((sum, item) => sum + item.weight, 0);
  return Math.max(0, Math.min(1, total));
}
