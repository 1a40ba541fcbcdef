/**
 * The candidate pool the title matcher searches: one record per AniList entry with every title it is known
 * by. The app will fill it from AniList data; the benchmark fills it from its catalog (catalog-loader.ts),
 * which is why the loader is kept apart from the record shape.
 */
import type { TitleSummary } from '../../providers/model/list-entry';

/** AniList formats, plus whatever else a source says; only TV/MOVIE/OVA/ONA/SPECIAL/TV_SHORT are weighed. */
export type TitleFormat = 'TV' | 'TV_SHORT' | 'MOVIE' | 'OVA' | 'ONA' | 'SPECIAL' | 'MUSIC' | (string & {});

export interface TitleRecord {
  anilistId: number;
  /** Main title first when known: the first title counts as the entry's own name in ties. */
  titles: string[];
  /**
   * Titles from this index on are fans' short names (AniDB's "oneroom (2017)"): they name the entry, but a
   * year in them is a fan's way to tell namesakes apart, not a date to weigh.
   */
  informalFrom?: number;
  format?: TitleFormat;
  year?: number | null;
  episodes?: number | null;
}

/** AniList's format words as the provider layer lower-cases them ("tv_short"), back to AniList's own. */
const FORMATS: Record<string, TitleFormat> = {
  tv: 'TV',
  tv_short: 'TV_SHORT',
  movie: 'MOVIE',
  ova: 'OVA',
  ona: 'ONA',
  special: 'SPECIAL',
  music: 'MUSIC',
};

/** The year a "yyyy-mm-dd", "yyyy-mm" or "yyyy" date starts with. */
function yearOf(date: string | null): number | null {
  const match = date === null ? null : /^(\d{4})/.exec(date);
  return match ? Number(match[1]) : null;
}

/**
 * One AniList title (the provider layer's TitleSummary, from searchMedia or mediaByIds) as a pool record:
 * romaji first, then English, native and synonyms. Null for a title with no AniList id (a MAL-only title).
 */
export function recordFromSummary(summary: TitleSummary): TitleRecord | null {
  const anilistId = summary.ids.anilist;
  if (anilistId === undefined) return null;
  const titles = [summary.title, summary.english, summary.native, ...summary.synonyms].filter((title): title is string => typeof title === 'string' && title.trim() !== '');
  const record: TitleRecord = { anilistId, titles: [...new Set(titles)], year: yearOf(summary.startDate), episodes: summary.episodes };
  const format = summary.format === null ? undefined : (FORMATS[summary.format.toLowerCase()] ?? summary.format.toUpperCase());
  if (format !== undefined) record.format = format;
  return record;
}
