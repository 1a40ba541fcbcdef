import axios, { AxiosError, isCancel, type AxiosRequestConfig } from 'axios';
import type { z } from 'zod';
import { AppError } from '../../../shared/contract/errors';
import type { ServiceFetch } from '../http/service-fetch';
import { parseResponse } from '../model/parse-response';

/** How the server is named in messages. */
export const PLEX = 'Plex Media Server';

/**
 * PMS's default page is 50 (API-NOTES "Plex facts") and it documents no upper bound. A sync reads every
 * episode of the anime libraries (a 2,000-title list is ~24,000 episodes), so 1,000 per page: 24 calls
 * instead of 120 at 200, each still a modest answer for a server on a NAS.
 */
export const PLEX_PAGE_SIZE = 1000;

export interface PlexHttpOptions {
  baseUrl: string;
  fetch: ServiceFetch;
  /** A stable per-install id (X-Plex-Client-Identifier), the same one the PIN sign-in used. */
  clientIdentifier: string;
  version?: string;
}

/** Per call, as the AniList and MAL clients take it: aborting ends the request (and its retries) at once. */
export interface PlexRequestOptions {
  signal?: AbortSignal | undefined;
}

/** Only a signal the caller gave: axios would otherwise see `signal: undefined` as set. */
export function signalOf(request: PlexRequestOptions = {}): Pick<AxiosRequestConfig, 'signal'> {
  return request.signal ? { signal: request.signal } : {};
}

export type PlexHttp = ReturnType<typeof createPlexHttp>;

/**
 * The axios instance for one Media Server, sending through the account's ServiceFetch (which adds
 * X-Plex-Token). `Accept: application/json` always, since XML is the default (API-NOTES §2 "Headers").
 */
export function createPlexHttp(options: PlexHttpOptions) {
  const http = axios.create({
    baseURL: options.baseUrl,
    adapter: 'fetch',
    env: { fetch: options.fetch },
    headers: {
      Accept: 'application/json',
      'X-Plex-Client-Identifier': options.clientIdentifier,
      'X-Plex-Product': 'Kizuna',
      ...(options.version ? { 'X-Plex-Version': options.version } : {}),
    },
  });

  async function send(label: string, config: AxiosRequestConfig) {
    try {
      return await http.request<unknown>(config);
    } catch (error) {
      throw plexError(error, label);
    }
  }

  return {
    /** A request whose JSON answer is parsed with `schema`. */
    async json<S extends z.ZodType>(label: string, schema: S, config: AxiosRequestConfig): Promise<z.output<S>> {
      return parseResponse(PLEX, schema, requireJson((await send(label, config)).data, label), label) as z.output<S>;
    },
    /** A request answered with an empty 200/204 (scrobble, rate, delete). */
    async action(label: string, config: AxiosRequestConfig): Promise<void> {
      await send(label, config);
    },
    /**
     * Every page of a list, X-Plex-Container-Start/Size as headers, until the server's totalSize. A server
     * that ignores paging (no totalSize) has sent everything in the first answer.
     */
    async pages<T>(label: string, url: string, read: (data: unknown) => { items: T[]; totalSize?: number | undefined }, params: Record<string, unknown> = {}, request: PlexRequestOptions = {}) {
      const items: T[] = [];
      for (let start = 0; ; start += PLEX_PAGE_SIZE) {
        const headers = { 'X-Plex-Container-Start': String(start), 'X-Plex-Container-Size': String(PLEX_PAGE_SIZE) };
        const response = await send(label, { method: 'GET', url, params, headers, ...signalOf(request) });
        const page = read(requireJson(response.data, label));
        items.push(...page.items);
        const total = page.totalSize ?? Number(response.headers['x-plex-container-total-size'] ?? Number.NaN);
        if (!Number.isFinite(total)) return { items, totalSize: items.length };
        if (page.items.length === 0 || start + PLEX_PAGE_SIZE >= total) return { items, totalSize: total };
      }
    },
  };
}

/**
 * axios hands back the raw text when a body does not parse as JSON (its default "silent" parsing), which zod
 * would then report as an odd "expected object". Say what happened instead, as the MAL and AniList clients do:
 * a cut-off or garbled answer, worth trying again later. Only for calls that expect JSON (not `action`).
 */
export function requireJson(data: unknown, request: string): unknown {
  if (typeof data !== 'string' || data.trim() === '') return data;
  try {
    return JSON.parse(data) as unknown;
  } catch (error) {
    throw new AppError('unavailable', `${PLEX} answered ${request} with a body that is not JSON (${(error as Error).message}). Try again later.`, { cause: error });
  }
}

/** PMS errors are small HTML pages (see the emulator's format.ts); the status is all there is to go on. */
export function plexError(error: unknown, request: string): AppError {
  if (error instanceof AppError) return error;
  if (error instanceof AxiosError && error.cause instanceof AppError) return error.cause;
  if (wasCancelled(error)) return cancelledError(request, error);
  if (!(error instanceof AxiosError) || !error.response) {
    const message = error instanceof Error ? error.message : String(error);
    return new AppError('network', `The Plex server could not be reached for ${request} (${message}). Check that it is running and reachable.`, { cause: error });
  }
  const status = error.response.status;
  switch (status) {
    case 401:
      return new AppError('unauthenticated', `The Plex server refused ${request}: its token is no longer valid. Reconnect Plex in Settings → Accounts.`, { cause: error });
    case 403:
      return new AppError('forbidden', `The Plex server refused ${request} (403): this account may not change that.`, { cause: error });
    case 404:
      return new AppError('not_found', `The Plex server has no such item for ${request}; it may have been deleted or the library rescanned.`, { cause: error });
    case 400:
      return new AppError('validation', `The Plex server rejected ${request} as invalid (400).`, { cause: error });
    default:
      return new AppError(status >= 500 ? 'unavailable' : 'internal', `The Plex server answered ${request} with HTTP ${status}.`, { cause: error });
  }
}

/**
 * The caller aborted: axios's CanceledError (ERR_CANCELED), or a bare AbortError from below it. The same
 * not-retryable `timeout` AppError the AniList and MAL clients give, so a cancelled sync reads alike everywhere.
 */
export function wasCancelled(error: unknown): boolean {
  return isCancel(error) || (error instanceof Error && error.name === 'AbortError');
}

export function cancelledError(request: string, cause?: unknown): AppError {
  return new AppError('timeout', `The Plex server request (${request}) was cancelled.`, { retryable: false, cause });
}

/**
 * Waits for a request shared by several callers (the cached /identity) only as long as this caller wants:
 * its abort rejects its own wait and leaves the shared request running for the others.
 */
export function untilAborted<T>(promise: Promise<T>, request: PlexRequestOptions, label: string): Promise<T> {
  const { signal } = request;
  if (!signal) return promise;
  if (signal.aborted) return Promise.reject(cancelledError(label, signal.reason));
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(cancelledError(label, signal.reason));
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}
