import { json, type EmulatorResponse } from '../common/http-types';
import { paginate, statusOnly, type ApiContext, type ApiRoute } from './http';
import { categoryOf, type MediaCategory } from './library';
import { isoTime, itemMembers, parseExtended } from './media';
import { notFoundBody, resolveBulk } from './resolve';
import type { TraktState } from './state';

const READ = 'GET /sync/ratings/{type}/{rating}';

export function ratingsRoutes(state: TraktState): ApiRoute[] {
  return [
    // The spec declares only /{type}/{rating}; /sync/ratings and /sync/ratings/{type} answer the same shape.
    { method: 'GET', patterns: ['/sync/ratings', '/sync/ratings/{type}', '/sync/ratings/{type}/{rating}'], endpoint: READ, oauth: 'required', handle: (context) => read(state, context) },
    { method: 'POST', patterns: ['/sync/ratings'], endpoint: 'POST /sync/ratings', oauth: 'required', handle: (context) => add(state, context) },
    { method: 'POST', patterns: ['/sync/ratings/remove'], endpoint: 'POST /sync/ratings/remove', oauth: 'required', handle: (context) => remove(state, context) },
  ];
}

const zero = (): Record<MediaCategory, number> => ({ movies: 0, shows: 0, seasons: 0, episodes: 0 });

function read(state: TraktState, context: ApiContext): EmulatorResponse {
  const type = context.params.type ?? 'all';
  if (!['all', 'movies', 'shows', 'seasons', 'episodes'].includes(type)) return statusOnly(400, READ);
  // `rating` filters to one value or a comma list ("8,9,10").
  const wanted = context.params.rating === undefined ? undefined : new Set(context.params.rating.split(',').map(Number));
  const entries = [...state.library.ratings.values()]
    .filter((entry) => type === 'all' || categoryOf(entry.record) === type)
    .filter((entry) => wanted === undefined || wanted.has(entry.rating))
    .sort((a, b) => b.ratedAt - a.ratedAt);
  // Everything unless a page is asked for: the 2026 page limit was lifted again here (trakt/trakt-api#919).
  const page = paginate(entries, context.query, null);
  const extended = parseExtended(context.query);
  const body = page.items.map((entry) => ({ rated_at: isoTime(entry.ratedAt), rating: entry.rating, ...itemMembers(entry.record, extended) }));
  return { ...json(200, body, page.headers), endpoint: READ };
}

/**
 * "Rate one or more items… If only a show is passed, only the show itself will be rated. If seasons are
 * specified, all of those seasons will be rated" (spec). Rating an item again replaces its rating and counts
 * as added. A rating outside 1–10 is a validation error (422 in the status table) for the whole call.
 */
function add(state: TraktState, context: ApiContext): EmulatorResponse {
  const endpoint = 'POST /sync/ratings';
  const resolved = resolveBulk(state.catalogue, context.body, 'as-named');
  if ('error' in resolved) return statusOnly(400, endpoint);
  const ratings: Array<{ index: number; rating: number; ratedAt: number }> = [];
  for (const [index, target] of resolved.targets.entries()) {
    const rating = target.fields.rating;
    if (typeof rating !== 'number' || !Number.isInteger(rating) || rating < 1 || rating > 10) return statusOnly(422, endpoint);
    const ratedAt = target.fields.rated_at === undefined ? context.now : Date.parse(String(target.fields.rated_at));
    if (Number.isNaN(ratedAt)) return statusOnly(422, endpoint);
    ratings.push({ index, rating, ratedAt });
  }
  const added = zero();
  for (const { index, rating, ratedAt } of ratings) {
    const record = resolved.targets[index]?.record;
    if (!record) continue;
    state.library.rate(record, rating, ratedAt, context.now);
    added[categoryOf(record)] += 1;
  }
  return { ...json(201, { added, not_found: notFoundBody(resolved.notFound) }), endpoint };
}

function remove(state: TraktState, context: ApiContext): EmulatorResponse {
  const endpoint = 'POST /sync/ratings/remove';
  const resolved = resolveBulk(state.catalogue, context.body, 'as-named');
  if ('error' in resolved) return statusOnly(400, endpoint);
  const deleted = zero();
  for (const target of resolved.targets) {
    if (state.library.unrate(target.record, context.now)) deleted[categoryOf(target.record)] += 1;
  }
  return { ...json(200, { deleted, not_found: notFoundBody(resolved.notFound) }), endpoint };
}
