import { z } from 'zod';
import type { TraktHistoryItem, TraktPage, TraktRatingItem, TraktSearchResult, TraktWatchlistItem } from '../trakt/types';

/**
 * zod schemas of the Trakt client's own (camelCase) shapes, trakt/types.ts, as the cache stores them. The
 * client's schemas (trakt/schemas.ts) read Trakt's wire format and cannot read these back, and that folder
 * belongs to the Trakt client, so the cache keeps its own. The annotations make tsc fail if the types move.
 */

const ids = z.object({
  trakt: z.number(),
  slug: z.string().optional(),
  tvdb: z.number().nullish(),
  tmdb: z.number().nullish(),
  imdb: z.string().nullish(),
});

const movie = z.object({ ids, title: z.string(), year: z.number().nullable() });
const show = movie;
const season = z.object({ ids, number: z.number() });
const episode = z.object({ ids, season: z.number(), number: z.number(), title: z.string().nullable() });

/** The four media variants, each with the list's own fields. */
function media<T extends z.ZodRawShape>(extra: T) {
  return z.discriminatedUnion('type', [
    z.object({ ...extra, type: z.literal('movie'), movie }),
    z.object({ ...extra, type: z.literal('show'), show }),
    z.object({ ...extra, type: z.literal('season'), season, show }),
    z.object({ ...extra, type: z.literal('episode'), episode, show }),
  ]);
}

export const traktSearchResultSchema: z.ZodType<TraktSearchResult> = media({ score: z.number() });

export const traktSearchResultsSchema: z.ZodType<TraktSearchResult[]> = z.array(traktSearchResultSchema);

export const traktSearchPageSchema: z.ZodType<TraktPage<TraktSearchResult>> = z.object({
  items: z.array(traktSearchResultSchema),
  pagination: z.object({ page: z.number(), limit: z.number(), pageCount: z.number(), itemCount: z.number() }),
});

export const traktWatchlistItemSchema: z.ZodType<TraktWatchlistItem> = media({ id: z.number(), rank: z.number(), listedAt: z.string(), notes: z.string().nullable() });

export const traktHistoryItemSchema: z.ZodType<TraktHistoryItem> = media({ id: z.number(), watchedAt: z.string(), action: z.string() });

export const traktRatingItemSchema: z.ZodType<TraktRatingItem> = media({ rating: z.number(), ratedAt: z.string() });
