import { videoKeyOf, type TitleKey } from '../model';

/**
 * The keys Trakt and Plex titles meet under in the video merge (Trakt ⇄ Plex). Both sides must pick the
 * same id for the same title, so both use this one rule: shows by TVDB (the id both the modern Plex agent
 * and Trakt carry for almost every show), movies by TMDB; IMDb only when that id is missing.
 */

export interface VideoIds {
  tvdb?: number | null | undefined;
  tmdb?: number | null | undefined;
  imdb?: string | null | undefined;
}

export type VideoType = 'show' | 'movie';

export function videoKeyOfIds(type: VideoType, ids: VideoIds): TitleKey | null {
  if (type === 'show' && ids.tvdb) return videoKeyOf('show', 'tvdb', ids.tvdb);
  if (type === 'movie' && ids.tmdb) return videoKeyOf('movie', 'tmdb', ids.tmdb);
  if (ids.imdb) return videoKeyOf(type, 'imdb', ids.imdb);
  return null;
}

/** The type and the one id a key names (for a new entry, where only the key is known). */
export function idsOfVideoKey(titleKey: TitleKey): { type: VideoType; ids: { tvdb?: number; tmdb?: number; imdb?: string } } | null {
  const match = /^(show|movie):(tvdb|tmdb|imdb):(.+)$/.exec(titleKey);
  if (!match) return null;
  const type = match[1] as VideoType;
  const value = match[3] as string;
  if (match[2] === 'imdb') return { type, ids: { imdb: value } };
  if (!/^\d+$/.test(value)) return null;
  return { type, ids: match[2] === 'tvdb' ? { tvdb: Number(value) } : { tmdb: Number(value) } };
}

/** `s1e3`: the episode keys `watched` holds; a movie's only key is `movie`. */
export function episodeKey(season: number, episode: number): string {
  return `s${season}e${episode}`;
}

export const MOVIE_WATCHED = 'movie';

export function parseEpisodeKey(key: string): { season: number; episode: number } | null {
  const match = /^s(\d+)e(\d+)$/.exec(key);
  return match ? { season: Number(match[1]), episode: Number(match[2]) } : null;
}

/** Sorted by season, then episode, so equal sets compare equal in the merge. */
export function sortEpisodeKeys(keys: Iterable<string>): string[] {
  const order = (key: string) => parseEpisodeKey(key) ?? { season: -1, episode: -1 };
  return [...new Set(keys)].sort((a, b) => order(a).season - order(b).season || order(a).episode - order(b).episode || a.localeCompare(b));
}

/** 1-10 (Trakt stars, Plex's 0-10 scale) → 0-100; 0 and below are "not rated" (null). */
export function score100Of(rating: number | null | undefined): number | null {
  if (rating === null || rating === undefined || !(rating > 0)) return null;
  return Math.round(Math.min(10, rating) * 10);
}

/** 0-100 → a whole 1-10 (Trakt takes integers only); null clears. */
export function rating10Of(score: unknown): number | null {
  if (typeof score !== 'number' || !(score > 0)) return null;
  return Math.min(10, Math.max(1, Math.round(score / 10)));
}
