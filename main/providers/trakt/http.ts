import axios, { AxiosError, isCancel, type AxiosInstance, type AxiosResponse } from 'axios';
import { AppError } from '../../../shared/contract/errors';
import type { ServiceFetch } from '../http/service-fetch';
import type { TraktPagination } from './types';

/**
 * The axios instance every Trakt call goes through. `adapter: 'fetch'` with `env.fetch` sends each request
 * through the account's ServiceFetch, which adds Authorization, paces to Trakt's limits and retries; this
 * layer adds only the headers Trakt wants on every call (API-NOTES §3 "Headers on every call").
 */
export function createTraktHttp(baseURL: string, clientId: string, fetch: ServiceFetch): AxiosInstance {
  return axios.create({
    baseURL,
    adapter: 'fetch',
    env: { fetch },
    headers: { 'Content-Type': 'application/json', 'trakt-api-version': '2', 'trakt-api-key': clientId },
  });
}

/** Reads X-Pagination-*; an answer without them (pagination optional) is one page holding everything. */
export function paginationOf(response: AxiosResponse, itemCount: number): TraktPagination {
  const header = (name: string): number | undefined => {
    const value = Number(response.headers[`x-pagination-${name}`]);
    return Number.isFinite(value) && String(response.headers[`x-pagination-${name}`] ?? '') !== '' ? value : undefined;
  };
  return {
    page: header('page') ?? 1,
    limit: header('limit') ?? itemCount,
    pageCount: header('page-count') ?? 1,
    itemCount: header('item-count') ?? itemCount,
  };
}

/**
 * Turns a failed call into an AppError. The pipeline already turns 401, 429 and 5xx into AppErrors (they come
 * back as the cause of axios's wrapper); what reaches here otherwise are Trakt's own answers from its status
 * table: 420 account limit, 426 VIP only, 404, 409, 422.
 */
export function traktError(error: unknown, request: string): AppError {
  if (error instanceof AppError) return error;
  if (error instanceof AxiosError && error.cause instanceof AppError) return error.cause;
  if (wasCancelled(error)) return new AppError('timeout', `The Trakt request (${request}) was cancelled.`, { retryable: false, cause: error });
  if (!(error instanceof AxiosError) || !error.response) {
    const message = error instanceof Error ? error.message : String(error);
    return new AppError('network', `Trakt could not be reached for ${request} (${message}). Check the connection and try again.`, { cause: error });
  }
  const status = error.response.status;
  const headers = error.response.headers;
  switch (status) {
    case 420: {
      // "420 Account Limit Exceeded" with X-Account-Limit (watchlist, list or favorites; VIP raises it).
      const limit = headers['x-account-limit'] ? ` of ${String(headers['x-account-limit'])} items` : '';
      return new AppError('too_large', `Trakt refused ${request}: your Trakt account limit${limit} is reached. Remove items from that list on Trakt, or upgrade to Trakt VIP for higher limits (https://trakt.tv/vip).`, { cause: error });
    }
    case 426:
      return new AppError('forbidden', `Trakt refused ${request}: that feature needs Trakt VIP (https://trakt.tv/vip).`, { cause: error });
    case 401:
      return new AppError('unauthenticated', `Trakt refused ${request}: the sign-in is no longer valid. Reconnect Trakt in Settings → Accounts.`, { cause: error });
    case 403:
      return new AppError('forbidden', `Trakt refused ${request} (403): the API key (client ID) is invalid or the app is not approved. Check the Trakt client ID in Settings → Accounts.`, { cause: error });
    case 404:
      return new AppError('not_found', `Trakt found nothing for ${request}.`, { cause: error });
    case 409:
      return new AppError('conflict', `Trakt answered ${request} with a conflict (409); the item was probably just changed. Try again.`, { cause: error });
    case 412:
    case 400:
    case 422:
      return new AppError('validation', `Trakt rejected ${request} as invalid (${status}). This is a Kizuna bug; please report it.`, { cause: error });
    case 429:
      return new AppError('rate_limited', `Trakt is rate limiting ${request}. Kizuna will try again later.`, { cause: error });
    default:
      return new AppError(status >= 500 ? 'unavailable' : 'internal', `Trakt answered ${request} with HTTP ${status}.`, { cause: error });
  }
}

/**
 * The caller aborted: axios's CanceledError (ERR_CANCELED), or a bare AbortError from below it. The same
 * not-retryable `timeout` AppError the AniList and MAL clients give, so a cancelled sync reads alike everywhere.
 */
export function wasCancelled(error: unknown): boolean {
  return isCancel(error) || (error instanceof Error && error.name === 'AbortError');
}

/**
 * axios hands back the raw text when a body does not parse as JSON (its default "silent" parsing), which zod
 * would then report as an odd "expected object". Say what happened instead, as the MAL and AniList clients do:
 * a cut-off or garbled answer, worth trying again later.
 */
export function requireJson(data: unknown, request: string): unknown {
  if (typeof data !== 'string' || data.trim() === '') return data;
  try {
    return JSON.parse(data) as unknown;
  } catch (error) {
    throw new AppError('unavailable', `Trakt answered ${request} with a body that is not JSON (${(error as Error).message}). Try again later.`, { cause: error });
  }
}
