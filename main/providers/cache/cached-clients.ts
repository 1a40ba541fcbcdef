import type { AnilistClient } from '../anilist/client';
import type { MalClient } from '../mal/client';
import type { TitleSummary } from '../model/list-entry';
import type { TraktClient, TraktSearchOptions } from '../trakt/client';
import type { TraktIdType, TraktSearchType } from '../trakt/types';
import { METADATA_TTL_MS, SEARCH_TTL_MS, idSet, type ReadCache } from './read-cache';
import { maybeTitleSchema, searchPageSchema, titleListSchema, titleSummarySchema, traktSearchPageSchema, traktSearchResultsSchema } from './value-schemas';

/*
 * Cached wrappers (decorators) of the three clients' search and title-metadata reads (issue 4): each returns
 * the same client type with those methods answered from the read cache when it can, and every other method
 * (lists, writes, last_activities) untouched. The clients themselves are not changed.
 */

/** Namespaces carry the service and a shape version: bump the version when the stored shape changes. */
export const anilistCacheNamespaces = {
  search: 'anilist.search.v1',
  media: 'anilist.media.v1',
  mediaByMal: 'anilist.media-by-mal.v1',
} as const;

/** The AniList client's default page size (client.ts); part of the key because it changes the answer. */
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

/** Namespaces carry the service and a shape version: bump the version when the stored shape changes. */
export const malCacheNamespaces = {
  search: 'mal.search.v1',
  details: 'mal.details.v1',
} as const;

/** The MAL client's default search page (client.ts); part of the key because it changes the answer. */
const DEFAULT_LIMIT = 10;

/**
 * The MyAnimeList client with searches kept an hour and title details a day (issue 4). Lists and writes go
 * straight to the client. The search key uses the query as the client sends it (trimmed); a refused query
 * (under 3 bytes) still fails in the client and nothing is kept, because failures are never cached.
 */
export function cachedMalClient(client: MalClient, cache: ReadCache): MalClient {
  return {
    ...client,

    search(kind, query, options = {}) {
      const key = { kind, query: query.trim(), limit: options.limit ?? DEFAULT_LIMIT, offset: options.offset ?? 0 };
      return cache.through(malCacheNamespaces.search, key, searchPageSchema, SEARCH_TTL_MS, () => client.search(kind, query, options));
    },

    details(kind, id, options) {
      return cache.through(malCacheNamespaces.details, { kind, id }, titleSummarySchema, METADATA_TTL_MS, () => client.details(kind, id, options));
    },
  };
}

/** Namespaces carry the service and a shape version: bump the version when the stored shape changes. */
export const traktCacheNamespaces = {
  search: 'trakt.search.v1',
  lookup: 'trakt.lookup.v1',
} as const;

/**
 * The Trakt client with searches kept an hour and id lookups (title metadata) a day (issue 4). Everything
 * else, last_activities and every list read and write, goes straight to the client. The client itself is
 * not changed (main/providers/trakt belongs to its own owner); this only wraps two of its methods.
 */
export function cachedTraktClient(client: TraktClient, cache: ReadCache): TraktClient {
  return {
    ...client,

    search(query: string, options: TraktSearchOptions = {}) {
      const key = {
        query,
        // The client's default types; `movie,show` and `show,movie` are kept apart, as they are sent.
        types: options.types ?? ['movie', 'show'],
        years: options.years === undefined ? undefined : String(options.years),
        genres: options.genres,
        page: options.page,
        limit: options.limit,
      };
      return cache.through(traktCacheNamespaces.search, key, traktSearchPageSchema, SEARCH_TTL_MS, () => client.search(query, options));
    },

    lookupById(idType: TraktIdType, id: string | number, type?: TraktSearchType) {
      // 603 and "603" are the same request path, so the same key.
      const key = { idType, id: String(id), type };
      return cache.through(traktCacheNamespaces.lookup, key, traktSearchResultsSchema, METADATA_TTL_MS, () => client.lookupById(idType, id, type));
    },
  };
}
