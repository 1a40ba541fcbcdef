import type { EmulatorRequest } from '../common/http-types';

/** What a request asks for: X-Plex-* values, flags, the page, and the items a source URI names. */

/**
 * An `X-Plex-*` value from the header or, as every `X-Plex-` header may be, from the query string
 * (description.md, "Headers"). The header wins when both are present.
 */
export function plexParam(request: EmulatorRequest, name: string): string | undefined {
  const header = request.headers[name.toLowerCase()];
  const value = Array.isArray(header) ? header[0] : header;
  if (value !== undefined && value !== '') return value;
  const query = request.url.searchParams.get(name);
  return query === null || query === '' ? undefined : query;
}

/** A boolean query flag as PMS reads them: `includeGuids=1`. */
export function flag(request: EmulatorRequest, name: string): boolean {
  return ['1', 'true'].includes(request.url.searchParams.get(name) ?? '');
}

/**
 * PMS paging (description.md, "Pagination"): the client sends `X-Plex-Container-Start` and
 * `X-Plex-Container-Size` (headers or query); a paged answer carries `offset`, `size` and `totalSize` on the
 * MediaContainer and the `X-Plex-Container-Start` / `X-Plex-Container-Total-Size` headers. A size of 0 asks
 * only for the total.
 *
 * Without a size, PMS returns the whole list: the spec's parameter text says both "If not specified, all
 * items will be returned" and "By default this is 50", and real servers return everything while logging
 * "Missing X-Plex-Container-Size header. This will fail with status code 400 in the future"
 * (arabcoders/watchstate#203, worried-networking/plex-api.rs#570). API-NOTES' "default page size 50" is the
 * spec's default; `limits.defaultPageSize` turns it on for tests that want forced paging.
 */
export interface PageRequest {
  start: number;
  size: number | undefined;
}

/** The requested page, or undefined when a value is not a non-negative integer (PMS answers 400). */
export function readPage(request: EmulatorRequest, defaultPageSize: number | undefined): PageRequest | undefined {
  const start = parseCount(plexParam(request, 'X-Plex-Container-Start'));
  const size = parseCount(plexParam(request, 'X-Plex-Container-Size'));
  if (start === null || size === null) return undefined;
  return { start: start ?? 0, size: size ?? defaultPageSize };
}

function parseCount(text: string | undefined): number | undefined | null {
  if (text === undefined) return undefined;
  if (!/^\d+$/.test(text)) return null;
  return Number(text);
}

export interface Paged<T> {
  items: T[];
  /** `offset` and `totalSize` for the MediaContainer when the answer is paged. */
  attrs: Record<string, number>;
  headers: Record<string, string>;
}

export function applyPage<T>(all: readonly T[], page: PageRequest): Paged<T> {
  if (page.size === undefined && page.start === 0) return { items: [...all], attrs: {}, headers: {} };
  const end = page.size === undefined ? all.length : page.start + page.size;
  return {
    items: all.slice(page.start, end),
    attrs: { offset: page.start, totalSize: all.length },
    headers: { 'X-Plex-Container-Start': String(page.start), 'X-Plex-Container-Total-Size': String(all.length) },
  };
}

/**
 * Source URIs that name library items (description.md, "Sources"):
 * `server://{machineIdentifier}/com.plexapp.plugins.library/library/metadata/{ratingKeys}`, with a comma list
 * of ratingKeys as python-plexapi builds it for playlists and collections. Plex Web's
 * `library://{sectionUuid}/item/%2Flibrary%2Fmetadata%2F{ratingKey}` form is accepted too.
 */
export type UriResult = { ok: true; ratingKeys: string[] } | { ok: false; reason: 'malformed' | 'other-server' };

const serverUri = /^server:\/\/([a-fA-F0-9-]+)\/com\.plexapp\.plugins\.library(\/library\/metadata\/[^?]+)/;
const libraryUri = /^library:\/\/[^/]+\/(?:item|directory)\/(.+)$/;

export function ratingKeysFromUri(uri: string, machineIdentifier: string): UriResult {
  const server = serverUri.exec(uri);
  if (server) {
    if (server[1] !== machineIdentifier) return { ok: false, reason: 'other-server' };
    return keysFromPath(server[2] ?? '');
  }
  const library = libraryUri.exec(uri);
  if (library) return keysFromPath(decodeURIComponent(library[1] ?? ''));
  return { ok: false, reason: 'malformed' };
}

function keysFromPath(path: string): UriResult {
  const match = /^\/library\/metadata\/([\d,]+)$/.exec(path);
  if (!match?.[1]) return { ok: false, reason: 'malformed' };
  const ratingKeys = match[1].split(',').filter((key) => key !== '');
  return ratingKeys.length > 0 ? { ok: true, ratingKeys } : { ok: false, reason: 'malformed' };
}
