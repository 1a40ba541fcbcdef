import type { MatchQuery, MatchResult } from '../../mapping/model';
import type { PlexServerClient } from '../../providers/plex/client';
import type { ListSide, PlannedWrite, SideRef, SyncField, WriteOutcome } from '../model';
import { plexEpisodeCache, settleKeptEpisodes } from '../../providers/cache/plex-episode-cache';
import { writeErrorOf } from './list-entry-state';
import { readPlexAnime } from './plex-anime-read';
import { animeStateOf, episodeChanges, groupBySeason, plexAcceptsStatus, wantedProgress, type PlexAnimeTarget } from './plex-anime-ranges';

export interface PlexAnimeSideOptions {
  ref: SideRef & { service: 'plex'; kind: 'anime' };
  client: PlexServerClient;
  /** The section ids the person marked as anime (main/db/plex-repository.ts, `holds = 'anime'`). */
  sections: readonly string[];
  resolve(query: MatchQuery): MatchResult;
  /** Told each season the matcher would not decide (the review queue's `record`); may be async. */
  recordUnmatched?(query: MatchQuery, result: MatchResult, accountId: string): unknown;
  /** Matches below this confidence go to review instead of being synced (default 0: the resolver decides). */
  minConfidence?: number;
}

const carries: readonly SyncField[] = ['progress', 'status'];

/** Watched state of the episodes one apply touches, read fresh per season and kept up to date as it writes. */
type PlayState = Map<string, boolean>;

/** What one apply has read: play state by episode, and each season's episodes. */
interface Fresh {
  plays: PlayState;
  seasons: Map<string, string[]>;
}

/**
 * AniList/MAL ⇄ Plex for the anime libraries (issue 6): each Plex season is resolved to AniList entries with
 * their episode ranges, and an entry's progress is its unbroken watched run. Writes mark episodes played
 * with `/:/scrobble`, one per episode (PMS has no batch form); Plex never gets entries created, so there is no
 * `createTarget`.
 */
export function createPlexAnimeSide(options: PlexAnimeSideOptions): ListSide {
  const { ref, client } = options;
  // readCurrent re-reads to check values, not to queue the same seasons for review again.
  const read = (signal: AbortSignal | undefined, review: boolean) =>
    readPlexAnime(
      {
        client,
        sections: options.sections,
        resolve: options.resolve,
        ...(review && options.recordUnmatched ? { recordUnmatched: options.recordUnmatched } : {}),
        accountId: ref.accountId,
        minConfidence: options.minConfidence ?? 0,
        // readCurrent checks values a run relies on: always the server's own listing, never a kept one.
        ...(review ? { episodeCache: plexEpisodeCache } : {}),
      },
      signal,
    );

  /**
   * Reads the seasons a write touches (one request each) unless this apply already has them; an item in no
   * season (a film) is read on its own.
   */
  async function loadSeasons(target: PlexAnimeTarget, { plays, seasons }: Fresh, signal?: AbortSignal): Promise<void> {
    const request = signal ? { signal } : {};
    for (const season of target.seasons) {
      if (seasons.has(season)) continue;
      const episodes = await client.children(season, request);
      for (const episode of episodes) plays.set(episode.ratingKey, episode.viewCount > 0);
      seasons.set(season, episodes.map((episode) => episode.ratingKey));
    }
    for (const ratingKey of target.episodes) {
      if (ratingKey !== null && !plays.has(ratingKey)) plays.set(ratingKey, (await client.metadata(ratingKey, request)).viewCount > 0);
    }
  }

  /** Sends one kind of change, a season at a time where the whole season changes, and notes the new state. */
  async function send(ratingKeys: readonly string[], watched: boolean, fresh: Fresh, signal?: AbortSignal): Promise<void> {
    const request = signal ? { signal } : {};
    const grouped = groupBySeason(ratingKeys, fresh.seasons);
    const change = (ratingKey: string) => (watched ? client.scrobble(ratingKey, request) : client.unscrobble(ratingKey, request));
    for (const season of grouped.seasons) {
      await change(season);
      for (const episode of fresh.seasons.get(season) ?? []) fresh.plays.set(episode, watched);
    }
    for (const ratingKey of grouped.episodes) {
      await change(ratingKey);
      fresh.plays.set(ratingKey, watched);
    }
  }

  async function applyOne(write: PlannedWrite, fresh: Fresh, signal?: AbortSignal): Promise<WriteOutcome> {
    const target = write.target as PlexAnimeTarget | null;
    if (!target || !Array.isArray(target.episodes)) {
      return { writeId: write.id, ok: false, error: { code: 'validation', message: `"${write.title}" is not in your Plex anime libraries, so Plex cannot take this change.`, retryable: false } };
    }
    try {
      // Fresh play state: a scrobble always adds a play, so what was watched since the read must not be sent again.
      await loadSeasons(target, fresh, signal);
      const { plays } = fresh;
      const episodes = target.episodes.map((ratingKey) => (ratingKey === null ? null : { ratingKey, watched: plays.get(ratingKey) ?? false }));
      const wanted = wantedProgress(write.changes, episodes.length);
      if (wanted !== undefined) {
        const { scrobble, unscrobble } = episodeChanges(episodes, wanted, write.guards.includes('lowers-progress'));
        await send(scrobble, true, fresh, signal);
        await send(unscrobble, false, fresh, signal);
      }
      // The state Plex now holds (not the write's wish): a missing file stops the run short of it.
      return { writeId: write.id, ok: true, state: animeStateOf(target.episodes.map((ratingKey) => (ratingKey === null ? null : (plays.get(ratingKey) ?? false)))) };
    } catch (error) {
      return { writeId: write.id, ok: false, error: writeErrorOf(error) };
    }
  }

  /** Play state this side's applies read or left, for `settle` to patch the kept episode listings with. */
  const played: PlayState = new Map();

  return {
    ref,
    carries,
    accepts: (field, value) => field !== 'status' || plexAcceptsStatus(value),
    async read({ signal } = {}) {
      const { entries, unmatched } = await read(signal, true);
      return { side: ref, entries, unmatched };
    },

    async apply(writes, { signal } = {}) {
      const fresh: Fresh = { plays: new Map(), seasons: new Map() };
      const outcomes: WriteOutcome[] = [];
      // One at a time: each is a few scrobbles, and a failure in one must leave the others to run.
      for (const write of writes) outcomes.push(await applyOne(write, fresh, signal));
      for (const [ratingKey, watched] of fresh.plays) played.set(ratingKey, watched);
      return outcomes;
    },

    async settle(_done, { signal } = {}) {
      await settleKeptEpisodes({ client, accountId: ref.accountId, sections: options.sections, played }, signal);
    },

    async readCurrent(titleKeys, { signal } = {}) {
      const { entries } = await read(signal, false);
      const byKey = new Map(entries.map((entry) => [entry.titleKey, entry.state]));
      return new Map(titleKeys.map((key) => [key, byKey.get(key) ?? null]));
    },
  };
}
