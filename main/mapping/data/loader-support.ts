import type { z } from 'zod';
import type { AnimeLinks, MappingSourceName, SeasonMapping } from '../model';
import { RangeSyntaxError } from './ranges';

/**
 * A mapping file that cannot be used, naming the file and the entry so a maintainer (or a bug report) can
 * find the line: `anime-lists: anime anidbid="123": episodeoffset "x" is not a number`. Loaders throw it for
 * the first bad entry and return nothing: a file is used whole or not at all, never partly.
 */
export class MappingDataError extends Error {
  constructor(
    readonly file: string,
    readonly entry: string | null,
    readonly detail: string,
  ) {
    super(entry === null ? `${file}: ${detail}` : `${file}: ${entry}: ${detail}`);
    this.name = 'MappingDataError';
  }
}

export function emptyLinks(source: MappingSourceName): AnimeLinks {
  return { source, anilistId: null, malIds: [], anidbId: null, tvdbId: null, tmdbShowIds: [], tmdbMovieIds: [], imdbIds: [], seasons: [] };
}

/** "tt123, tt456" or ["tt123"] or "tt123" → ["tt123", "tt456"]; blanks dropped. */
export function textList(value: string | readonly string[] | null | undefined): string[] {
  if (value === null || value === undefined) return [];
  const parts = typeof value === 'string' ? value.split(',') : value;
  return parts.map((part) => part.trim()).filter((part) => part !== '');
}

/** Numbers given as a number, an array, or a comma list in a string (Kometa's `mal_id: "18397,25781"`). */
export function numberList(value: number | string | readonly number[] | null | undefined, what: string): number[] {
  if (value === null || value === undefined) return [];
  if (typeof value === 'number') return [value];
  if (typeof value !== 'string') return [...value];
  return textList(value).map((part) => {
    if (!/^\d+$/.test(part)) throw new Error(`${what} "${part}" is not a number`);
    return Number(part);
  });
}

export function unique<T>(values: readonly T[]): T[] {
  return [...new Set(values)];
}

/** The first zod issue as "field: problem" (the whole list would bury the one that matters). */
export function describeZodError(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'does not match the schema';
  const path = issue.path.map(String).join('.');
  return path === '' ? issue.message : `${path}: ${issue.message}`;
}

/** Runs one entry's conversion, turning any failure into a MappingDataError that names the entry. */
export function inEntry<T>(file: string, entry: string, convert: () => T): T {
  try {
    return convert();
  } catch (error) {
    if (error instanceof MappingDataError) throw error;
    const detail = error instanceof RangeSyntaxError || error instanceof Error ? error.message : String(error);
    throw new MappingDataError(file, entry, detail);
  }
}

/** JSON.parse with the file named; a truncated download fails here, never half-loads. */
export function parseJsonText(file: string, text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new MappingDataError(file, null, `not valid JSON (truncated or damaged?): ${(error as Error).message}`);
  }
}

export function seasonMapping(provider: 'tvdb' | 'tmdb', showId: number | string, season: number, rest: Partial<SeasonMapping> = {}): SeasonMapping {
  return { provider, showId: String(showId), season, episodes: [], ratio: 1, offset: 0, ...rest };
}
