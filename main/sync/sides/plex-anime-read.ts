import type { MatchQuery, MatchResult } from '../../mapping/model';
import { plexEpisodeCacheKey, type PlexEpisodeCache } from '../../providers/cache/plex-episode-cache';
import type { PlexServerClient } from '../../providers/plex/client';
import type { PlexItem } from '../../providers/plex/types';
import { titleKeyOf, type SideEntry } from '../model';
import { animeStateOf, episodesInRanges, type PlexAnimeTarget, type SeasonEpisode } from './plex-anime-ranges';

/**
 * Reading the anime libraries of one Plex server into AniList-keyed entries. Two listings per show section,
 * each one request per 200 items: every show (for its GUIDs, the match keys) and every episode (with play
 * state, season number and show); a movie section is its one listing. No request per show or season: a 500-show library costs a handful of
 * calls, not a thousand (DESIGN §5.1). The episode listing is skipped while no show's counts moved
 * (`plex-episode-cache.ts`, Plex's change marker).
 */

export interface PlexAnimeReadDeps {
  client: PlexServerClient;
  sections: readonly string[];
  resolve(query: MatchQuery): MatchResult;
  recordUnmatched?(query: MatchQuery, result: MatchResult, accountId: string): unknown;
  accountId: string;
  /** A match below this is not acted on: it is sent to review like an abstention. */
  minConfidence: number;
  /** Reuses a section's episodes while its shows' counts stand still (none: always read them). */
  episodeCache?: PlexEpisodeCache;
}

export interface PlexAnimeRead {
  entries: SideEntry[];
  unmatched: number;
}

interface SeasonGroup {
  show: PlexItem;
  season: number;
  ratingKey: string | null;
  episodes: SeasonEpisode[];
}

/** The item's ids as the resolver reads them: `tvdb://…`, `tmdb://…`, `imdb://…`, and the plex:// guid. */
export function showGuids(item: PlexItem): string[] {
  const guids: string[] = [];
  if (item.externalIds.tvdb !== undefined) guids.push(`tvdb://${item.externalIds.tvdb}`);
  if (item.externalIds.tmdb !== undefined) guids.push(`tmdb://${item.externalIds.tmdb}`);
  if (item.externalIds.imdb !== undefined) guids.push(`imdb://${item.externalIds.imdb}`);
  if (item.guid) guids.push(item.guid);
  return guids;
}

/** Episodes by show and season, seasons ascending; shows with no episodes have nothing to sync. */
function seasonsOf(shows: readonly PlexItem[], episodes: readonly PlexItem[]): SeasonGroup[] {
  const byShow = new Map(shows.map((show) => [show.ratingKey, new Map<number, SeasonGroup>()]));
  const showByKey = new Map(shows.map((show) => [show.ratingKey, show]));
  for (const episode of episodes) {
    const show = episode.grandparentRatingKey ? showByKey.get(episode.grandparentRatingKey) : undefined;
    if (!show || episode.parentIndex === null || episode.index === null) continue;
    const seasons = byShow.get(show.ratingKey) as Map<number, SeasonGroup>;
    let group = seasons.get(episode.parentIndex);
    if (!group) seasons.set(episode.parentIndex, (group = { show, season: episode.parentIndex, ratingKey: episode.parentRatingKey, episodes: [] }));
    group.episodes.push({ ratingKey: episode.ratingKey, index: episode.index, watched: episode.viewCount > 0 });
  }
  return [...byShow.values()].flatMap((seasons) => [...seasons.values()].sort((a, b) => a.season - b.season));
}

interface Piece {
  season: number;
  seasonKey: string | null;
  title: string;
  episodes: Array<SeasonEpisode | null>;
}

export async function readPlexAnime(deps: PlexAnimeReadDeps, signal?: AbortSignal): Promise<PlexAnimeRead> {
  const request = signal ? { signal } : {};
  const pieces = new Map<number, Piece[]>();
  let unmatched = 0;
  const sendToReview = async (query: MatchQuery, result: MatchResult) => {
    unmatched += 1;
    // The review queue is a convenience for the person; its failure must not cost them the sync.
    await Promise.resolve(deps.recordUnmatched?.(query, result, deps.accountId)).catch(() => undefined);
  };

  /** One resolved unit (a season, or a film): its pieces per AniList entry, or a trip to review. */
  const place = async (query: MatchQuery, episodes: readonly SeasonEpisode[], seasonKey: string | null, title: string) => {
    const result = deps.resolve(query);
    if (result.status === 'ignored') return;
    if (result.status !== 'matched' || result.anilistIds.length === 0 || result.confidence < deps.minConfidence) {
      await sendToReview(query, result);
      return;
    }
    const several = result.anilistIds.length > 1;
    let unplaced = false;
    for (const anilistId of result.anilistIds) {
      const ranges = result.candidates.find((candidate) => candidate.anilistId === anilistId)?.episodes;
      // Several entries in one season without ranges cannot be told apart: guessing would mark the wrong cour.
      if (!ranges && several) {
        unplaced = true;
        continue;
      }
      const piece: Piece = { season: query.season ?? 1, seasonKey, title, episodes: episodesInRanges(query.type === 'movie' ? [] : (ranges ?? []), episodes) };
      pieces.set(anilistId, [...(pieces.get(anilistId) ?? []), piece]);
    }
    if (unplaced) await sendToReview(query, { ...result, status: 'abstain', anilistIds: [] });
  };

  for (const section of deps.sections) {
    // The section's own top level (shows, or films in an anime movie library), then episodes only where there are shows.
    const roots = (await deps.client.sectionItems(section, { includeGuids: true, ...request })).items;
    const shows = roots.filter((item) => item.type === 'show');
    const episodes = shows.length > 0 ? await sectionEpisodes(deps, section, shows, request) : [];
    for (const group of seasonsOf(shows, episodes)) {
      const query: MatchQuery = { type: 'show', title: group.show.title, year: group.show.year, season: group.season, guids: showGuids(group.show) };
      await place(query, group.episodes, group.ratingKey, group.show.title);
    }
    // A film is an entry of one episode: watched is completed. Its own item is what a write scrobbles.
    for (const movie of roots.filter((item) => item.type === 'movie')) {
      const query: MatchQuery = { type: 'movie', title: movie.title, year: movie.year, guids: showGuids(movie) };
      await place(query, [{ ratingKey: movie.ratingKey, index: 1, watched: movie.viewCount > 0 }], null, movie.title);
    }
  }
  return { entries: [...pieces].map(([anilistId, own]) => entryOf(anilistId, own)), unmatched };
}

/** A show section's episodes: kept ones while no show's counts moved, else one listing (kept for next time). */
export async function sectionEpisodes(
  deps: { client: PlexServerClient; accountId: string; episodeCache?: PlexEpisodeCache },
  section: string,
  shows: readonly PlexItem[],
  request: { signal?: AbortSignal },
): Promise<PlexItem[]> {
  const key = plexEpisodeCacheKey(deps.accountId, section);
  const kept = deps.episodeCache?.episodesIfUnchanged(key, shows);
  if (kept) return kept;
  const episodes = (await deps.client.sectionItems(section, { type: 'episode', includeGuids: false, ...request })).items;
  deps.episodeCache?.remember(key, shows, episodes);
  return episodes;
}

/**
 * One AniList entry from its pieces. An entry spread over several Plex seasons (Naruto's 220 episodes are
 * TVDB seasons 1-5) counts on through them in season order, as the tables number it.
 */
function entryOf(anilistId: number, pieces: Piece[]): SideEntry {
  const ordered = [...pieces].sort((a, b) => a.season - b.season);
  const episodes = ordered.flatMap((piece) => piece.episodes);
  const seasons = [...new Set(ordered.flatMap((piece) => (piece.seasonKey ? [piece.seasonKey] : [])))];
  const target: PlexAnimeTarget = { anilistId, episodes: episodes.map((episode) => episode?.ratingKey ?? null), seasons };
  const first = ordered[0] as Piece;
  const title = ordered.length === 1 && first.seasonKey !== null ? `${first.title} (season ${first.season})` : first.title;
  return { titleKey: titleKeyOf('anime', 'anilist', anilistId), title, state: animeStateOf(episodes.map((episode) => (episode ? episode.watched : null))), target };
}
