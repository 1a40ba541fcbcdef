import type { TraktClient, TraktSearchOptions } from '../trakt/client';
import type { TraktIdType, TraktSearchType } from '../trakt/types';
import { METADATA_TTL_MS, SEARCH_TTL_MS, type ReadCache } from './read-cache';
import { traktSearchPageSchema, traktSearchResultsSchema } from './trakt-schemas';

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
