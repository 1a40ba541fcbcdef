import { GraphQLClient } from 'graphql-request';
import type { z } from 'zod';
import { AppError } from '../../../shared/contract';
import type { ServicesConfig } from '../../app/services-config';
import type { ServiceFetch } from '../http/service-fetch';
import type { ListEntry, ScoreScale, SearchPage, TitleSummary } from '../model/list-entry';
import { parseResponse } from '../model/parse-response';
import { maxSaveBatch } from './complexity';
import { toAppError } from './errors';
import { entryFrom, scaleOf, titleFrom } from './map';
import { DELETE_MEDIA_LIST_ENTRY } from './operations/mutations';
import { LIST_MARKER, MEDIA_BY_IDS, MEDIA_BY_MAL_IDS, MEDIA_LIST_COLLECTION, SEARCH_MEDIA, VIEWER } from './operations/queries';
import { saveEntries, type AnilistChange, type SaveResult } from './save-batch';
import { collectionSchema, deletedSchema, listMarkerSchema, mediaPageSchema, viewerSchema, type AnilistMediaType, type AnilistScoreFormat } from './schemas';

export type { AnilistChange, SaveResult } from './save-batch';

/**
 * The AniList client: graphql-request over the account's ServiceFetch (which adds the token, paces to
 * AniList's limits and retries; main/providers/http). Every answer is parsed with zod into the shared model;
 * every failure is an AppError naming AniList (errors.ts).
 */

export interface AnilistClientOptions {
  /** ServicesConfig['anilist']['api']: https://graphql.anilist.co, or an emulator. */
  endpoint: ServicesConfig['anilist']['api'];
  fetch: ServiceFetch;
}

export interface AnilistViewer {
  id: number;
  name: string;
  avatar: string | null;
  siteUrl: string | null;
  /** The user's ScoreFormat: the scale of `score.native` in their entries. */
  scoreScale: ScoreScale;
  customLists: { anime: string[]; manga: string[] };
}

export interface RequestOptions {
  signal?: AbortSignal;
}

/** What AniList says about a list's last change (LIST_MARKER); nulls for an empty list or an absent total. */
export interface AnilistListMarker {
  /** Unix seconds of the newest entry change. */
  newestUpdatedAt: number | null;
  newestEntryId: number | null;
  total: number | null;
  /** The user's ScoreFormat, which decides every entry's displayed score. */
  scoreFormat: AnilistScoreFormat | null;
}

export interface AnilistClient {
  viewer(options?: RequestOptions): Promise<AnilistViewer>;
  /** The user's whole anime or manga list, status and custom lists, each entry once. */
  listCollection(userId: number, type: AnilistMediaType, options?: RequestOptions): Promise<ListEntry[]>;
  searchMedia(query: string, type?: AnilistMediaType, page?: number, options?: RequestOptions & { perPage?: number }): Promise<SearchPage>;
  mediaByIds(ids: readonly number[], options?: RequestOptions): Promise<TitleSummary[]>;
  mediaByMalIds(malIds: readonly number[], type: AnilistMediaType, options?: RequestOptions): Promise<TitleSummary[]>;
  /** One small read saying whether the list may have changed (main/providers/cache/list-markers.ts). */
  listMarker(userId: number, type: AnilistMediaType, options?: RequestOptions): Promise<AnilistListMarker>;
  /** Creates or updates entries, as many per request as the complexity cap allows; one result per change, in order. */
  saveEntries(changes: readonly AnilistChange[], options?: RequestOptions): Promise<SaveResult[]>;
  /** Removes an entry by its list-entry id; a `not_found` AppError when it is not on the list. */
  deleteEntry(entryId: number, options?: RequestOptions): Promise<void>;
  /** Saves per request, measured from the document (complexity.ts). */
  readonly maxSaveBatch: number;
}

/** Entries per MediaListCollection chunk: the documented maximum (API-NOTES §1 "Page sizes"). */
export const PER_CHUNK = 500;
/** Media per Page: the documented maximum. */
const PER_PAGE = 50;

export function createAnilistClient(options: AnilistClientOptions): AnilistClient {
  const graphql = new GraphQLClient(options.endpoint, { fetch: options.fetch as typeof fetch, errorPolicy: 'none' });

  /** Sends one operation and parses its `data`; every failure becomes an AppError. */
  async function run<T>(document: string, variables: Record<string, unknown>, schema: z.ZodType<T>, what: string, signal?: AbortSignal): Promise<T> {
    let data: unknown;
    try {
      data = await graphql.request<unknown>({ document, variables, ...(signal ? { signal } : {}) });
    } catch (error) {
      throw toAppError(error, signal);
    }
    return parseResponse('AniList', schema, data, what);
  }

  const client: AnilistClient = {
    maxSaveBatch,

    async viewer(request = {}) {
      const { Viewer: viewer } = await run(VIEWER, {}, viewerSchema, 'Viewer', request.signal);
      const lists = viewer.mediaListOptions;
      return {
        id: viewer.id,
        name: viewer.name,
        avatar: viewer.avatar?.medium ?? null,
        siteUrl: viewer.siteUrl ?? null,
        scoreScale: scaleOf[lists.scoreFormat],
        customLists: { anime: lists.animeList?.customLists ?? [], manga: lists.mangaList?.customLists ?? [] },
      };
    },

    // AniList returns at most the 11,000 most recently updated entries (API-NOTES §1 "Pagination rules"); a
    // longer list is read as far as AniList allows.
    async listCollection(userId, type, request = {}) {
      // Keyed by entry id: an entry in a custom list appears once per list it is in, and entries hidden
      // from status lists appear only in custom lists (API-NOTES §1 "Don't skip custom lists").
      const entries = new Map<number, ListEntry>();
      for (let chunk = 1; ; chunk++) {
        const variables = { userId, type, chunk, perChunk: PER_CHUNK };
        const { MediaListCollection: collection } = await run(MEDIA_LIST_COLLECTION, variables, collectionSchema, `MediaListCollection chunk ${chunk}`, request.signal);
        const format = collection.user.mediaListOptions.scoreFormat;
        let seen = 0;
        for (const list of collection.lists) {
          for (const { media, ...entry } of list.entries ?? []) {
            seen += 1;
            if (!entries.has(entry.id)) entries.set(entry.id, entryFrom(entry, media, format));
          }
        }
        // An empty chunk that still promises more would loop forever; stop instead.
        if (!collection.hasNextChunk || seen === 0) break;
      }
      return [...entries.values()];
    },

    async searchMedia(query, type, page = 1, request = {}) {
      const variables = { search: query, page, perPage: Math.min(request.perPage ?? 10, PER_PAGE), ...(type ? { type } : {}) };
      const { Page: result } = await run(SEARCH_MEDIA, variables, mediaPageSchema, 'SearchMedia', request.signal);
      return { titles: result.media.map(titleFrom), hasNextPage: result.pageInfo.hasNextPage ?? false };
    },

    mediaByIds: (ids, request = {}) => allPages(MEDIA_BY_IDS, { ids: [...ids] }, 'MediaByIds', request.signal),

    mediaByMalIds: (malIds, type, request = {}) => allPages(MEDIA_BY_MAL_IDS, { malIds: [...malIds], type }, 'MediaByMalIds', request.signal),

    async listMarker(userId, type, request = {}) {
      const { Page: result, User: user } = await run(LIST_MARKER, { userId, type }, listMarkerSchema, 'ListMarker', request.signal);
      const newest = result.mediaList[0];
      return {
        newestUpdatedAt: newest?.updatedAt ?? null,
        newestEntryId: newest?.id ?? null,
        total: result.pageInfo.total ?? null,
        scoreFormat: user.mediaListOptions?.scoreFormat ?? null,
      };
    },

    saveEntries: (changes, request = {}) => saveEntries(graphql, changes, maxSaveBatch, request.signal),

    async deleteEntry(entryId, request = {}) {
      try {
        await run(DELETE_MEDIA_LIST_ENTRY, { id: entryId }, deletedSchema, 'DeleteMediaListEntry', request.signal);
      } catch (error) {
        // AniList answers an unknown or foreign entry id with the validation rule "The selected id is invalid."
        if (error instanceof AppError && error.code === 'validation') {
          throw new AppError('not_found', `That entry (${entryId}) is not on your AniList list; it may have been removed already.`, { cause: error });
        }
        throw error;
      }
    },
  };

  async function allPages(document: string, variables: Record<string, unknown>, what: string, signal?: AbortSignal): Promise<TitleSummary[]> {
    const titles: TitleSummary[] = [];
    for (let page = 1; ; page++) {
      const { Page: result } = await run(document, { ...variables, page }, mediaPageSchema, what, signal);
      titles.push(...result.media.map(titleFrom));
      if (!result.pageInfo.hasNextPage || result.media.length === 0) return titles;
    }
  }

  return client;
}
