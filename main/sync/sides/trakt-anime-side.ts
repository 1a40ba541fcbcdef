import type { MappingLookup, MatchQuery, MatchResult } from '../../mapping/model';
import type { TraktClient } from '../../providers/trakt/client';
import { titleKeyOf, type ListSide, type PlannedWrite, type SideEntry, type SyncField, type TitleKey, type WriteOutcome } from '../model';
import { writeErrorOf } from './list-entry-state';
import { plexAcceptsStatus, wantedProgress } from './plex-anime-ranges';
import { playsToAdd, stretchesOf, targetFromLinks, traktAnimeState, lengthOf, type TraktAnimeTarget } from './trakt-anime-ranges';
import { bulkOf, isEmpty, notFoundError, notFoundPlans, type TraktPlan } from './trakt-video-batch';
import { readTraktVideo, readWatchedSets, type TraktFreshness, type TraktVideoTarget } from './trakt-video-read';
import { parseEpisodeKey, videoKeyOfIds } from './video-keys';

export interface TraktAnimeSideOptions {
  ref: { accountId: string; service: 'trakt'; kind: 'anime'; scale: null };
  client: TraktClient;
  /** The ID tables: only shows and films they know are anime; the rest of Trakt is not this side's. */
  lookup(): MappingLookup | null;
  resolve(query: MatchQuery): MatchResult;
  freshness?: TraktFreshness;
}

const carries: readonly SyncField[] = ['progress', 'status'];

/** Whether the tables link this Trakt title to any AniList entry (Trakt history is mostly not anime). */
function isAnime(lookup: MappingLookup, target: TraktVideoTarget): boolean {
  const { ids } = target;
  if (target.type === 'movie') return (ids.tmdb ? lookup.byExternalId('tmdb_movie', String(ids.tmdb)).length > 0 : false) || (ids.imdb ? lookup.byExternalId('imdb', ids.imdb).length > 0 : false);
  return (ids.tvdb ? lookup.byShow('tvdb', String(ids.tvdb)).length > 0 || lookup.byExternalId('tvdb', String(ids.tvdb)).length > 0 : false) || (ids.tmdb ? lookup.byExternalId('tmdb_show', String(ids.tmdb)).length > 0 : false);
}

function guidsOf(target: TraktVideoTarget): string[] {
  const { ids } = target;
  return [...(ids.tvdb ? [`tvdb://${ids.tvdb}`] : []), ...(ids.tmdb ? [`tmdb://${ids.tmdb}`] : []), ...(ids.imdb ? [`imdb://${ids.imdb}`] : [])];
}

/**
 * Trakt ⇄ AniList/MAL for anime (issue 6): the Trakt history of shows and films the ID tables know, each
 * played season resolved to AniList entries with their episode stretches, progress as the unbroken watched
 * run. Writes add the plays Trakt lacks (fresh from history first: Trakt counts every play, API-NOTES §3) in
 * one bulk call; plays are never removed. Unmatched Trakt titles are not queued for review: most of a Trakt
 * history is not anime, and the tables are what says which is.
 */
export function createTraktAnimeSide(options: TraktAnimeSideOptions): ListSide {
  const { ref, client } = options;

  async function readEntries(signal: AbortSignal | undefined, full: boolean): Promise<{ entries: SideEntry[]; watched: Map<TitleKey, Set<string>> }> {
    const lookup = options.lookup();
    if (!lookup) return { entries: [], watched: new Map() };
    const snapshot = await readTraktVideo(client, signal, options.freshness, full);
    const targets = new Map<number, TraktAnimeTarget[]>();
    const watchedOf = new Map<TitleKey, Set<string>>();
    for (const entry of snapshot.entries.values()) {
      const video = entry.target as TraktVideoTarget;
      const played = (entry.state.watched as string[] | undefined) ?? [];
      if (played.length === 0 || !isAnime(lookup, video)) continue;
      watchedOf.set(entry.titleKey, new Set(played));
      const place = (result: MatchResult, season: number | null) => {
        if (result.status !== 'matched') return;
        for (const anilistId of result.anilistIds) {
          const ranges = result.candidates.find((candidate) => candidate.anilistId === anilistId)?.episodes;
          // Several entries in one season need ranges to be told apart; without them, leave the season out.
          if (!ranges && result.anilistIds.length > 1) continue;
          const stretches = season === null ? [] : stretchesOf(season, ranges ?? []);
          targets.set(anilistId, [...(targets.get(anilistId) ?? []), { anilistId, type: video.type, ids: video.ids, title: entry.title, stretches }]);
        }
      };
      if (video.type === 'movie') {
        place(options.resolve({ type: 'movie', title: entry.title, guids: guidsOf(video) }), null);
        continue;
      }
      const seasons = [...new Set(played.flatMap((key) => parseEpisodeKey(key)?.season ?? []))].sort((a, b) => a - b);
      for (const season of seasons) place(options.resolve({ type: 'show', title: entry.title, season, guids: guidsOf(video) }), season);
    }
    const entries: SideEntry[] = [];
    for (const [anilistId, pieces] of targets) {
      // One show per entry: an entry the tables split over two Trakt shows keeps the first one read.
      const first = pieces[0] as TraktAnimeTarget;
      const target: TraktAnimeTarget = { ...first, stretches: pieces.filter((piece) => JSON.stringify(piece.ids) === JSON.stringify(first.ids)).flatMap((piece) => piece.stretches).sort((a, b) => a.season - b.season || a.start - b.start) };
      const watched = watchedOf.get(videoKeyOfIds(target.type, target.ids) ?? '') ?? new Set<string>();
      entries.push({ titleKey: titleKeyOf('anime', 'anilist', anilistId), title: target.title, state: traktAnimeState(target, watched), target });
    }
    return { entries, watched: watchedOf };
  }

  return {
    ref,
    carries,
    accepts: (field, value) => field !== 'status' || plexAcceptsStatus(value),
    async read({ signal, full } = {}) {
      const { entries } = await readEntries(signal, full ?? false);
      return { side: ref, entries, unmatched: 0 };
    },

    createTarget(titleKey, others) {
      const match = /^anime:anilist:(\d+)$/.exec(titleKey);
      const lookup = options.lookup();
      if (!match || !lookup) return null;
      const anilistId = Number(match[1]);
      return targetFromLinks(anilistId, others[0]?.title ?? titleKey, lookup.linksOf(anilistId));
    },

    async apply(writes, { signal } = {}) {
      const watchedNow = await readWatchedSets(client, signal).catch((error: unknown) => error as Error);
      if (watchedNow instanceof Error) return writes.map((write) => ({ writeId: write.id, ok: false, error: writeErrorOf(watchedNow) }));
      const outcomes = new Map<string, WriteOutcome>();
      const plans: Array<TraktPlan & { anime: TraktAnimeTarget; watched: Set<string> }> = [];
      for (const write of writes) {
        const anime = write.target as TraktAnimeTarget | null;
        if (!anime || !Array.isArray(anime.stretches)) {
          outcomes.set(write.id, { writeId: write.id, ok: false, error: { code: 'validation', message: `"${write.title}" has no place on Trakt the ID tables name, so Trakt cannot take this change.`, retryable: false } });
          continue;
        }
        const watched = watchedNow.get(videoKeyOfIds(anime.type, anime.ids) ?? '') ?? new Set<string>();
        const wanted = wantedOf(write, anime);
        plans.push({ write, target: { type: anime.type, ids: anime.ids }, addPlays: wanted === undefined ? [] : playsToAdd(anime, watched, wanted), removePlays: [], anime, watched });
      }
      const body = bulkOf(plans, (plan) => (plan.target.type === 'movie' ? plan.addPlays.length > 0 : plan.addPlays));
      let missing = new Set<TraktPlan>();
      if (!isEmpty(body)) {
        try {
          const answer = await client.addHistory(body, signal ? { signal } : {});
          missing = notFoundPlans(plans, answer.notFound);
        } catch (error) {
          for (const plan of plans) outcomes.set(plan.write.id, { writeId: plan.write.id, ok: false, error: writeErrorOf(error) });
          return writes.map((write) => outcomes.get(write.id) as WriteOutcome);
        }
      }
      for (const plan of plans) {
        if (missing.has(plan)) {
          outcomes.set(plan.write.id, { writeId: plan.write.id, ok: false, error: notFoundError(plan.write.title, 'the show') });
          continue;
        }
        for (const key of plan.addPlays) plan.watched.add(key);
        outcomes.set(plan.write.id, { writeId: plan.write.id, ok: true, state: traktAnimeState(plan.anime, plan.watched) });
      }
      return writes.map((write) => outcomes.get(write.id) as WriteOutcome);
    },

    async readCurrent(titleKeys, { signal } = {}) {
      const { entries } = await readEntries(signal, true);
      const byKey = new Map(entries.map((entry) => [entry.titleKey, entry.state]));
      return new Map(titleKeys.map((key) => [key, byKey.get(key) ?? null]));
    },
  };
}

/**
 * How many episodes the write wants watched. Completed is the whole entry where its length is known; on an
 * open stretch only the progress number can say how far (Trakt does not know where the season ends).
 */
function wantedOf(write: PlannedWrite, target: TraktAnimeTarget): number | undefined {
  const length = target.type === 'movie' ? 1 : lengthOf(target.stretches);
  if (length !== null) return wantedProgress(write.changes, length);
  const progress = write.changes.filter((change) => change.field === 'progress');
  return wantedProgress(progress, Math.max(0, ...progress.map((change) => (typeof change.after === 'number' ? change.after : 0))));
}
