import { z } from 'zod';

export const watchlistTypeSchema = z.enum(['movie', 'show']);

/** A title as the Watchlist screen shows it; `key` is `${type}:${traktId}`. */
export const watchlistItemSchema = z.object({
  key: z.string(),
  type: watchlistTypeSchema,
  traktId: z.number().int(),
  title: z.string(),
  year: z.number().int().nullable(),
  imdb: z.string().nullable(),
  tmdb: z.number().int().nullable(),
  tvdb: z.number().int().nullable(),
  listedAt: z.string().nullable(),
  rank: z.number().int().nullable(),
});
export type WatchlistItem = z.infer<typeof watchlistItemSchema>;

export const watchlistSearchInputSchema = z
  .object({
    query: z.string().trim().min(2, 'Type at least two characters.').max(200),
    type: z.enum(['movie', 'show', 'both']).default('both'),
    year: z.number().int().min(1870).max(2100).optional(),
    page: z.number().int().min(1).max(100).default(1),
  })
  .strict();

export const watchlistSearchOutputSchema = z.object({
  results: z.array(watchlistItemSchema.extend({ inWatchlist: z.boolean() })),
  page: z.number().int(),
  pageCount: z.number().int(),
});

export const watchlistRefsSchema = z.object({ items: z.array(z.object({ type: watchlistTypeSchema, traktId: z.number().int().positive() }).strict()).min(1).max(500) }).strict();

/** A title to import, by any id Trakt can look up; the type narrows an id both a film and a show carry. */
export const watchlistImportRefSchema = z
  .object({
    type: watchlistTypeSchema.optional(),
    trakt: z.number().int().positive().optional(),
    imdb: z.string().regex(/^tt\d+$/).optional(),
    tmdb: z.number().int().positive().optional(),
    tvdb: z.number().int().positive().optional(),
    title: z.string().max(500).optional(),
  })
  .strict();
export type WatchlistImportRef = z.infer<typeof watchlistImportRefSchema>;

export const watchlistImportInputSchema = z.object({ items: z.array(watchlistImportRefSchema).min(1).max(100) }).strict();
export const watchlistImportOutputSchema = z.object({ added: z.number().int(), existing: z.number().int(), notFound: z.array(z.string()) });
