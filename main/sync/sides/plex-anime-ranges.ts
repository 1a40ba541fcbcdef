import type { EpisodeRange } from '../../mapping/model';
import type { SideState } from '../model';

/**
 * The pure arithmetic of the Plex anime side: which Plex episodes make up one AniList entry, and what
 * AniList progress and status their play state means. Kept apart from the reading and writing so each rule
 * is tested on its own (test/unit/main/sync/sides/plex-anime-ranges.test.ts).
 */

/** One episode of a Plex season as the side needs it. */
export interface SeasonEpisode {
  ratingKey: string;
  /** The episode number within its season (Plex `index`). */
  index: number;
  watched: boolean;
}

/** Where an AniList entry lives in Plex: its episodes in AniList order (null: Plex has no file for it). */
export interface PlexAnimeTarget {
  anilistId: number;
  episodes: Array<string | null>;
  /** The Plex seasons holding them, so a write can read their play state fresh in one request each. */
  seasons: string[];
}

/**
 * The season's episodes the ranges cover, in AniList episode order: ranges in the order the table lists them,
 * numbers ascending within each. Positions follow episode *numbers*, not files: a season missing episode 5
 * keeps a null there, so episode 6 is still AniList episode 6 and not 5. An open range ("e13-") ends at the
 * highest episode Plex has. An empty list of ranges is the whole season.
 */
export function episodesInRanges(ranges: readonly EpisodeRange[], season: readonly SeasonEpisode[]): Array<SeasonEpisode | null> {
  const byIndex = new Map(season.map((episode) => [episode.index, episode]));
  const last = Math.max(0, ...season.map((episode) => episode.index));
  const out: Array<SeasonEpisode | null> = [];
  for (const range of ranges.length > 0 ? ranges : [{ start: 1, end: null }]) {
    const end = range.end ?? last;
    for (let index = Math.max(1, range.start); index <= end; index++) out.push(byIndex.get(index) ?? null);
  }
  return out;
}

/**
 * AniList progress from Plex play state: the length of the watched run from the entry's first episode. Not
 * the count of watched episodes (watching 1, 2 and 7 is not "3 episodes in": AniList would then believe 3
 * was seen), and not the highest watched number (one episode played by mistake, or a recap watched ahead,
 * would claim everything before it). AniList progress means "seen everything up to n", which is exactly
 * the unbroken run. A missing file (null) breaks the run like an unwatched episode.
 */
export function watchedPrefix(watched: ReadonlyArray<boolean | null>): number {
  let count = 0;
  while (count < watched.length && watched[count] === true) count++;
  return count;
}

/**
 * The entry's state on Plex. Completed when every episode of the range is watched; anything short of that
 * says only how far the person got. Plex has no list status, so it claims none: saying "current" for a
 * half-watched show would contest every paused or dropped entry on AniList and MAL with a side that keeps no
 * change times (and never wins by being newer).
 */
export function animeStateOf(watched: ReadonlyArray<boolean | null>): SideState {
  const progress = watchedPrefix(watched);
  if (watched.length > 0 && progress === watched.length) return { progress, status: 'completed' };
  return { progress };
}

/** The only status Plex can hold is "every episode watched": other statuses are not written to it. */
export function plexAcceptsStatus(value: unknown): boolean {
  return value === 'completed';
}

/**
 * What a write asks of the episodes: how many of the run from the start should be watched. `completed` is
 * the whole range; a progress number is that many (never more than the range holds). Undefined: the write
 * changes nothing Plex holds (a status such as `paused` has no Plex form).
 */
export function wantedProgress(changes: ReadonlyArray<{ field: string; after: unknown }>, length: number): number | undefined {
  let wanted: number | undefined;
  for (const change of changes) {
    if (change.field === 'progress' && typeof change.after === 'number') wanted = Math.max(wanted ?? 0, Math.min(length, Math.max(0, Math.floor(change.after))));
  }
  // Completed means every episode, whatever progress number came with it (AniList may say 0 for a film).
  if (changes.some((change) => change.field === 'status' && change.after === 'completed')) return length;
  return wanted;
}

/**
 * The episodes to scrobble and to unscrobble to reach `wanted`. Only episodes not yet watched are scrobbled
 * (a scrobble always adds a play: sending it for a watched episode is a duplicate play); episodes past
 * `wanted` are unscrobbled only when `lower` is set (the write was marked as lowering progress, which the
 * merge does only where the person allowed Plex to be unmarked).
 */
export function episodeChanges(episodes: ReadonlyArray<{ ratingKey: string; watched: boolean } | null>, wanted: number, lower: boolean): { scrobble: string[]; unscrobble: string[] } {
  const scrobble: string[] = [];
  const unscrobble: string[] = [];
  episodes.forEach((episode, position) => {
    if (!episode) return;
    if (position < wanted && !episode.watched) scrobble.push(episode.ratingKey);
    if (position >= wanted && lower && episode.watched) unscrobble.push(episode.ratingKey);
  });
  return { scrobble, unscrobble };
}

/**
 * Fewer requests for whole seasons: a scrobble (or unscrobble) of a season acts on every episode in it, so
 * where a write's list holds every episode of a season, one request on the season does. Only then: a
 * season scrobble would also add a play to an episode that was already watched, and those are never in the
 * list. `seasons`: each season's episodes as just read.
 */
export function groupBySeason(ratingKeys: readonly string[], seasons: ReadonlyMap<string, readonly string[]>): { seasons: string[]; episodes: string[] } {
  const wanted = new Set(ratingKeys);
  const whole: string[] = [];
  const covered = new Set<string>();
  for (const [season, episodes] of seasons) {
    if (episodes.length < 2 || !episodes.every((episode) => wanted.has(episode))) continue;
    whole.push(season);
    for (const episode of episodes) covered.add(episode);
  }
  return { seasons: whole, episodes: ratingKeys.filter((ratingKey) => !covered.has(ratingKey)) };
}
