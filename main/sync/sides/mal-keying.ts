import type { AnilistClient } from '../../providers/anilist/client';
import type { MediaKind } from '../../providers/model/list-entry';
import type { MappingLookup } from '../../mapping/model';
import type { AnilistIdsOfMal } from './mal-side';

/**
 * MAL id → AniList id pairs AniList itself states (its entries' idMal), published when an AniList list is read.
 * A MAL list read in the same plan waits for the AniList read in flight; at any other time (an undo, a resume)
 * it takes what the last AniList read said, without waiting for a read that is not coming.
 */
export interface StatedMalIds {
  /** An AniList read of this kind started. */
  begin(kind: MediaKind): void;
  publish(kind: MediaKind, pairs: ReadonlyMap<number, number>): void;
  stated(kind: MediaKind): Promise<ReadonlyMap<number, number>>;
}

/** `stored`: what the last AniList read (in sync_entries) stated, for when no read of this plan has yet. */
export function createStatedMalIds(stored: (kind: MediaKind) => ReadonlyMap<number, number> = () => new Map()): StatedMalIds {
  const last = new Map<MediaKind, ReadonlyMap<number, number>>();
  const inFlight = new Map<MediaKind, { promise: Promise<ReadonlyMap<number, number>>; resolve(pairs: ReadonlyMap<number, number>): void }>();
  return {
    begin(kind) {
      let resolve: (pairs: ReadonlyMap<number, number>) => void = () => undefined;
      const promise = new Promise<ReadonlyMap<number, number>>((done) => (resolve = done));
      inFlight.set(kind, { promise, resolve });
    },
    publish(kind, pairs) {
      last.set(kind, pairs);
      inFlight.get(kind)?.resolve(pairs);
      inFlight.delete(kind);
    },
    stated: (kind) => inFlight.get(kind)?.promise ?? Promise.resolve(last.get(kind) ?? stored(kind)),
  };
}

export interface MalKeyingOptions {
  stated: StatedMalIds;
  /** The ID tables (anime only). */
  lookup?: MappingLookup | null;
  /** AniList itself, for MAL ids neither the list nor the tables know (answers are cached for a day). */
  anilist?: AnilistClient | null;
}

/**
 * MAL titles get their AniList id from, in order: what AniList states in the person's own list (exact),
 * the ID tables (anime; one answer only: a MAL id the tables tie to two AniList entries stays unkeyed rather
 * than guessed), then AniList's own idMal lookup. What none knows stays unkeyed and is reported, not synced.
 */
export function createMalKeying(options: MalKeyingOptions): AnilistIdsOfMal {
  return async (kind, malIds, signal) => {
    const stated = await options.stated.stated(kind);
    const found = new Map<number, number>();
    const missing: number[] = [];
    for (const malId of malIds) {
      const own = stated.get(malId);
      if (own !== undefined) {
        found.set(malId, own);
        continue;
      }
      const fromTables = kind === 'anime' && options.lookup ? [...new Set(options.lookup.byExternalId('mal', String(malId)).map((hit) => hit.anilistId))] : [];
      if (fromTables.length === 1 && fromTables[0] !== undefined) found.set(malId, fromTables[0]);
      else missing.push(malId);
    }
    if (missing.length > 0 && options.anilist) {
      const titles = await options.anilist.mediaByMalIds(missing, kind === 'anime' ? 'ANIME' : 'MANGA', signal ? { signal } : {});
      for (const title of titles) if (title.ids.mal !== undefined && title.ids.anilist !== undefined) found.set(title.ids.mal, title.ids.anilist);
    }
    return found;
  };
}
