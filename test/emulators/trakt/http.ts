import type { EmulatorRequest, EmulatorResponse } from '../common/http-types';

/** What a Trakt API handler receives once headers, OAuth and rate limits have been checked. */
export interface ApiContext {
  request: EmulatorRequest;
  query: URLSearchParams;
  params: Record<string, string>;
  body: unknown;
  /** The clock's now, in milliseconds. */
  now: number;
}

export interface ApiRoute {
  method: 'GET' | 'POST';
  /** Path pattern with {name} segments; several patterns may share one endpoint key. */
  patterns: string[];
  /** The counter key, e.g. "GET /sync/watchlist/{type}/{sort_by}/{sort_how}" (the spec's own template). */
  endpoint: string;
  /** 🔒 OAuth Required in the docs; 'optional' endpoints read a token when one is sent. */
  oauth: 'required' | 'optional';
  handle(context: ApiContext): EmulatorResponse;
}

export type RouteMatch = { route: ApiRoute; params: Record<string, string> } | { methodNotAllowed: true; endpoint: string } | null;

export function matchRoute(routes: readonly ApiRoute[], method: string, pathname: string): RouteMatch {
  const segments = trimSlashes(pathname).split('/');
  let otherMethod: ApiRoute | undefined;
  for (const route of routes) {
    for (const pattern of route.patterns) {
      const params = matchPattern(trimSlashes(pattern).split('/'), segments);
      if (!params) continue;
      if (route.method === method) return { route, params };
      otherMethod ??= route;
    }
  }
  return otherMethod ? { methodNotAllowed: true, endpoint: `${method} ${otherMethod.patterns[0]}` } : null;
}

function trimSlashes(path: string): string {
  return path.replace(/^\/+|\/+$/g, '');
}

function matchPattern(pattern: string[], segments: string[]): Record<string, string> | undefined {
  if (pattern.length !== segments.length) return undefined;
  const params: Record<string, string> = {};
  for (let i = 0; i < pattern.length; i++) {
    const expected = pattern[i] as string;
    const actual = segments[i] as string;
    if (expected.startsWith('{') && expected.endsWith('}')) params[expected.slice(1, -1)] = decodeURIComponent(actual);
    else if (expected !== actual) return undefined;
  }
  return params;
}

export const MAX_PAGE_SIZE = 250;

/**
 * `?page=&limit=` with the X-Pagination-* headers. Since 2026 the real API clamps `limit` to 250 instead of
 * rejecting it, and the defaults differ per endpoint (watchlist and history 100, search 50), per
 * trakt/trakt-api#924 and #925. `defaultLimit: null` is "Pagination Optional": everything, no headers,
 * unless the caller asks for a page (sync/ratings, whose limit was lifted again: trakt/trakt-api#919).
 */
export function paginate<T>(items: readonly T[], query: URLSearchParams, defaultLimit: number | null): { items: T[]; headers: Record<string, string> } {
  const asked = query.has('page') || query.has('limit');
  if (defaultLimit === null && !asked) return { items: [...items], headers: {} };
  const page = positiveInt(query.get('page')) ?? 1;
  const limit = Math.min(positiveInt(query.get('limit')) ?? defaultLimit ?? MAX_PAGE_SIZE, MAX_PAGE_SIZE);
  const start = (page - 1) * limit;
  return {
    items: items.slice(start, start + limit),
    headers: {
      'x-pagination-page': String(page),
      'x-pagination-limit': String(limit),
      'x-pagination-page-count': String(Math.ceil(items.length / limit)),
      'x-pagination-item-count': String(items.length),
    },
  };
}

function positiveInt(value: string | null): number | undefined {
  if (value === null || !/^\d+$/.test(value)) return undefined;
  const number = Number(value);
  return number >= 1 ? number : undefined;
}

/** A status with no body, as the real API sends for 404, 405, 409… and the device-token poll answers. */
export function statusOnly(status: number, endpoint: string | undefined, headers: Record<string, string> = {}): EmulatorResponse {
  return { status, headers, ...(endpoint ? { endpoint } : {}) };
}

/**
 * A bad or missing `trakt-api-key`: 403 with an empty text/html body, as captured in trakt/trakt-api#222
 * ("A 403 error indicates an invalid API key", #223; "Forbidden - invalid API key or unapproved app").
 */
export function forbidden(endpoint: string | undefined): EmulatorResponse {
  return { status: 403, headers: { 'content-type': 'text/html' }, body: '', ...(endpoint ? { endpoint } : {}) };
}
