import { z } from 'zod';

/** A run of episodes, both ends included; `end: null` runs to the season's end. */
export const episodeRangeSchema = z
  .object({ start: z.number().int().min(0), end: z.number().int().min(0).nullable() })
  .strict()
  .refine((range) => range.end === null || range.end >= range.start, { message: 'The last episode must not come before the first.', path: ['end'] });

export const evidenceSchema = z.object({
  kind: z.enum(['override', 'id-table', 'title', 'year', 'type', 'season', 'episodes', 'online-search', 'conflict']),
  detail: z.string(),
  weight: z.number(),
});

/** A possible AniList entry for an item, with what is known to show it (title, cover…) and why it was proposed. */
export const reviewCandidateSchema = z.object({
  anilistId: z.number().int().positive(),
  confidence: z.number().min(0).max(1),
  evidence: z.array(evidenceSchema),
  /** The episodes of the item's season this entry would cover. */
  episodes: z.array(z.object({ start: z.number().int(), end: z.number().int().nullable() })).nullable(),
  title: z.string().nullable(),
  year: z.number().int().nullable(),
  format: z.string().nullable(),
  episodeCount: z.number().int().nullable(),
  coverUrl: z.string().nullable(),
});
export type ReviewCandidate = z.infer<typeof reviewCandidateSchema>;

export const reviewStatusSchema = z.enum(['open', 'resolved', 'ignored']);

export const reviewItemSchema = z.object({
  id: z.number().int(),
  itemKey: z.string(),
  origin: z.enum(['plex', 'trakt']),
  accountId: z.string().nullable(),
  title: z.string(),
  year: z.number().int().nullable(),
  type: z.enum(['show', 'movie']),
  season: z.number().int().nullable(),
  reason: z.enum(['no-match', 'low-confidence']),
  confidence: z.number(),
  status: reviewStatusSchema,
  candidates: z.array(reviewCandidateSchema),
  updatedAt: z.string(),
});
export type ReviewItem = z.infer<typeof reviewItemSchema>;

export const reviewDecisionSchema = z.discriminatedUnion('kind', [
  /** Take the first candidate as proposed. */
  z.object({ kind: z.literal('accept') }).strict(),
  /** Another candidate, or an entry found by search; optionally only some episodes of the season. */
  z.object({ kind: z.literal('pick'), anilistId: z.number().int().positive(), episodes: episodeRangeSchema.nullable().optional() }).strict(),
  /** Never sync this item. */
  z.object({ kind: z.literal('ignore') }).strict(),
]);
export type ReviewDecision = z.infer<typeof reviewDecisionSchema>;

export const overrideViewSchema = z.object({
  id: z.number().int(),
  itemKey: z.string(),
  kind: z.enum(['link', 'unlink', 'ignore']),
  anilistId: z.number().int().nullable(),
  episodes: z.object({ start: z.number().int(), end: z.number().int().nullable() }).nullable(),
  label: z.string(),
  origin: z.enum(['user', 'import:plexanisync', 'import:anibridge', 'import:kizuna']),
  createdAt: z.string(),
});

/** Files up to 5 MB: the largest community custom-mapping files are well under 1 MB. */
export const overridesImportSchema = z.object({ format: z.enum(['plexanisync', 'kizuna']), text: z.string().min(1).max(5 * 1024 * 1024) }).strict();
export const overridesExportSchema = z.object({ format: z.enum(['anibridge', 'kizuna']) }).strict();

export const mappingSourceNameSchema = z.enum(['anibridge-v3', 'plexanibridge-v2', 'anime-lists', 'kometa', 'fribb']);

/** Which ID tables are in use: without any, matching works from titles alone (and says so). */
export const mappingStatusSchema = z.object({
  sources: z.array(z.object({ source: mappingSourceNameSchema, entries: z.number().int(), url: z.string(), fetchedAt: z.string() })),
  titlesOnly: z.boolean(),
  message: z.string(),
});

export const mappingUpdateSchema = z.object({
  sources: z.array(z.object({ source: mappingSourceNameSchema, status: z.enum(['updated', 'not-modified', 'failed']), message: z.string(), entries: z.number().int().nullable() })),
  titlesOnly: z.boolean(),
  message: z.string(),
});
