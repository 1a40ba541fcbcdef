import { z } from 'zod';
import type { TraktMedia, TraktNotFound, TraktSettings } from './types';

/**
 * zod schemas of the Trakt answers the client reads, after the official contract (specs/trakt-openapi.json).
 * Plain z.object strips unknown fields instead of failing on them: Trakt adds fields often (2026 added
 * `vip_cover_image`, `saved_filters`…), and only the fields below are relied on.
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
const episode = z.object({ ids, season: z.number(), number: z.number(), title: z.string().nullish().transform((value) => value ?? null) });

/**
 * `{type, movie}` / `{type, show}` / `{type, season, show}` / `{type, episode, show}` plus the list's own
 * fields (`extra`), mapped to camelCase by `map`.
 */
function withMedia<T extends z.ZodRawShape, R>(extra: T, map: (item: z.output<z.ZodObject<T>>) => R) {
  return z
    .discriminatedUnion('type', [
      z.object({ ...extra, type: z.literal('movie'), movie }),
      z.object({ ...extra, type: z.literal('show'), show }),
      z.object({ ...extra, type: z.literal('season'), season, show }),
      z.object({ ...extra, type: z.literal('episode'), episode, show }),
    ])
    .transform((item) => ({ ...mediaOf(item as unknown as TraktMedia), ...map(item as unknown as z.output<z.ZodObject<T>>) }));
}

function mediaOf(item: TraktMedia): TraktMedia {
  switch (item.type) {
    case 'movie':
      return { type: 'movie', movie: item.movie };
    case 'show':
      return { type: 'show', show: item.show };
    case 'season':
      return { type: 'season', season: item.season, show: item.show };
    case 'episode':
      return { type: 'episode', episode: item.episode, show: item.show };
  }
}

export const watchlistSchema = z.array(
  withMedia({ id: z.number(), rank: z.number(), listed_at: z.string(), notes: z.string().nullish() }, (item) => ({ id: item.id, rank: item.rank, listedAt: item.listed_at, notes: item.notes ?? null })),
);

export const historySchema = z.array(withMedia({ id: z.number(), watched_at: z.string(), action: z.string() }, (item) => ({ id: item.id, watchedAt: item.watched_at, action: item.action })));

export const ratingsSchema = z.array(withMedia({ rating: z.number(), rated_at: z.string() }, (item) => ({ rating: item.rating, ratedAt: item.rated_at })));

/** Search can also answer people and lists; the client asks only for media types, so others fail clearly. */
export const searchSchema = z.array(withMedia({ score: z.number() }, (item) => ({ score: item.score })));

const counts = z.object({ movies: z.number().default(0), shows: z.number().default(0), seasons: z.number().default(0), episodes: z.number().default(0) });
const playCounts = z.object({ movies: z.number().default(0), episodes: z.number().default(0) });
const notFound = z.object({
  movies: z.array(z.unknown()).default([]),
  shows: z.array(z.unknown()).default([]),
  seasons: z.array(z.unknown()).default([]),
  episodes: z.array(z.unknown()).default([]),
});
const toNotFound = (value: z.output<typeof notFound>): TraktNotFound => ({ movies: value.movies, shows: value.shows, seasons: value.seasons, episodes: value.episodes });

export const watchlistAddSchema = z.object({ added: counts, existing: counts, not_found: notFound }).transform((body) => ({ added: body.added, existing: body.existing, notFound: toNotFound(body.not_found) }));

export const removeSchema = z.object({ deleted: counts, not_found: notFound }).transform((body) => ({ deleted: body.deleted, notFound: toNotFound(body.not_found) }));

export const ratingAddSchema = z.object({ added: counts, not_found: notFound }).transform((body) => ({ added: body.added, notFound: toNotFound(body.not_found) }));

export const historyAddSchema = z.object({ added: playCounts, not_found: notFound }).transform((body) => ({ added: body.added, notFound: toNotFound(body.not_found) }));

export const historyRemoveSchema = z
  .object({ deleted: playCounts, not_found: notFound.extend({ ids: z.array(z.unknown()).default([]) }) })
  .transform((body) => ({ deleted: body.deleted, notFound: { ...toNotFound(body.not_found), ids: body.not_found.ids } }));

const stamps = z.record(z.string(), z.string());

export const lastActivitiesSchema = z.object({ all: z.string(), movies: stamps, shows: stamps, seasons: stamps, episodes: stamps, watchlist: stamps });

const limit = z.number().nullish().transform((value) => value ?? null);

export const settingsSchema = z
  .object({
    user: z.object({
      username: z.string(),
      name: z.string().nullish(),
      vip: z.boolean(),
      ids: z.object({ slug: z.string() }),
      images: z.object({ avatar: z.object({ full: z.string().nullish() }).nullish() }).nullish(),
    }),
    // Limits are new (2026) and per account; absent ones are unknown, not zero.
    limits: z
      .object({
        list: z.object({ count: limit, item_count: limit }).partial().nullish(),
        watchlist: z.object({ item_count: limit }).partial().nullish(),
        favorites: z.object({ item_count: limit }).partial().nullish(),
      })
      .nullish(),
  })
  .transform(
    (body): TraktSettings => ({
      user: { username: body.user.username, slug: body.user.ids.slug, name: body.user.name ?? null, vip: body.user.vip, avatar: body.user.images?.avatar?.full ?? null },
      limits: {
        watchlistItems: body.limits?.watchlist?.item_count ?? null,
        lists: body.limits?.list?.count ?? null,
        listItems: body.limits?.list?.item_count ?? null,
        favoritesItems: body.limits?.favorites?.item_count ?? null,
      },
    }),
  );
