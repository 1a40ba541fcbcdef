import type { AnilistClient } from '../anilist/client';
import type { AnilistMediaType } from '../anilist/schemas';
import type { MalClient } from '../mal/client';
import type { MediaKind } from '../model/list-entry';
import type { TraktLastActivities } from '../trakt/types';

/**
 * Per service, one cheap read that says whether a list may have changed since it was last read whole
 * (issue 4, DESIGN §5.1). A marker is an opaque string compared only with the marker stored at the last full
 * read (list-freshness.ts); equal means "unchanged as far as the service tells".
 *
 * What each one can miss, and why a full re-read on demand (`full: true`) stays necessary:
 * - AniList: newest entry `updatedAt` + that entry's id + `pageInfo.total` + the user's score format (it
 *   changes every entry's displayed score without touching an entry). Adds and edits move the stamp (an
 *   added entry is itself the newest change); removals move the total. Missed: a second edit within the same
 *   second as the newest one already read (stamps are whole seconds); a removal when AniList's `total`,
 *   which its docs call inaccurate, does not move; and title metadata (episodes, titles), which is not list
 *   state and has its own day-long cache.
 * - MAL: newest `list_status.updated_at` + that title's id, then, only when those are unchanged, a second
 *   small read checking the entry count (`holdsCount`): MAL lists carry no total, and a removal does not
 *   move the newest updated_at. Missed: same-second edits as above.
 * - Trakt: the `/sync/last_activities` stamps of the categories the list is made of; Trakt documents them as
 *   the way to gate syncs. Whether every removal moves them is not documented (the emulator moves them), so
 *   a removal Trakt does not stamp is only seen by a full re-read. No cheap count is available to check.
 */
export interface ListMarkerSource {
  readMarker(): Promise<string>;
  /** When present and the marker is unchanged: whether the list still holds `count` entries. */
  holdsCount?: (count: number) => Promise<boolean>;
}

export function anilistListMarker(client: Pick<AnilistClient, 'listMarker'>, userId: number, type: AnilistMediaType): ListMarkerSource {
  return {
    async readMarker() {
      const marker = await client.listMarker(userId, type);
      return `anilist|${type}|updated=${marker.newestUpdatedAt ?? '-'}|entry=${marker.newestEntryId ?? '-'}|total=${marker.total ?? '-'}|scores=${marker.scoreFormat ?? '-'}`;
    },
  };
}

export function malListMarker(client: Pick<MalClient, 'listMarker' | 'listHolds'>, kind: MediaKind): ListMarkerSource {
  return {
    async readMarker() {
      const marker = await client.listMarker(kind);
      return `mal|${kind}|updated=${marker.newestUpdatedAt ?? '-'}|id=${marker.newestId ?? '-'}`;
    },
    holdsCount: (count) => client.listHolds(kind, count),
  };
}

/** The Trakt lists the sync reads, and the last_activities stamps each is made of. */
export type TraktMarkedList = 'watchlist' | 'history' | 'ratings';

const traktStamps: Record<TraktMarkedList, ReadonlyArray<readonly [keyof Omit<TraktLastActivities, 'all'>, string]>> = {
  watchlist: [
    ['watchlist', 'updated_at'],
    ['movies', 'watchlisted_at'],
    ['shows', 'watchlisted_at'],
    ['seasons', 'watchlisted_at'],
    ['episodes', 'watchlisted_at'],
  ],
  // Only movies and episodes are watched (plays); shows and seasons have no watched_at.
  history: [
    ['movies', 'watched_at'],
    ['episodes', 'watched_at'],
  ],
  ratings: [
    ['movies', 'rated_at'],
    ['shows', 'rated_at'],
    ['seasons', 'rated_at'],
    ['episodes', 'rated_at'],
  ],
};

/** The list's marker from one last_activities answer; a stamp Trakt left out reads as "-". */
export function traktMarkerFrom(activities: TraktLastActivities, list: TraktMarkedList): string {
  const parts = traktStamps[list].map(([group, field]) => `${group}.${field}=${activities[group][field] ?? '-'}`);
  return `trakt|${list}|${parts.join('|')}`;
}

export interface LastActivitiesSource {
  lastActivities(): Promise<TraktLastActivities>;
}

export function traktListMarker(client: LastActivitiesSource, list: TraktMarkedList): ListMarkerSource {
  return { readMarker: async () => traktMarkerFrom(await client.lastActivities(), list) };
}

/**
 * One last_activities request shared by every Trakt list checked in one sync run (the watchlist, history and
 * ratings all read the same answer). Make one per run: it never asks again, and a failed ask is not kept.
 */
export function onceLastActivities(client: LastActivitiesSource): LastActivitiesSource {
  let pending: Promise<TraktLastActivities> | undefined;
  return {
    lastActivities() {
      pending ??= client.lastActivities().catch((error: unknown) => {
        pending = undefined;
        throw error;
      });
      return pending;
    },
  };
}
