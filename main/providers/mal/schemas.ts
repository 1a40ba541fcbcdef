import { z } from 'zod';

/**
 * zod schemas of MyAnimeList v2 answers (specs/mal-openapi.json; API-NOTES §4). Plain z.object: fields MAL
 * adds are stripped, never refused; only what the app relies on is required (ids, title, status,
 * updated_at). Responses spell episodes `num_episodes_watched` while requests say `num_watched_episodes`
 * (API-NOTES §4 "Response").
 */

const optionalNumber = z.number().nullish();
const optionalString = z.string().nullish();

export const animeStatusSchema = z.enum(['watching', 'completed', 'on_hold', 'dropped', 'plan_to_watch']);
export const mangaStatusSchema = z.enum(['reading', 'completed', 'on_hold', 'dropped', 'plan_to_read']);

/** A title as lists, search and details return it, with the node fields the client asks for. */
export const workSchema = z.object({
  id: z.number(),
  title: z.string(),
  main_picture: z.object({ medium: optionalString, large: optionalString }).nullish(),
  alternative_titles: z.object({ synonyms: z.array(z.string()).nullish(), en: optionalString, ja: optionalString }).nullish(),
  media_type: optionalString,
  start_date: optionalString,
  nsfw: optionalString,
  num_episodes: optionalNumber,
  num_chapters: optionalNumber,
  num_volumes: optionalNumber,
});
export type MalWork = z.infer<typeof workSchema>;

const commonListStatus = {
  score: optionalNumber,
  start_date: optionalString,
  finish_date: optionalString,
  priority: optionalNumber,
  comments: optionalString,
  // Required: lists are re-read only when MAL says they changed (issue 4, DESIGN §5).
  updated_at: z.string(),
};

export const animeListStatusSchema = z.object({
  ...commonListStatus,
  status: animeStatusSchema,
  num_episodes_watched: optionalNumber,
  is_rewatching: z.boolean().nullish(),
  num_times_rewatched: optionalNumber,
});
export type AnimeListStatus = z.infer<typeof animeListStatusSchema>;

export const mangaListStatusSchema = z.object({
  ...commonListStatus,
  status: mangaStatusSchema,
  num_chapters_read: optionalNumber,
  num_volumes_read: optionalNumber,
  is_rereading: z.boolean().nullish(),
  num_times_reread: optionalNumber,
});
export type MangaListStatus = z.infer<typeof mangaListStatusSchema>;

const paging = z.object({ next: optionalString, previous: optionalString }).nullish();

export const animeListPageSchema = z.object({ data: z.array(z.object({ node: workSchema, list_status: animeListStatusSchema })), paging });
export const mangaListPageSchema = z.object({ data: z.array(z.object({ node: workSchema, list_status: mangaListStatusSchema })), paging });
export const searchPageSchema = z.object({ data: z.array(z.object({ node: workSchema })), paging });

export const userSchema = z.object({ id: z.number(), name: z.string(), picture: optionalString });

/** MAL's error body: `{"error": "invalid_token", "message": "token is invalid"}` (API-NOTES §4 "Errors"). */
export const malErrorSchema = z.object({ error: z.string().optional(), message: z.string().optional() });

/**
 * A list page read only for its shape: the newest entry's `updated_at` (with `sort=list_updated_at`) or how
 * many entries sit at an offset. Lighter than the full page schemas on purpose: nothing else is needed.
 */
export const listProbeSchema = z.object({
  data: z.array(z.object({ node: z.object({ id: z.number() }), list_status: z.object({ updated_at: z.string() }).nullish() })),
  paging,
});
