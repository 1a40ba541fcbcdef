import type { MatchQuery, MatchResult } from '../../mapping/model';
import type { PlexServerClient } from '../../providers/plex/client';
import type { PlexItem } from '../../providers/plex/types';
import { titleKeyOf, type SideEntry } from '../model';
import { animeStateOf, episodesInRanges, type PlexAnimeTarget, type SeasonEpisode } from './plex-anime-ranges';

/**
 * Reading the anime libraries of one Plex server into AniList-keyed entries. Two listings per section, each
 * one request per 200 items: every show (for its GUIDs, the match keys) and every episode (with play
 * state, season number and show). No request per show or season: a 500-show library costs a handful of
 * calls, not a thousand (DESIGN §5.1).
 */

export interface PlexAnimeReadDeps {
  client: PlexServerClient;
  sections: readonly string[];
  resolve(query: MatchQuery): MatchResult;
  recordUnmatched?(query: MatchQuery, result: MatchResult, accountId: string): unknown;
  accountId: string;
  /** A match below this is not acted on: it is sent to review like an abstention. */
  minConfidence: number;
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

/** The show's ids as the resolver reads them: `tvdb://…`, `tmdb://…`, `imdb://…`, and the plex:// guid. */
export function showGuids(show: PlexItem): string[] {
  const guids: string[] = [];
  if (show.externalIds.tvdb !== undefined) guids.push(`tvdb://${show.externalIds.tvdb}`);
  if (show.externalIds.tmdb !== undefined) guids.push(`tmdb://${show.externalIds.tmdb}`);
  if (show.externalIds.imdb !== undefined) guids.push(`imdb://${show.externalIds.imdb}`);
  if (show.guid) guids.push(show.guid);
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

  for (const section of deps.sections) {
    const shows = (await deps.client.sectionItems(section, { type: 'show', includeGuids: true, ...request })).items;
    const episodes = (await deps.client.sectionItems(section, { type: 'episode', includeGuids: false, ...request })).items;
    for (const group of seasonsOf(shows, episodes)) {
      const query: MatchQuery = { type: 'show', title: group.show.title, year: group.show.year, season: group.season, guids: showGuids(group.show) };
      const result = deps.resolve(query);
      if (result.status === 'ignored') continue;
      if (result.status !== 'matched' || result.anilistIds.length === 0 || result.confidence < deps.minConfidence) {
        await sendToReview(query, result);
        continue;
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
        const piece: Piece = { season: group.season, seasonKey: group.ratingKey, title: group.show.title, episodes: episodesInRanges(ranges ?? [], group.episodes) };
        pieces.set(anilistId, [...(pieces.get(anilistId) ?? []), piece]);
      }
      if (unplaced) await sendToReview(query, { ...result, status: 'abstain', anilistIds: [] });
    }
  }
  return { entries: [...pieces].map(([anilistId, own]) => entryOf(anilistId, own)), unmatched };
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
  const title = ordered.length === 1 ? `${first.title} (season ${first.season})` : first.title;
  return { titleKey: titleKeyOf('anime', 'anilist', anilistId), title, state: animeStateOf(episodes.map((episode) => (episode ? episode.watched : null))), target };
}
