import type { PlexServerClient } from '../plex/client';
import type { PlexItem } from '../plex/types';

/**
 * Plex has no list marker, but every show in a section listing carries `leafCount`, `viewedLeafCount` and
 * `lastViewedAt` (the spec's `Metadata`): a watch or an unwatch of any episode moves them. So a section's
 * episode listing is kept with the show listing it was read beside, and is reused while every show still
 * says the same: the shows are read anyway (for their GUIDs), the episodes, the bulk of the requests, are not.
 *
 * Kept in this process only: the sync sides are made fresh per plan and hold no database, so a restart reads
 * the episodes once more. An entry is stored only when its episodes agree with the shows' counts, which also
 * drops a listing that changed between the two reads.
 *
 * What it cannot see: a watch and an unwatch of two episodes of one show in the same second as the last read
 * (counts even, stamp unchanged); a replay of a watched episode changes `lastViewedAt` only, which is read.
 */

interface Kept {
  fingerprint: string;
  episodes: PlexItem[];
}

const kept = new Map<string, Kept>();

function fingerprintOf(shows: readonly PlexItem[]): string | null {
  // A server that leaves the counts out gives no marker: never reuse.
  if (shows.some((show) => show.leafCount === null || show.viewedLeafCount === null)) return null;
  return [...shows]
    .map((show) => `${show.ratingKey}:${show.leafCount}:${show.viewedLeafCount}:${show.lastViewedAt ?? 0}:${show.updatedAt ?? 0}`)
    .sort()
    .join('|');
}

/** Whether the episodes add up to each show's counts (episodes without a show are left out of both). */
function agrees(shows: readonly PlexItem[], episodes: readonly PlexItem[]): boolean {
  const counts = new Map(shows.map((show) => [show.ratingKey, { leaves: 0, viewed: 0 }]));
  for (const episode of episodes) {
    const count = episode.grandparentRatingKey ? counts.get(episode.grandparentRatingKey) : undefined;
    if (!count) continue;
    count.leaves += 1;
    if (episode.viewCount > 0) count.viewed += 1;
  }
  return shows.every((show) => {
    const count = counts.get(show.ratingKey) as { leaves: number; viewed: number };
    return count.leaves === show.leafCount && count.viewed === show.viewedLeafCount;
  });
}

export interface PlexEpisodeCache {
  /** The section's episodes as last read, when no show's counts or stamps moved since; else null. */
  episodesIfUnchanged(key: string, shows: readonly PlexItem[]): PlexItem[] | null;
  /** Keeps the episodes beside these shows, if they agree with the shows' counts (else forgets the key). */
  remember(key: string, shows: readonly PlexItem[], episodes: PlexItem[]): void;
  /** The kept episodes of a key, whatever the shows say now (for patching after our own writes). */
  keptEpisodes(key: string): PlexItem[] | null;
  forget(key: string): void;
}

export const plexEpisodeCache: PlexEpisodeCache = {
  episodesIfUnchanged(key, shows) {
    const entry = kept.get(key);
    const fingerprint = fingerprintOf(shows);
    return entry && fingerprint !== null && entry.fingerprint === fingerprint ? entry.episodes : null;
  },
  remember(key, shows, episodes) {
    const fingerprint = fingerprintOf(shows);
    if (fingerprint === null || !agrees(shows, episodes)) kept.delete(key);
    else kept.set(key, { fingerprint, episodes });
  },
  keptEpisodes: (key) => kept.get(key)?.episodes ?? null,
  forget: (key) => void kept.delete(key),
};

/** The cache key of one section's episodes for one account (the account has one syncing server). */
export const plexEpisodeCacheKey = (accountId: string, section: string) => `${accountId}|${section}`;

/**
 * After our own scrobbles: the kept episodes with the play state the run left, beside the show listing read
 * now (one request per section), so a resync after a sync does not read the episodes again. The counts check
 * in `remember` drops a section where anything else changed meanwhile.
 */
export async function settleKeptEpisodes(
  deps: { client: PlexServerClient; accountId: string; sections: readonly string[]; played: ReadonlyMap<string, boolean>; cache?: PlexEpisodeCache },
  signal?: AbortSignal,
): Promise<void> {
  const cache = deps.cache ?? plexEpisodeCache;
  if (deps.played.size === 0) return;
  for (const section of deps.sections) {
    const key = plexEpisodeCacheKey(deps.accountId, section);
    const episodes = cache.keptEpisodes(key);
    if (!episodes) continue;
    if (!episodes.some((episode) => deps.played.has(episode.ratingKey))) continue;
    const shows = (await deps.client.sectionItems(section, { type: 'show', includeGuids: false, ...(signal ? { signal } : {}) })).items;
    const patched = episodes.map((episode) => {
      const watched = deps.played.get(episode.ratingKey);
      if (watched === undefined || watched === episode.viewCount > 0) return episode;
      return { ...episode, viewCount: watched ? Math.max(1, episode.viewCount) : 0 };
    });
    cache.remember(key, shows, patched);
  }
}
