/**
 * What the Trakt client hands to the rest of the app: camelCase, service-neutral shapes (ids the matcher can
 * join on, ISO dates as strings), never Trakt's raw JSON. Field meanings follow API-NOTES §3 and the official
 * contract (specs/trakt-openapi.json).
 */

/** Trakt's id set; `slug` is absent on seasons and episodes, external ids are null when Trakt has none. */
export interface TraktIds {
  trakt: number;
  slug?: string | undefined;
  tvdb?: number | null | undefined;
  tmdb?: number | null | undefined;
  imdb?: string | null | undefined;
}

export interface TraktMovie {
  ids: TraktIds;
  title: string;
  year: number | null;
}

export interface TraktShow {
  ids: TraktIds;
  title: string;
  year: number | null;
}

export interface TraktSeason {
  ids: TraktIds;
  number: number;
}

export interface TraktEpisode {
  ids: TraktIds;
  season: number;
  number: number;
  title: string | null;
}

/** One thing on a list: seasons and episodes always come with their show. */
export type TraktMedia =
  | { type: 'movie'; movie: TraktMovie }
  | { type: 'show'; show: TraktShow }
  | { type: 'season'; season: TraktSeason; show: TraktShow }
  | { type: 'episode'; episode: TraktEpisode; show: TraktShow };

export type TraktWatchlistItem = TraktMedia & { id: number; rank: number; listedAt: string; notes: string | null };
export type TraktHistoryItem = TraktMedia & { id: number; watchedAt: string; action: string };
export type TraktRatingItem = TraktMedia & { rating: number; ratedAt: string };
export type TraktSearchResult = TraktMedia & { score: number };

/** The X-Pagination-* headers of one page (API-NOTES §3 "Pagination headers"). */
export interface TraktPagination {
  page: number;
  limit: number;
  pageCount: number;
  itemCount: number;
}

export interface TraktPage<T> {
  items: T[];
  pagination: TraktPagination;
}

export type TraktListType = 'movies' | 'shows' | 'seasons' | 'episodes';
export type TraktSearchType = 'movie' | 'show' | 'episode';
export type TraktIdType = 'trakt' | 'tvdb' | 'tmdb' | 'imdb';

/**
 * The bulk body of every sync write. An item names what it means by ids (any one Trakt knows), and may carry
 * per-item fields: `watched_at` (history), `rating` and `rated_at` (ratings), `notes` (watchlist, VIP only).
 * Shows may name seasons and episodes by number.
 */
export interface TraktSyncRef {
  ids: Partial<TraktIds>;
  watched_at?: string;
  rated_at?: string;
  rating?: number;
  notes?: string;
  seasons?: Array<{ number: number; watched_at?: string; rating?: number; episodes?: Array<{ number: number; watched_at?: string; rating?: number }> }>;
}

export interface TraktSyncItems {
  movies?: TraktSyncRef[];
  shows?: TraktSyncRef[];
  seasons?: TraktSyncRef[];
  episodes?: TraktSyncRef[];
}

export interface TraktCounts {
  movies: number;
  shows: number;
  seasons: number;
  episodes: number;
}

/** Items Trakt could not find, echoed back as sent. */
export interface TraktNotFound {
  movies: unknown[];
  shows: unknown[];
  seasons: unknown[];
  episodes: unknown[];
}

export interface TraktWatchlistAddResult {
  added: TraktCounts;
  /** Already on the watchlist: not an error, and not counted as added. */
  existing: TraktCounts;
  notFound: TraktNotFound;
}

export interface TraktRemoveResult {
  deleted: TraktCounts;
  notFound: TraktNotFound;
}

export interface TraktHistoryAddResult {
  /** Plays added: Trakt adds one per call even for a repeated item and date, so callers must not resend. */
  added: { movies: number; episodes: number };
  notFound: TraktNotFound;
}

export interface TraktHistoryRemoveResult {
  deleted: { movies: number; episodes: number };
  notFound: TraktNotFound & { ids: unknown[] };
}

export interface TraktRatingAddResult {
  added: TraktCounts;
  notFound: TraktNotFound;
}

/** ISO stamps per category; the sync re-reads a list only when its stamp moved (DESIGN §5.1). */
export interface TraktLastActivities {
  all: string;
  movies: Record<string, string>;
  shows: Record<string, string>;
  seasons: Record<string, string>;
  episodes: Record<string, string>;
  watchlist: Record<string, string>;
}

/** The account and the limits the 2026 policy says to read, not hard-code (API-NOTES "Trakt policy changes"). */
export interface TraktSettings {
  user: { username: string; slug: string; name: string | null; vip: boolean; avatar: string | null };
  limits: {
    watchlistItems: number | null;
    lists: number | null;
    listItems: number | null;
    favoritesItems: number | null;
  };
}
