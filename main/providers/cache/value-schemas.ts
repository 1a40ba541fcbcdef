import { z } from 'zod';
import { listStatuses, type ListEntry, type ListStatus, type ScoreScale, type SearchPage, type TitleSummary } from '../model/list-entry';
import type { TraktHistoryItem, TraktPage, TraktRatingItem, TraktSearchResult, TraktWatchlistItem } from '../trakt/types';

/**
 * zod schemas of the shared model as the cache stores it (JSON of what the clients returned). They mirror
 * model/list-entry.ts; the `z.ZodType<…>` annotations make tsc fail here if the model changes and these do
 * not. A stored value that no longer fits (an older Kizuna's shape, a damaged row) is a cache miss.
 */

const nullableNumber = z.number().nullable();
const nullableString = z.string().nullable();

const kind = z.enum(['anime', 'manga']);
const status = z.enum(listStatuses as [ListStatus, ...ListStatus[]]);
const scale: z.ZodType<ScoreScale> = z.enum(['point100', 'point10decimal', 'point10', 'point5', 'point3']);

const ids = z.object({ anilist: z.number().optional(), mal: z.number().optional() });

export const titleSummarySchema: z.ZodType<TitleSummary> = z.object({
  ids,
  kind,
  title: z.string(),
  english: nullableString,
  native: nullableString,
  synonyms: z.array(z.string()),
  format: nullableString,
  episodes: nullableNumber,
  chapters: nullableNumber,
  volumes: nullableNumber,
  startDate: nullableString,
  adult: z.boolean(),
  cover: nullableString,
});

export const searchPageSchema: z.ZodType<SearchPage> = z.object({ titles: z.array(titleSummarySchema), hasNextPage: z.boolean() });

/** A title looked up by id, or null when the service has no title with that id (kept too: a known "none"). */
export const maybeTitleSchema: z.ZodType<TitleSummary | null> = titleSummarySchema.nullable();

export const titleListSchema: z.ZodType<TitleSummary[]> = z.array(titleSummarySchema);

export const listEntrySchema: z.ZodType<ListEntry> = z.object({
  kind,
  entryId: nullableNumber,
  ids,
  status,
  progress: z.number(),
  progressVolumes: nullableNumber,
  score: z.object({ native: z.number(), scale, value100: z.number() }).nullable(),
  startedAt: nullableString,
  completedAt: nullableString,
  repeat: z.number(),
  notes: nullableString.optional(),
  private: z.boolean().optional(),
  updatedAt: z.string(),
  title: titleSummarySchema.optional(),
});

/**
 * zod schemas of the Trakt client's own (camelCase) shapes, trakt/types.ts, as the cache stores them. The
 * client's schemas (trakt/schemas.ts) read Trakt's wire format and cannot read these back, and that folder
 * belongs to the Trakt client, so the cache keeps its own. The annotations make tsc fail if the types move.
 */

const traktIds = z.object({
  trakt: z.number(),
  slug: z.string().optional(),
  tvdb: z.number().nullish(),
  tmdb: z.number().nullish(),
  imdb: z.string().nullish(),
});

const movie = z.object({ ids: traktIds, title: z.string(), year: z.number().nullable() });
const show = movie;
const season = z.object({ ids: traktIds, number: z.number() });
const episode = z.object({ ids: traktIds, season: z.number(), number: z.number(), title: z.string().nullable() });

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
