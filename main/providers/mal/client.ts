import axios, { type AxiosInstance, type Method } from 'axios';
import type { z } from 'zod';
import { AppError } from '../../../shared/contract';
import type { ServicesConfig } from '../../app/services-config';
import type { ServiceFetch } from '../http/service-fetch';
import type { EntryPatch, ListEntry, MediaKind, SearchPage, TitleSummary } from '../model/list-entry';
import { parseResponse } from '../model/parse-response';
import { fromStatus, fromTransport } from './errors';
import { entryFrom, formFrom, titleFrom } from './map';
import { animeListPageSchema, animeListStatusSchema, listProbeSchema, mangaListPageSchema, mangaListStatusSchema, searchPageSchema, userSchema, workSchema } from './schemas';

/**
 * The MyAnimeList v2 client: axios with its fetch adapter over the account's ServiceFetch (which adds the
 * token, paces and retries; main/providers/http). Answers are parsed with zod into the shared model; every
 * failure is an AppError naming MyAnimeList.
 */

export interface MalClientOptions {
  /** ServicesConfig['mal']['api']: https://api.myanimelist.net/v2, or an emulator. */
  api: ServicesConfig['mal']['api'];
  fetch: ServiceFetch;
}

export interface RequestOptions {
  signal?: AbortSignal;
}

export interface MalUser {
  id: number;
  name: string;
  picture: string | null;
}

/** The list's most recently changed entry, as MAL sorts by `list_updated_at`; nulls for an empty list. */
export interface MalListMarker {
  newestUpdatedAt: string | null;
  newestId: number | null;
}

export interface MalClient {
  me(options?: RequestOptions): Promise<MalUser>;
  /** The whole list, 1000 entries a request, following paging.next. */
  animeList(options?: RequestOptions): Promise<ListEntry[]>;
  mangaList(options?: RequestOptions): Promise<ListEntry[]>;
  /** Adds or changes an entry; only the patch's fields are sent. Returns the entry as MAL now has it. */
  updateAnime(id: number, patch: EntryPatch, options?: RequestOptions): Promise<ListEntry>;
  updateManga(id: number, patch: EntryPatch, options?: RequestOptions): Promise<ListEntry>;
  /** Removes an entry; a `not_found` AppError saying "not on your list" when it was not there. */
  deleteAnime(id: number, options?: RequestOptions): Promise<void>;
  deleteManga(id: number, options?: RequestOptions): Promise<void>;
  /** Title search; `query` needs at least 3 bytes (checked before sending). */
  search(kind: MediaKind, query: string, options?: RequestOptions & { limit?: number; offset?: number }): Promise<SearchPage>;
  details(kind: MediaKind, id: number, options?: RequestOptions): Promise<TitleSummary>;
  /** One one-entry read: the newest change to the list (main/providers/cache/list-markers.ts). */
  listMarker(kind: MediaKind, options?: RequestOptions): Promise<MalListMarker>;
  /**
   * One small read: whether the list still holds exactly `count` entries. MAL lists carry no total, and a
   * removal does not move the newest updated_at, so this is how a removal is noticed without a full read.
   */
  listHolds(kind: MediaKind, count: number, options?: RequestOptions): Promise<boolean>;
}

/** The documented maximum page of a user list (API-NOTES §4 "Users": limit max 1000). */
export const LIST_PAGE = 1000;
/** The documented maximum page of a search. */
const SEARCH_PAGE_MAX = 100;
/** MAL refuses shorter queries ("invalid q"; its site needs 3 bytes, so one kanji is enough). */
const MIN_QUERY_BYTES = 3;
/** Anime queries over 64 characters are refused (aniyomiorg/aniyomi#1761); longer ones are cut, not failed. */
const MAX_ANIME_QUERY = 64;

const nodeFields = {
  anime: 'alternative_titles,media_type,start_date,nsfw,num_episodes',
  manga: 'alternative_titles,media_type,start_date,nsfw,num_chapters,num_volumes',
};
/**
 * The list status sub-fields: a bare `list_status` gives only status, score, progress, is_rewatching and
 * updated_at (API-NOTES §4 "Fields"). `comments` is asked for although lists leave it out today, so the
 * notes arrive if MAL ever sends them.
 */
const listStatusFields = {
  anime: 'list_status{status,score,num_episodes_watched,is_rewatching,num_times_rewatched,start_date,finish_date,priority,comments,updated_at}',
  manga: 'list_status{status,score,num_chapters_read,num_volumes_read,is_rereading,num_times_reread,start_date,finish_date,priority,comments,updated_at}',
};

export function createMalClient(options: MalClientOptions): MalClient {
  const base = options.api.replace(/\/+$/, '');
  const http: AxiosInstance = axios.create({
    baseURL: base,
    adapter: 'fetch',
    env: { fetch: options.fetch },
    // Status and body are judged here, so every refusal becomes a MyAnimeList AppError, not an AxiosError.
    validateStatus: () => true,
    responseType: 'text',
    transformResponse: [(data: unknown) => data],
  });

  async function send<T>(method: Method, url: string, what: string, schema: z.ZodType<T> | null, request: RequestOptions & { data?: URLSearchParams } = {}): Promise<T> {
    let response;
    try {
      response = await http.request<string>({
        method,
        url,
        ...(request.data ? { data: request.data.toString(), headers: { 'content-type': 'application/x-www-form-urlencoded' } } : {}),
        ...(request.signal ? { signal: request.signal } : {}),
      });
    } catch (error) {
      throw fromTransport(error, what);
    }
    let body: unknown = null;
    const text = typeof response.data === 'string' ? response.data : '';
    if (text.trim() !== '') {
      try {
        body = JSON.parse(text);
      } catch (error) {
        if (response.status >= 200 && response.status < 300) {
          throw new AppError('unavailable', `MyAnimeList answered ${what} with a body that is not JSON (${(error as Error).message}). Try again later.`, { cause: error });
        }
      }
    }
    if (response.status < 200 || response.status >= 300) throw fromStatus(response.status, body, what);
    return schema ? parseResponse('MyAnimeList', schema, body, what) : (undefined as T);
  }

  /** Follows paging.next, which must stay on the API host: the token is never sent elsewhere. */
  async function readList(kind: MediaKind, request: RequestOptions): Promise<ListEntry[]> {
    const fields = `${listStatusFields[kind]},${nodeFields[kind]}`;
    const query = new URLSearchParams({ fields, limit: String(LIST_PAGE), nsfw: 'true' });
    let url: string | undefined = `/users/@me/${kind}list?${query.toString()}`;
    const entries: ListEntry[] = [];
    for (let page = 1; url; page++) {
      const what = `GET /users/@me/${kind}list page ${page}`;
      if (kind === 'anime') {
        const result = await send('GET', url, what, animeListPageSchema, request);
        for (const item of result.data) entries.push(entryFrom('anime', item.node.id, item.list_status, item.node));
        url = nextPage(result.paging?.next, what, result.data.length);
      } else {
        const result = await send('GET', url, what, mangaListPageSchema, request);
        for (const item of result.data) entries.push(entryFrom('manga', item.node.id, item.list_status, item.node));
        url = nextPage(result.paging?.next, what, result.data.length);
      }
    }
    return entries;
  }

  function nextPage(next: string | null | undefined, what: string, count: number): string | undefined {
    // An empty page that still links onwards would loop forever; stop instead.
    if (!next || count === 0) return undefined;
    if (!next.startsWith(`${base}/`)) throw new AppError('unavailable', `MyAnimeList answered ${what} with a next page on another host (${new URL(next).host}); Kizuna does not follow it.`, { retryable: false });
    return next.slice(base.length);
  }

  async function update(kind: MediaKind, id: number, patch: EntryPatch, request: RequestOptions): Promise<ListEntry> {
    const data = formFrom(kind, patch);
    // The spec declares PATCH (its own curl sample says PUT; MAL takes both, API-NOTES §4 "HTTP method").
    const what = `PATCH /${kind}/${id}/my_list_status`;
    const path = `/${kind}/${id}/my_list_status`;
    const status = kind === 'anime' ? await send('PATCH', path, what, animeListStatusSchema, { ...request, data }) : await send('PATCH', path, what, mangaListStatusSchema, { ...request, data });
    return entryFrom(kind, id, status);
  }

  async function remove(kind: MediaKind, id: number, request: RequestOptions): Promise<void> {
    try {
      // The body is the spec's `null`; nothing in it is read (API-NOTES §4 "DELETE").
      await send('DELETE', `/${kind}/${id}/my_list_status`, `DELETE /${kind}/${id}/my_list_status`, null, request);
    } catch (error) {
      // 404 means the title is not on the list (or does not exist): "be careful when retrying" (spec).
      if (error instanceof AppError && error.code === 'not_found') {
        throw new AppError('not_found', `That ${kind} (MyAnimeList ${id}) is not on your MyAnimeList list; it may have been removed already.`, { cause: error });
      }
      throw error;
    }
  }

  /** One small list page; nsfw=true as in readList, so adult titles count the same in both. */
  function probe(kind: MediaKind, params: Record<string, string>, what: string, request: RequestOptions) {
    const query = new URLSearchParams({ ...params, nsfw: 'true' });
    return send('GET', `/users/@me/${kind}list?${query.toString()}`, `GET /users/@me/${kind}list (${what})`, listProbeSchema, request);
  }

  return {
    async me(request = {}) {
      const user = await send('GET', '/users/@me', 'GET /users/@me', userSchema, request);
      return { id: user.id, name: user.name, picture: user.picture ?? null };
    },
    animeList: (request = {}) => readList('anime', request),
    mangaList: (request = {}) => readList('manga', request),
    updateAnime: (id, patch, request = {}) => update('anime', id, patch, request),
    updateManga: (id, patch, request = {}) => update('manga', id, patch, request),
    deleteAnime: (id, request = {}) => remove('anime', id, request),
    deleteManga: (id, request = {}) => remove('manga', id, request),

    async search(kind, query, request = {}) {
      let q = query.trim();
      if (new TextEncoder().encode(q).length < MIN_QUERY_BYTES) {
        throw new AppError('validation', 'Type at least 3 characters to search MyAnimeList.', { issues: [{ path: 'query', message: 'at least 3 characters' }] });
      }
      if (kind === 'anime' && q.length > MAX_ANIME_QUERY) q = q.slice(0, MAX_ANIME_QUERY).trim();
      const limit = Math.min(request.limit ?? 10, SEARCH_PAGE_MAX);
      const params = new URLSearchParams({ q, limit: String(limit), offset: String(request.offset ?? 0), fields: nodeFields[kind], nsfw: 'true' });
      const result = await send('GET', `/${kind}?${params.toString()}`, `GET /${kind} search`, searchPageSchema, request);
      return { titles: result.data.map((item) => titleFrom(kind, item.node)), hasNextPage: Boolean(result.paging?.next) };
    },

    async details(kind, id, request = {}) {
      const work = await send('GET', `/${kind}/${id}?fields=${nodeFields[kind]}`, `GET /${kind}/${id}`, workSchema, request);
      return titleFrom(kind, work);
    },

    async listMarker(kind, request = {}) {
      // list_updated_at sorts newest first (spec: "descending"); a bare list_status carries updated_at.
      const page = await probe(kind, { sort: 'list_updated_at', limit: '1', fields: 'list_status' }, 'newest change', request);
      const newest = page.data[0];
      return { newestUpdatedAt: newest?.list_status?.updated_at ?? null, newestId: newest?.node.id ?? null };
    },

    async listHolds(kind, count, request = {}) {
      // Two entries from the last expected position: exactly one means exactly `count`; none means entries
      // were removed, two that some were added. Counting items, not trusting paging.next, keeps it exact.
      const offset = Math.max(count - 1, 0);
      const page = await probe(kind, { sort: 'list_updated_at', offset: String(offset), limit: '2' }, 'count check', request);
      return page.data.length === (count === 0 ? 0 : 1);
    },
  };
}
