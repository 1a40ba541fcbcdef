import type { EmulatorRequest, EmulatorResponse } from '../common/http-types';
import { badRequest } from './errors';
import { parseFields, type FieldTree } from './fields';

export interface PageParams {
  limit: number;
  offset: number;
  fields: FieldTree;
  /** `nsfw=true` includes adult titles; by default "some APIs don't return nsfw content" (spec: Not Safe For Work). */
  nsfw: boolean;
}

/**
 * limit, offset, fields and nsfw, as every list endpoint reads them. `limit` defaults to 100; its maximum is
 * per endpoint (1000 for user lists, 100 for search: spec parameter descriptions). Out-of-range values are
 * a 400, as clients report (KatsuteDev/Mal4J#6), in MAL's `{"message": "invalid …", "error": "bad_request"}`
 * shape; the exact message text for limit and offset is not publicly captured.
 */
export function pageParams(request: EmulatorRequest, maxLimit: number): { ok: true; params: PageParams } | { ok: false; response: EmulatorResponse } {
  const query = request.url.searchParams;
  const limit = wholeNumber(query.get('limit'), 100);
  if (limit === undefined || limit < 1 || limit > maxLimit) return { ok: false, response: badRequest('invalid limit') };
  const offset = wholeNumber(query.get('offset'), 0);
  if (offset === undefined) return { ok: false, response: badRequest('invalid offset') };
  const fields = parseFields(query.get('fields'));
  if (!fields.ok) return { ok: false, response: badRequest('invalid fields') };
  return { ok: true, params: { limit, offset, fields: fields.tree, nsfw: query.get('nsfw') === 'true' || query.get('nsfw') === '1' } };
}

function wholeNumber(value: string | null, fallback: number): number | undefined {
  if (value === null || value === '') return fallback;
  return /^\d{1,9}$/.test(value) ? Number(value) : undefined;
}

/**
 * paging.next and paging.previous: absolute URLs on this host with the same query and a new offset, the
 * offset first as in the spec's example (`…/animelist?offset=4&fields=list_status&limit=4`). next is left
 * out on the last page; previous on the first. Clients follow next until it is gone.
 */
export function pagingLinks(request: EmulatorRequest, baseUrl: string, page: PageParams, total: number): { previous?: string; next?: string } {
  const link = (offset: number) => {
    const query = new URLSearchParams([['offset', String(offset)]]);
    for (const [key, value] of request.url.searchParams) if (key !== 'offset') query.append(key, value);
    return `${baseUrl}${request.url.pathname}?${query.toString()}`;
  };
  const paging: { previous?: string; next?: string } = {};
  if (page.offset > 0) paging.previous = link(Math.max(0, page.offset - page.limit));
  if (page.offset + page.limit < total) paging.next = link(page.offset + page.limit);
  return paging;
}
