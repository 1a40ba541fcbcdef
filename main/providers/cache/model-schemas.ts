import { z } from 'zod';
import { listStatuses, type ListEntry, type ListStatus, type ScoreScale, type SearchPage, type TitleSummary } from '../model/list-entry';

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
