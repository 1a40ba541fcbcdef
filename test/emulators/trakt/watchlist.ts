import { json, type EmulatorResponse } from '../common/http-types';
import type { MediaRecord } from './catalogue-types';
import { firstAired, recordKey } from './catalogue-types';
import { paginate, statusOnly, type ApiContext, type ApiRoute } from './http';
import { categoryOf, type MediaCategory, type WatchlistEntry } from './library';
import { isoTime, itemMembers, parseExtended } from './media';
import { notFoundBody, resolveBulk, type Target } from './resolve';
import type { TraktState } from './state';

const READ = 'GET /sync/watchlist/{type}/{sort_by}/{sort_how}';
const types = ['all', 'movies', 'shows', 'seasons', 'episodes'] as const;

export function watchlistRoutes(state: TraktState): ApiRoute[] {
  return [
    {
      method: 'GET',
      // The spec has only the full form; the older /{type} and /{type}/{sort} forms still answer.
      patterns: ['/sync/watchlist', '/sync/watchlist/{type}', '/sync/watchlist/{type}/{sort_by}', '/sync/watchlist/{type}/{sort_by}/{sort_how}'],
      endpoint: READ,
      oauth: 'required',
      handle: (context) => read(state, context),
    },
    { method: 'POST', patterns: ['/sync/watchlist'], endpoint: 'POST /sync/watchlist', oauth: 'required', handle: (context) => add(state, context) },
    { method: 'POST', patterns: ['/sync/watchlist/remove'], endpoint: 'POST /sync/watchlist/remove', oauth: 'required', handle: (context) => remove(state, context) },
  ];
}

function read(state: TraktState, context: ApiContext): EmulatorResponse {
  const type = (context.params.type ?? 'all') as (typeof types)[number];
  if (!types.includes(type)) return statusOnly(400, READ);
  const sortBy = context.params.sort_by ?? 'rank';
  const sortHow = context.params.sort_how === 'desc' ? 'desc' : 'asc';
  const extended = parseExtended(context.query);
  const entries = state.library.watchlist.filter((entry) => type === 'all' || categoryOf(entry.record) === type);
  const sorted = [...entries].sort(comparator(sortBy));
  if (sortHow === 'desc') sorted.reverse();
  // Since April 2026 an unpaged watchlist answers 100 items, with the paging headers (trakt/trakt-api#924).
  const page = paginate(sorted, context.query, 100);
  const body = page.items.map((entry) => ({ rank: entry.rank, id: entry.id, listed_at: isoTime(entry.listedAt), notes: entry.notes, ...itemMembers(entry.record, extended) }));
  return { ...json(200, body, { ...page.headers, 'x-sort-by': sortBy, 'x-sort-how': sortHow }), endpoint: READ };
}

/** rank, added, title, released and runtime; the other sorts Trakt offers fall back to rank (a known gap). */
function comparator(sortBy: string): (a: WatchlistEntry, b: WatchlistEntry) => number {
  switch (sortBy) {
    case 'added':
      return (a, b) => a.listedAt - b.listedAt || a.rank - b.rank;
    case 'title':
      return (a, b) => titleOf(a.record).localeCompare(titleOf(b.record)) || a.rank - b.rank;
    case 'released':
      return (a, b) => (firstAired(a.record) ?? '9999').localeCompare(firstAired(b.record) ?? '9999') || a.rank - b.rank;
    case 'runtime':
      return (a, b) => (runtimeOf(a.record) ?? 0) - (runtimeOf(b.record) ?? 0) || a.rank - b.rank;
    default:
      return (a, b) => a.rank - b.rank;
  }
}

const titleOf = (record: MediaRecord): string => (record.type === 'movie' || record.type === 'show' ? record.title : record.show.title);
const runtimeOf = (record: MediaRecord): number | null => (record.type === 'season' ? record.show.runtime : record.runtime);

const zero = (): Record<MediaCategory, number> => ({ movies: 0, shows: 0, seasons: 0, episodes: 0 });

function distinct(targets: Target[]): Target[] {
  const seen = new Set<string>();
  return targets.filter((target) => !seen.has(recordKey(target.record)) && Boolean(seen.add(recordKey(target.record))));
}

function listBody(state: TraktState): { updated_at: string; item_count: number } {
  return { updated_at: isoTime(state.library.activities.watchlist.updated_at), item_count: state.library.watchlist.length };
}

function add(state: TraktState, context: ApiContext): EmulatorResponse {
  const endpoint = 'POST /sync/watchlist';
  const resolved = resolveBulk(state.catalogue, context.body, 'as-named');
  if ('error' in resolved) return statusOnly(400, endpoint);
  const added = zero();
  const existing = zero();
  const fresh: Target[] = [];
  for (const target of distinct(resolved.targets)) {
    if (state.library.onWatchlist(target.record)) existing[categoryOf(target.record)] += 1;
    else fresh.push(target);
  }
  // "The user must be a Trakt VIP to send notes" (spec); 426 is the API's "VIP Only" answer.
  if (!state.user.vip && resolved.targets.some((target) => target.fields.notes !== undefined)) {
    return statusOnly(426, endpoint, { 'x-upgrade-url': 'https://trakt.tv/vip' });
  }
  // "If the user's watchlist limit is exceeded, a 420 HTTP error code is returned" (spec); nothing is added.
  const limit = state.watchlistLimit();
  if (fresh.length > 0 && state.library.watchlist.length + fresh.length > limit) {
    return statusOnly(420, endpoint, { 'x-upgrade-url': 'https://trakt.tv/vip', 'x-vip-user': String(state.user.vip), 'x-account-limit': String(limit) });
  }
  for (const target of fresh) {
    const entry = state.library.addToWatchlist(target.record, context.now);
    if (typeof target.fields.notes === 'string') entry.notes = target.fields.notes.slice(0, 500);
    added[categoryOf(target.record)] += 1;
  }
  return { ...json(201, { added, existing, not_found: notFoundBody(resolved.notFound), list: listBody(state) }), endpoint };
}

function remove(state: TraktState, context: ApiContext): EmulatorResponse {
  const endpoint = 'POST /sync/watchlist/remove';
  const resolved = resolveBulk(state.catalogue, context.body, 'as-named');
  if ('error' in resolved) return statusOnly(400, endpoint);
  const deleted = zero();
  for (const target of distinct(resolved.targets)) {
    if (state.library.removeFromWatchlist(target.record, context.now)) deleted[categoryOf(target.record)] += 1;
  }
  return { ...json(200, { deleted, not_found: notFoundBody(resolved.notFound), list: listBody(state) }), endpoint };
}
