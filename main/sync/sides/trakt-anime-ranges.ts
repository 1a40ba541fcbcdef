import type { AnimeLinks, EpisodeRange } from '../../mapping/model';
import type { TraktIds } from '../../providers/trakt/types';
import type { SideState } from '../model';
import { animeStateOf } from './plex-anime-ranges';
import { MOVIE_WATCHED, episodeKey } from './video-keys';

/**
 * The pure arithmetic of the Trakt anime side (Trakt ⇄ AniList/MAL through the ID tables): which Trakt
 * episodes make up one AniList entry, the progress Trakt's plays mean, and the plays a write must add.
 * Trakt lists only what was watched, never a season's episode count, so positions are computed from the
 * tables' ranges: AniList episode k of an entry is the k-th episode number its ranges name, in their order.
 */

/** One stretch of a Trakt season that belongs to the entry: `end: null` runs on to the season's end. */
export interface SeasonStretch {
  season: number;
  start: number;
  end: number | null;
}

/** Where an AniList entry lives on Trakt: the show (or film) and its stretches in AniList order. */
export interface TraktAnimeTarget {
  anilistId: number;
  type: 'show' | 'movie';
  ids: Partial<TraktIds>;
  title: string;
  /** Empty for a film. */
  stretches: SeasonStretch[];
}

/** Stretches of one season from the tables' ranges; no range is the whole season. */
export function stretchesOf(season: number, ranges: readonly EpisodeRange[]): SeasonStretch[] {
  const list = ranges.length > 0 ? ranges : [{ start: 1, end: null }];
  return list.map((range) => ({ season, start: Math.max(1, range.start), end: range.end }));
}

/**
 * The episode keys of the entry's first `count` positions (or as far as closed stretches go). An open
 * stretch goes on as far as asked: Trakt does not say where a season ends, and AniList's number is the
 * person's word that those episodes exist. Only the last stretch may be open; an open one before another
 * can only be counted to its watched run, which `watchedRun` handles.
 */
export function episodeKeysOf(stretches: readonly SeasonStretch[], count: number): string[] {
  const keys: string[] = [];
  for (const stretch of stretches) {
    for (let episode = stretch.start; keys.length < count && (stretch.end === null || episode <= stretch.end); episode++) keys.push(episodeKey(stretch.season, episode));
    if (keys.length >= count) break;
  }
  return keys;
}

/** How many episodes the entry has on Trakt's numbering; null when a stretch is open. */
export function lengthOf(stretches: readonly SeasonStretch[]): number | null {
  let total = 0;
  for (const stretch of stretches) {
    if (stretch.end === null) return null;
    total += Math.max(0, stretch.end - stretch.start + 1);
  }
  return total;
}

/**
 * The entry's state from the show's watched set: progress is the unbroken watched run from its first
 * episode (as on Plex: watching 1, 2 and 7 is "2 in"); completed only when every episode of closed
 * stretches is watched. A film is completed once watched.
 */
export function traktAnimeState(target: TraktAnimeTarget, watched: ReadonlySet<string>): SideState {
  if (target.type === 'movie') return animeStateOf([watched.has(MOVIE_WATCHED)]);
  let run = 0;
  outer: for (const stretch of target.stretches) {
    for (let episode = stretch.start; stretch.end === null || episode <= stretch.end; episode++) {
      if (!watched.has(episodeKey(stretch.season, episode))) break outer;
      run++;
    }
  }
  const length = lengthOf(target.stretches);
  if (length !== null && length > 0 && run >= length) return { progress: length, status: 'completed' };
  return { progress: run };
}

/**
 * The plays a write must add: the episodes up to `wanted` not yet watched. `wanted` null with completed:
 * every episode, which an open stretch cannot name, so nothing is added for it (the caller reports it).
 */
export function playsToAdd(target: TraktAnimeTarget, watched: ReadonlySet<string>, wanted: number): string[] {
  if (target.type === 'movie') return wanted > 0 && !watched.has(MOVIE_WATCHED) ? [MOVIE_WATCHED] : [];
  return episodeKeysOf(target.stretches, wanted).filter((key) => !watched.has(key));
}

/**
 * Where a title AniList knows would sit on Trakt, from the tables alone (a new entry for a show the person
 * has not played on Trakt yet): the first TVDB show the most trusted source maps it to, or its TMDB film.
 * Null when the tables say nothing usable, or map it with a ratio (several Trakt episodes per AniList one),
 * which the simple position rule here cannot count.
 */
export function targetFromLinks(anilistId: number, title: string, links: readonly AnimeLinks[]): TraktAnimeTarget | null {
  for (const link of links) {
    const seasons = link.seasons.filter((mapping) => mapping.provider === 'tvdb');
    if (link.tvdbId !== null && seasons.length > 0) {
      if (seasons.some((mapping) => mapping.ratio !== 1 || mapping.offset !== 0)) return null;
      const ordered = [...seasons].sort((a, b) => a.season - b.season);
      return { anilistId, type: 'show', ids: { tvdb: link.tvdbId }, title, stretches: ordered.flatMap((mapping) => stretchesOf(mapping.season, mapping.episodes)) };
    }
    const film = link.tmdbMovieIds[0];
    if (film !== undefined) return { anilistId, type: 'movie', ids: { tmdb: film }, title, stretches: [] };
  }
  return null;
}
