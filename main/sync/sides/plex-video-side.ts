import type { PlexServerClient } from '../../providers/plex/client';
import type { ListSide, PlannedWrite, SideRef, SideState, SyncField, TitleKey, WriteOutcome } from '../model';
import { writeErrorOf } from './list-entry-state';
import { groupBySeason } from './plex-anime-ranges';
import { plexEpisodeCache, settleKeptEpisodes } from '../../providers/cache/plex-episode-cache';
import { readPlexVideo, type PlexVideoSections, type PlexVideoTarget } from './plex-video-read';
import { MOVIE_WATCHED, episodeKey, rating10Of, score100Of, sortEpisodeKeys } from './video-keys';

export interface PlexVideoSideOptions {
  ref: SideRef & { service: 'plex'; kind: 'video' };
  client: PlexServerClient;
  /** The libraries the person marked as movies and as (non-anime) shows (main/db/plex-repository.ts). */
  sections: PlexVideoSections;
}

const carries: readonly SyncField[] = ['watched', 'score'];

/** One playable item's fresh state: the key it stands for in `watched`, whether it is played, and its season. */
interface Leaf {
  ratingKey: string;
  key: string;
  watched: boolean;
  season: string | null;
}

/**
 * Plex's half of Trakt ⇄ Plex for shows and movies (issue 6): watched episodes and the title's rating.
 * Writes read each title's play state fresh first (one or two requests per title), because a scrobble always
 * adds a play: only unplayed items are scrobbled. Plex items are never created or deleted by a sync, so
 * there is no `createTarget` and a removal is refused.
 */
export function createPlexVideoSide(options: PlexVideoSideOptions): ListSide {
  const { ref, client } = options;

  const played = new Map<string, boolean>();

  async function freshState(target: PlexVideoTarget, signal?: AbortSignal): Promise<{ leaves: Leaf[]; rating: number | null }> {
    const request = signal ? { signal } : {};
    const leaves: Leaf[] = [];
    let rating: number | null = null;
    for (const ratingKey of target.ratingKeys) {
      const item = await client.metadata(ratingKey, request);
      if (item.userRating !== null && (rating === null || item.userRating > rating)) rating = item.userRating;
      if (target.type === 'movie') {
        leaves.push({ ratingKey, key: MOVIE_WATCHED, watched: item.viewCount > 0, season: null });
        continue;
      }
      for (const episode of await client.allLeaves(ratingKey, request)) {
        if (episode.parentIndex !== null && episode.index !== null) leaves.push({ ratingKey: episode.ratingKey, key: episodeKey(episode.parentIndex, episode.index), watched: episode.viewCount > 0, season: episode.parentRatingKey });
      }
    }
    return { leaves, rating };
  }

  /** One request per season where every episode of it changes (a whole season caught up), else per episode. */
  async function send(changing: Leaf[], watched: boolean, leaves: readonly Leaf[], request: { signal?: AbortSignal }): Promise<void> {
    const seasons = new Map<string, string[]>();
    for (const leaf of leaves) if (leaf.season) seasons.set(leaf.season, [...(seasons.get(leaf.season) ?? []), leaf.ratingKey]);
    const grouped = groupBySeason(changing.map((leaf) => leaf.ratingKey), seasons);
    const change = (ratingKey: string) => (watched ? client.scrobble(ratingKey, request) : client.unscrobble(ratingKey, request));
    for (const season of grouped.seasons) {
      await change(season);
      for (const leaf of changing) if (leaf.season === season) leaf.watched = watched;
    }
    for (const leaf of changing) {
      if (!grouped.episodes.includes(leaf.ratingKey)) continue;
      await change(leaf.ratingKey);
      leaf.watched = watched;
    }
  }

  async function applyOne(write: PlannedWrite, signal?: AbortSignal): Promise<WriteOutcome> {
    const request = signal ? { signal } : {};
    const target = write.target as PlexVideoTarget | null;
    if (write.op === 'remove' || !target || !Array.isArray(target.ratingKeys)) {
      const message = write.op === 'remove' ? `Kizuna does not remove "${write.title}" from Plex.` : `"${write.title}" is not in your Plex libraries, so Plex cannot take this change.`;
      return { writeId: write.id, ok: false, error: { code: 'validation', message, retryable: false } };
    }
    try {
      const { leaves, rating } = await freshState(target, signal);
      let score = score100Of(rating);
      for (const change of write.changes) {
        if (change.field === 'watched' && Array.isArray(change.after)) {
          const wanted = new Set(change.after);
          // Unplayed only: a scrobble of a played item is a second play. Unmarking needs the write's say-so.
          const lower = write.guards.includes('lowers-progress');
          const play = leaves.filter((leaf) => wanted.has(leaf.key) && !leaf.watched);
          const unplay = lower ? leaves.filter((leaf) => !wanted.has(leaf.key) && leaf.watched) : [];
          await send(play, true, leaves, request);
          await send(unplay, false, leaves, request);
        }
        // What the run left, for `settle` to patch the kept episode listings with.
        if (target.type === 'show') for (const leaf of leaves) played.set(leaf.ratingKey, leaf.watched);
        if (change.field === 'score') {
          const stars = rating10Of(change.after);
          for (const ratingKey of target.ratingKeys) await client.rate(ratingKey, stars, request);
          score = score100Of(stars);
        }
      }
      const state: SideState = { watched: sortEpisodeKeys(leaves.filter((leaf) => leaf.watched).map((leaf) => leaf.key)), score };
      return { writeId: write.id, ok: true, state };
    } catch (error) {
      return { writeId: write.id, ok: false, error: writeErrorOf(error) };
    }
  }

  return {
    ref,
    carries,
    async read({ signal } = {}) {
      const { entries, unkeyed } = await readPlexVideo(client, options.sections, signal, { cache: plexEpisodeCache, accountId: ref.accountId });
      return { side: ref, entries: [...entries.values()], unmatched: unkeyed };
    },

    async apply(writes, { signal } = {}) {
      const outcomes: WriteOutcome[] = [];
      // PMS has no batch form for scrobble or rate; one title at a time, each failure its own.
      for (const write of writes) outcomes.push(await applyOne(write, signal));
      return outcomes;
    },

    async settle(_done, { signal } = {}) {
      await settleKeptEpisodes({ client, accountId: ref.accountId, sections: options.sections.shows, played }, signal);
    },

    async readCurrent(titleKeys, { signal } = {}) {
      const { entries } = await readPlexVideo(client, options.sections, signal);
      return new Map(titleKeys.map((key): [TitleKey, SideState | null] => [key, entries.get(key)?.state ?? null]));
    },
  };
}
