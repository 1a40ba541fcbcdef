import { json, type EmulatorResponse } from '../common/http-types';
import { firstAired, type EpisodeRecord, type MovieRecord } from './catalogue-types';
import { paginate, statusOnly, type ApiContext, type ApiRoute } from './http';
import type { HistoryEntry } from './library';
import { isoTime, itemMembers, parseExtended } from './media';
import { notFoundBody, resolveBulk } from './resolve';
import type { TraktState } from './state';

const READ = 'GET /sync/history/{type}/{id}';

export function historyRoutes(state: TraktState): ApiRoute[] {
  return [
    // The spec declares only /{type}/{id}; /sync/history and /sync/history/{type} answer the same shape.
    { method: 'GET', patterns: ['/sync/history', '/sync/history/{type}', '/sync/history/{type}/{id}'], endpoint: READ, oauth: 'required', handle: (context) => read(state, context) },
    { method: 'POST', patterns: ['/sync/history'], endpoint: 'POST /sync/history', oauth: 'required', handle: (context) => add(state, context) },
    { method: 'POST', patterns: ['/sync/history/remove'], endpoint: 'POST /sync/history/remove', oauth: 'required', handle: (context) => remove(state, context) },
  ];
}

function read(state: TraktState, context: ApiContext): EmulatorResponse {
  const { type, id } = context.params;
  if (type !== undefined && !['movies', 'shows', 'seasons', 'episodes'].includes(type)) return statusOnly(400, READ);
  const start = dateParam(context.query.get('start_at'));
  const end = dateParam(context.query.get('end_at'));
  if (start === null || end === null) return statusOnly(400, READ);
  const entries = state.library.history
    .filter((entry) => matchesType(entry, type, id))
    .filter((entry) => (start === undefined || entry.watchedAt >= start) && (end === undefined || entry.watchedAt <= end))
    .sort((a, b) => b.watchedAt - a.watchedAt || b.id - a.id);
  // Paginated, newest first; an unpaged call answers 100 (trakt/trakt-api#924, /users/{id}/history).
  const page = paginate(entries, context.query, 100);
  const extended = parseExtended(context.query);
  const body = page.items.map((entry) => ({ id: entry.id, watched_at: isoTime(entry.watchedAt), action: entry.action, ...itemMembers(entry.record, extended) }));
  return { ...json(200, body, page.headers), endpoint: READ };
}

function matchesType(entry: HistoryEntry, type: string | undefined, id: string | undefined): boolean {
  const record = entry.record;
  if (type === undefined) return true;
  if (type === 'movies') return record.type === 'movie' && (id === undefined || String(record.ids.trakt) === id);
  if (record.type !== 'episode') return false;
  if (id === undefined) return true;
  if (type === 'shows') return String(record.show.ids.trakt) === id;
  if (type === 'seasons') return String(record.show.seasons.find((season) => season.number === record.season)?.ids.trakt) === id;
  return String(record.ids.trakt) === id;
}

/** undefined: not given; null: given but not a date. */
function dateParam(value: string | null): number | null | undefined {
  if (value === null || value === '') return undefined;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? null : ms;
}

/**
 * `watched_at` may be a date-time, "released" (the release date, episodes and movies here), or "unknown"
 * (watched without a date; stored as the epoch, an emulator choice). Absent means now.
 */
function watchedAt(value: unknown, record: MovieRecord | EpisodeRecord, now: number): number | undefined {
  if (value === undefined || value === null) return now;
  if (value === 'unknown') return 0;
  if (value === 'released') {
    const released = firstAired(record);
    return released ? Date.parse(released) : now;
  }
  const ms = typeof value === 'string' ? Date.parse(value) : Number.NaN;
  return Number.isNaN(ms) ? undefined : ms;
}

/**
 * Adds one play per item, every time: "We don't verify the item + watched_at to ensure it's unique, it is up
 * to your app to verify this and not send duplicate plays" (spec, POST /sync/history). So sending the same
 * body twice doubles the plays, and `updated` stays 0. The app must avoid duplicates itself.
 */
function add(state: TraktState, context: ApiContext): EmulatorResponse {
  const endpoint = 'POST /sync/history';
  const resolved = resolveBulk(state.catalogue, context.body, 'episodes');
  if ('error' in resolved) return statusOnly(400, endpoint);
  const plays: Array<{ record: MovieRecord | EpisodeRecord; at: number }> = [];
  for (const target of resolved.targets) {
    const record = target.record;
    if (record.type !== 'movie' && record.type !== 'episode') continue;
    const at = watchedAt(target.fields.watched_at, record, context.now);
    // "422 Unprocessable Entity - validation errors" (status table): an unreadable date fails the whole call.
    if (at === undefined) return statusOnly(422, endpoint);
    plays.push({ record, at });
  }
  const added = { movies: 0, episodes: 0 };
  for (const play of plays) {
    state.library.addPlay(play.record, play.at, 'watch', context.now);
    added[play.record.type === 'movie' ? 'movies' : 'episodes'] += 1;
  }
  return { ...json(200, { added, updated: { movies: 0, episodes: 0 }, not_found: notFoundBody(resolved.notFound) }), endpoint };
}

/** Removes every play of the named items, or single plays by history id (`ids: [...]`). */
function remove(state: TraktState, context: ApiContext): EmulatorResponse {
  const endpoint = 'POST /sync/history/remove';
  const resolved = resolveBulk(state.catalogue, context.body, 'episodes');
  if ('error' in resolved) return statusOnly(400, endpoint);
  const keys = new Set(resolved.targets.map((target) => `${target.record.type}:${target.record.ids.trakt}`));
  const rawIds = (context.body as { ids?: unknown }).ids;
  const ids = Array.isArray(rawIds) ? rawIds : [];
  const wantedIds = new Set(ids.filter((id): id is number => typeof id === 'number'));
  const known = new Set(state.library.history.map((entry) => entry.id));
  const removed = state.library.removePlays((entry) => keys.has(`${entry.record.type}:${entry.record.ids.trakt}`) || wantedIds.has(entry.id), context.now);
  const deleted = { movies: removed.filter((entry) => entry.record.type === 'movie').length, episodes: removed.filter((entry) => entry.record.type === 'episode').length };
  const missingIds = ids.filter((id) => typeof id !== 'number' || !known.has(id));
  return { ...json(200, { deleted, not_found: { ...notFoundBody(resolved.notFound), ids: missingIds } }), endpoint };
}
