import type { AnilistClient } from '../../providers/anilist/client';
import type { MediaKind } from '../../providers/model/list-entry';
import type { MappingLookup } from '../../mapping/model';
import type { AnilistIdsOfMal } from './mal-side';

/** MAL id → AniList id pairs AniList itself states (its entries' idMal), published when an AniList list is read. */
export interface StatedMalIds {
  publish(kind: MediaKind, pairs: ReadonlyMap<number, number>): void;
  /** Waits for the AniList list of this kind when one is being read in this plan; empty when there is none. */
  stated(kind: MediaKind): Promise<ReadonlyMap<number, number>>;
  expect(kind: MediaKind): void;
}

export function createStatedMalIds(): StatedMalIds {
  const waiting = new Map<MediaKind, { promise: Promise<ReadonlyMap<number, number>>; resolve(pairs: ReadonlyMap<number, number>): void }>();
  return {
    expect(kind) {
      let resolve: (pairs: ReadonlyMap<number, number>) => void = () => undefined;
      const promise = new Promise<ReadonlyMap<number, number>>((done) => (resolve = done));
      waiting.set(kind, { promise, resolve });
    },
    publish(kind, pairs) {
      waiting.get(kind)?.resolve(pairs);
    },
    stated: (kind) => waiting.get(kind)?.promise ?? Promise.resolve(new Map()),
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
