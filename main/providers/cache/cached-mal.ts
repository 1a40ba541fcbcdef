import type { MalClient } from '../mal/client';
import { searchPageSchema, titleSummarySchema } from './model-schemas';
import { METADATA_TTL_MS, SEARCH_TTL_MS, type ReadCache } from './read-cache';

/** Namespaces carry the service and a shape version: bump the version when the stored shape changes. */
export const malCacheNamespaces = {
  search: 'mal.search.v1',
  details: 'mal.details.v1',
} as const;

/** The client's default search page (client.ts); part of the key because it changes the answer. */
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
