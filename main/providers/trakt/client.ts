import type { AxiosInstance, AxiosRequestConfig } from 'axios';
import type { z } from 'zod';
import type { ServicesConfig } from '../../app/services-config';
import { NOT_IDEMPOTENT_HEADER } from '../http/retry-rules';
import type { ServiceFetch } from '../http/service-fetch';
import { parseResponse } from '../model/parse-response';
import { createTraktHttp, paginationOf, requireJson, traktError } from './http';
import {
  historyAddSchema,
  historyRemoveSchema,
  historySchema,
  lastActivitiesSchema,
  ratingAddSchema,
  ratingsSchema,
  removeSchema,
  searchSchema,
  settingsSchema,
  watchlistAddSchema,
  watchlistSchema,
} from './schemas';
import type {
  TraktHistoryAddResult,
  TraktHistoryItem,
  TraktHistoryRemoveResult,
  TraktIdType,
  TraktLastActivities,
  TraktListType,
  TraktPage,
  TraktRatingAddResult,
  TraktRatingItem,
  TraktRemoveResult,
  TraktSearchResult,
  TraktSearchType,
  TraktSettings,
  TraktSyncItems,
  TraktWatchlistAddResult,
  TraktWatchlistItem,
} from './types';

/** "page size at most 250" (API-NOTES, Trakt 2026): larger limits are clamped, so ask for exactly that. */
export const TRAKT_MAX_PAGE = 250;

export interface TraktClientOptions {
  /** `ServicesConfig['trakt']['api']`: https://api.trakt.tv or an emulator. */
  api: ServicesConfig['trakt']['api'];
  /** The app's (or the user's own, since 2026) Trakt client ID, sent as `trakt-api-key`. */
  clientId: string;
  /** The account's request pipeline; it supplies `Authorization`. */
  fetch: ServiceFetch;
}

/** Per call, as the AniList and MAL clients take it: aborting ends the request (and its retries) at once. */
export interface TraktRequestOptions {
  signal?: AbortSignal | undefined;
}

export interface TraktSearchOptions extends TraktRequestOptions {
  types?: TraktSearchType[];
  /** "2016" or "2010-2015". */
  years?: string | number;
  /** Trakt genre slugs; any of them matches. */
  genres?: string[];
  page?: number;
  limit?: number;
}

export interface TraktHistoryPaging extends TraktRequestOptions {
  page?: number;
  limit?: number;
  /** ISO date-times bounding `watched_at`. */
  startAt?: string;
  endAt?: string;
}

export type TraktClient = ReturnType<typeof createTraktClient>;

export function createTraktClient(options: TraktClientOptions) {
  const http: AxiosInstance = createTraktHttp(options.api, options.clientId, options.fetch);

  async function call<S extends z.ZodType>(label: string, schema: S, config: AxiosRequestConfig) {
    try {
      const response = await http.request<unknown>(config);
      return { data: parseResponse('Trakt', schema, requireJson(response.data, label), label) as z.output<S>, response };
    } catch (error) {
      throw traktError(error, label);
    }
  }

  const get = <S extends z.ZodType>(label: string, url: string, schema: S, params: Record<string, unknown> | undefined, request: TraktRequestOptions) =>
    call(label, schema, { method: 'GET', url, params, ...signalOf(request) });
  const post = async <S extends z.ZodType>(label: string, url: string, schema: S, body: unknown, request: TraktRequestOptions, headers: Record<string, string> = {}) =>
    (await call(label, schema, { method: 'POST', url, data: body, headers, ...signalOf(request) })).data;

  /** Every page of a paginated list, `limit=250`, until X-Pagination-Page-Count. */
  async function allPages<T>(label: string, url: string, schema: z.ZodType<T[]>, request: TraktRequestOptions): Promise<T[]> {
    const items: T[] = [];
    for (let page = 1; ; page++) {
      const { data, response } = await get(label, url, schema, { page, limit: TRAKT_MAX_PAGE }, request);
      items.push(...data);
      if (page >= paginationOf(response, data.length).pageCount || data.length === 0) return items;
    }
  }

  return {
    /** Stamps per category; the sync re-reads a list only when its stamp moved (DESIGN §5.1). */
    async lastActivities(request: TraktRequestOptions = {}): Promise<TraktLastActivities> {
      return (await get('GET /sync/last_activities', '/sync/last_activities', lastActivitiesSchema, undefined, request)).data;
    },

    /** The whole watchlist (all pages); `sort` is Trakt's `rank`, `added`, `title`, `released`… */
    watchlist(type: TraktListType | 'all' = 'all', sort?: { by: string; how?: 'asc' | 'desc' }, request: TraktRequestOptions = {}): Promise<TraktWatchlistItem[]> {
      const path = sort ? `/sync/watchlist/${type}/${encodeURIComponent(sort.by)}/${sort.how ?? 'asc'}` : `/sync/watchlist/${type}`;
      return allPages('GET /sync/watchlist', path, watchlistSchema, request);
    },

    /** A full watchlist answers 420, turned into an AppError naming the limit (see http.ts). */
    addToWatchlist(items: TraktSyncItems, request: TraktRequestOptions = {}): Promise<TraktWatchlistAddResult> {
      return post('POST /sync/watchlist', '/sync/watchlist', watchlistAddSchema, items, request);
    },

    removeFromWatchlist(items: TraktSyncItems, request: TraktRequestOptions = {}): Promise<TraktRemoveResult> {
      return post('POST /sync/watchlist/remove', '/sync/watchlist/remove', removeSchema, items, request);
    },

    /** One page of plays, newest first. */
    async history(type?: TraktListType, paging: TraktHistoryPaging = {}): Promise<TraktPage<TraktHistoryItem>> {
      const params = { page: paging.page ?? 1, limit: Math.min(paging.limit ?? TRAKT_MAX_PAGE, TRAKT_MAX_PAGE), start_at: paging.startAt, end_at: paging.endAt };
      const { data, response } = await get('GET /sync/history', type ? `/sync/history/${type}` : '/sync/history', historySchema, params, paging);
      return { items: data, pagination: paginationOf(response, data.length) };
    },

    /**
     * Adds one play per item per call; Trakt does not de-duplicate (API-NOTES §3), so never resend blindly.
     * Marked not idempotent, so the pipeline does not repeat it after a reset or timeout that may have come
     * after Trakt counted the plays (retry-rules.ts names this very request).
     */
    addHistory(items: TraktSyncItems, request: TraktRequestOptions = {}): Promise<TraktHistoryAddResult> {
      return post('POST /sync/history', '/sync/history', historyAddSchema, items, request, { [NOT_IDEMPOTENT_HEADER]: '1' });
    },

    /** Removes every play of the named items, or single plays by history id. */
    removeHistory(items: TraktSyncItems & { ids?: number[] }, request: TraktRequestOptions = {}): Promise<TraktHistoryRemoveResult> {
      return post('POST /sync/history/remove', '/sync/history/remove', historyRemoveSchema, items, request);
    },

    /** All ratings (pagination is optional here, trakt/trakt-api#919); `rating` filters to one value 1-10. */
    async ratings(type: TraktListType | 'all' = 'all', rating?: number, request: TraktRequestOptions = {}): Promise<TraktRatingItem[]> {
      const path = rating === undefined ? `/sync/ratings/${type}` : `/sync/ratings/${type}/${rating}`;
      return (await get('GET /sync/ratings', path, ratingsSchema, undefined, request)).data;
    },

    /** Items carry `rating` (1-10) and optionally `rated_at`; rating again replaces. */
    addRatings(items: TraktSyncItems, request: TraktRequestOptions = {}): Promise<TraktRatingAddResult> {
      return post('POST /sync/ratings', '/sync/ratings', ratingAddSchema, items, request);
    },

    removeRatings(items: TraktSyncItems, request: TraktRequestOptions = {}): Promise<TraktRemoveResult> {
      return post('POST /sync/ratings/remove', '/sync/ratings/remove', removeSchema, items, request);
    },

    async search(query: string, options: TraktSearchOptions = {}): Promise<TraktPage<TraktSearchResult>> {
      const types = (options.types ?? ['movie', 'show']).join(',');
      const params = {
        query,
        years: options.years,
        genres: options.genres?.join(','),
        page: options.page,
        limit: options.limit === undefined ? undefined : Math.min(options.limit, TRAKT_MAX_PAGE),
      };
      const { data, response } = await get('GET /search', `/search/${types}`, searchSchema, params, options);
      return { items: data, pagination: paginationOf(response, data.length) };
    },

    /** Titles carrying an external id; without `type` a tmdb id may name both a movie and a show. */
    async lookupById(idType: TraktIdType, id: string | number, type?: TraktSearchType, request: TraktRequestOptions = {}): Promise<TraktSearchResult[]> {
      const label = `GET /search/${idType}/{id}`;
      return (await get(label, `/search/${idType}/${encodeURIComponent(String(id))}`, searchSchema, { type }, request)).data;
    },

    /** The account and its limits (watchlist items etc.), read instead of hard-coded since 2026. */
    async settings(request: TraktRequestOptions = {}): Promise<TraktSettings> {
      return (await get('GET /users/settings', '/users/settings', settingsSchema, undefined, request)).data;
    },
  };
}

/** Only a signal the caller gave: axios would otherwise see `signal: undefined` as set. */
function signalOf(request: TraktRequestOptions): Pick<AxiosRequestConfig, 'signal'> {
  return request.signal ? { signal: request.signal } : {};
}
