import type { AnilistClient } from '../anilist/client';
import type { TitleSummary } from '../model/list-entry';
import { idSet } from './cache-key';
import { maybeTitleSchema, searchPageSchema, titleListSchema } from './model-schemas';
import { METADATA_TTL_MS, SEARCH_TTL_MS, type ReadCache } from './read-cache';

/** Namespaces carry the service and a shape version: bump the version when the stored shape changes. */
export const anilistCacheNamespaces = {
  search: 'anilist.search.v1',
  media: 'anilist.media.v1',
  mediaByMal: 'anilist.media-by-mal.v1',
} as const;

/** The client's default page size (client.ts); part of the key because it changes the answer. */
const DEFAULT_PER_PAGE = 10;

/**
 * The AniList client with searches kept an hour and titles a day (issue 4). Everything else, list reads and
 * writes included, goes straight to the client: lists have their own freshness rule (list-freshness.ts).
 * Lookups are cached per id, so a later lookup of an overlapping set asks AniList only for the ids it has not
 * seen; an id AniList has no title for is remembered as "none" for the day too.
 */
export function cachedAnilistClient(client: AnilistClient, cache: ReadCache): AnilistClient {
  return {
    ...client,

    searchMedia(query, type, page = 1, options = {}) {
      const key = { query, type, page, perPage: options.perPage ?? DEFAULT_PER_PAGE };
      return cache.through(anilistCacheNamespaces.search, key, searchPageSchema, SEARCH_TTL_MS, () => client.searchMedia(query, type, page, options));
    },

    async mediaByIds(ids, options) {
      const wanted = idSet(ids);
      const known = new Map<number, TitleSummary | null>();
      const missing: number[] = [];
      for (const id of wanted) {
        const hit = cache.get(anilistCacheNamespaces.media, id, maybeTitleSchema);
        if (hit === undefined) missing.push(id);
        else known.set(id, hit);
      }
      if (missing.length > 0) {
        const fetched = await client.mediaByIds(missing, options);
        for (const title of fetched) if (title.ids.anilist !== undefined) known.set(title.ids.anilist, title);
        for (const id of missing) {
          const title = known.get(id) ?? null;
          known.set(id, title);
          cache.put(anilistCacheNamespaces.media, id, title, METADATA_TTL_MS);
        }
      }
      // In id order, as the client returns them (its query sorts by ID).
      return wanted.flatMap((id) => known.get(id) ?? []);
    },

    async mediaByMalIds(malIds, type, options) {
      const wanted = idSet(malIds);
      const known = new Map<number, TitleSummary[]>();
      const missing: number[] = [];
      const keyOf = (malId: number) => ({ type, malId });
      for (const malId of wanted) {
        const hit = cache.get(anilistCacheNamespaces.mediaByMal, keyOf(malId), titleListSchema);
        if (hit === undefined) missing.push(malId);
        else known.set(malId, hit);
      }
      if (missing.length > 0) {
        const fetched = await client.mediaByMalIds(missing, type, options);
        for (const malId of missing) {
          const titles = fetched.filter((title) => title.ids.mal === malId);
          known.set(malId, titles);
          cache.put(anilistCacheNamespaces.mediaByMal, keyOf(malId), titles, METADATA_TTL_MS);
        }
      }
      return byAnilistId([...known.values()].flat());
    },
  };
}

/** One title per AniList id, sorted by it, as the uncached lookup answers. */
function byAnilistId(titles: TitleSummary[]): TitleSummary[] {
  const unique = new Map(titles.map((title) => [title.ids.anilist ?? -1, title]));
  return [...unique.entries()].sort(([a], [b]) => a - b).map(([, title]) => title);
}
