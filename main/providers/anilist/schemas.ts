import { z } from 'zod';

/**
 * zod schemas of what the AniList client's documents select. Plain z.object: unknown fields are stripped,
 * never refused, so AniList adding a field breaks nothing; a field the app relies on that is missing or
 * mistyped fails with the service and path named (model/parse-response). Fields the schema declares
 * nullable (most of them in the SDL) are nullish here; only ids, status and updatedAt are required.
 */

const nullableNumber = z.number().nullish();
const nullableString = z.string().nullish();

export const mediaTypeSchema = z.enum(['ANIME', 'MANGA']);
export type AnilistMediaType = z.infer<typeof mediaTypeSchema>;

export const listStatusSchema = z.enum(['CURRENT', 'PLANNING', 'COMPLETED', 'DROPPED', 'PAUSED', 'REPEATING']);
export type AnilistListStatus = z.infer<typeof listStatusSchema>;

export const scoreFormatSchema = z.enum(['POINT_100', 'POINT_10_DECIMAL', 'POINT_10', 'POINT_5', 'POINT_3']);
export type AnilistScoreFormat = z.infer<typeof scoreFormatSchema>;

export const fuzzyDateSchema = z.object({ year: nullableNumber, month: nullableNumber, day: nullableNumber }).nullish();
export type FuzzyDate = z.infer<typeof fuzzyDateSchema>;

export const mediaSummarySchema = z.object({
  id: z.number(),
  idMal: nullableNumber,
  type: mediaTypeSchema,
  format: nullableString,
  episodes: nullableNumber,
  chapters: nullableNumber,
  volumes: nullableNumber,
  startDate: fuzzyDateSchema,
  title: z.object({ romaji: nullableString, english: nullableString, native: nullableString }).nullish(),
  synonyms: z.array(z.string().nullable()).nullish(),
  isAdult: z.boolean().nullish(),
  coverImage: z.object({ large: nullableString }).nullish(),
});
export type MediaSummary = z.infer<typeof mediaSummarySchema>;

export const listEntrySchema = z.object({
  id: z.number(),
  mediaId: z.number(),
  status: listStatusSchema,
  score100: nullableNumber,
  score: nullableNumber,
  progress: nullableNumber,
  progressVolumes: nullableNumber,
  repeat: nullableNumber,
  private: z.boolean().nullish(),
  notes: nullableString,
  hiddenFromStatusLists: z.boolean().nullish(),
  startedAt: fuzzyDateSchema,
  completedAt: fuzzyDateSchema,
  // Required: the sync re-reads only what changed since the last updatedAt (issue 4, DESIGN §5).
  updatedAt: z.number(),
});
export type ListEntryData = z.infer<typeof listEntrySchema>;

export const viewerSchema = z.object({
  Viewer: z.object({
    id: z.number(),
    name: z.string(),
    avatar: z.object({ medium: nullableString }).nullish(),
    siteUrl: nullableString,
    mediaListOptions: z.object({
      scoreFormat: scoreFormatSchema,
      animeList: z.object({ customLists: z.array(z.string()).nullish() }).nullish(),
      mangaList: z.object({ customLists: z.array(z.string()).nullish() }).nullish(),
    }),
  }),
});

export const collectionSchema = z.object({
  MediaListCollection: z.object({
    hasNextChunk: z.boolean().nullish(),
    user: z.object({ id: z.number(), mediaListOptions: z.object({ scoreFormat: scoreFormatSchema }) }),
    lists: z.array(
      z.object({
        name: nullableString,
        isCustomList: z.boolean().nullish(),
        status: listStatusSchema.nullish(),
        entries: z.array(listEntrySchema.extend({ media: mediaSummarySchema })).nullish(),
      }),
    ),
  }),
});

export const mediaPageSchema = z.object({
  Page: z.object({
    pageInfo: z.object({ hasNextPage: z.boolean().nullish() }),
    media: z.array(mediaSummarySchema),
  }),
});

export const savedEntrySchema = z.object({
  id: z.number(),
  mediaId: z.number(),
  status: listStatusSchema,
  score100: nullableNumber,
  progress: nullableNumber,
  progressVolumes: nullableNumber,
  repeat: nullableNumber,
  updatedAt: z.number(),
});
export type SavedEntryData = z.infer<typeof savedEntrySchema>;

export const deletedSchema = z.object({ DeleteMediaListEntry: z.object({ deleted: z.boolean().nullish() }) });

/** One GraphQL error as AniList sends it: message, an HTTP-like status, and for rule failures `validation`. */
export const anilistErrorSchema = z.object({
  message: z.string(),
  status: z.number().optional(),
  validation: z.record(z.string(), z.array(z.string())).optional(),
});
export type AnilistErrorData = z.infer<typeof anilistErrorSchema>;

/** ListMarker (operations/queries.ts): the newest entry, if any, the count and the user's score format. */
export const listMarkerSchema = z.object({
  Page: z.object({
    pageInfo: z.object({ total: nullableNumber }),
    mediaList: z.array(z.object({ id: z.number(), mediaId: z.number(), updatedAt: z.number() })),
  }),
  User: z.object({ mediaListOptions: z.object({ scoreFormat: scoreFormatSchema.nullish() }).nullish() }),
});
