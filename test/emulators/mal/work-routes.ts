import { json, type EmulatorRequest, type EmulatorResponse } from '../common/http-types';
import type { MalKind, MalWork } from './catalogue';
import { badRequest, notFound } from './errors';
import { parseFields } from './fields';
import { nodeView } from './node-view';
import { pageParams, pagingLinks } from './paging';
import { authenticate, type MalState } from './state';

/**
 * GET /v2/anime/{anime_id} and /v2/manga/{manga_id}: public data, so a client id is enough; with a user
 * token `my_list_status` can be asked for. Details are not filtered by nsfw.
 */
export function details(request: EmulatorRequest, state: MalState, kind: MalKind, idText: string): EmulatorResponse {
  const caller = authenticate(request, state, false);
  if (!caller.ok) return caller.response;
  const work = /^\d{1,9}$/.test(idText) ? state.works[kind].get(Number(idText)) : undefined;
  if (!work) return notFound();
  const fields = parseFields(request.url.searchParams.get('fields'));
  if (!fields.ok) return badRequest('invalid fields');
  const myEntry = caller.withUser ? (state.lists[kind].get(work.id) ?? null) : undefined;
  return json(200, nodeView(work, fields.tree, { baseUrl: state.baseUrl, inList: false, myEntry }));
}

/** MAL's site needs three bytes to search ("Must have at least 3 byte characters", jikan-me/jikan#227), so one kanji is enough. */
const MIN_QUERY_BYTES = 3;
/** Anime queries over 64 characters are a 400 "invalid q"; manga ones are not (aniyomiorg/aniyomi#1761). */
const MAX_ANIME_QUERY = 64;

/**
 * GET /v2/anime?q= and /v2/manga?q=: `limit` at most 100. A missing, too short or (anime) too long `q` is
 * `400 {"message":"invalid q","error":"bad_request"}` (iankiller77/MyAnimeSync#5). Titles, English titles,
 * native titles and synonyms are searched; exact, then prefix, then partial matches, popular first.
 */
export function search(request: EmulatorRequest, state: MalState, kind: MalKind): EmulatorResponse {
  const caller = authenticate(request, state, false);
  if (!caller.ok) return caller.response;
  const q = request.url.searchParams.get('q')?.trim() ?? '';
  if (Buffer.byteLength(q, 'utf8') < MIN_QUERY_BYTES || (kind === 'anime' && q.length > MAX_ANIME_QUERY)) return badRequest('invalid q');
  const page = pageParams(request, 100);
  if (!page.ok) return page.response;
  const { fields, nsfw, offset, limit } = page.params;

  const needle = q.toLowerCase();
  const words = needle.split(/\s+/);
  const matches: Array<{ work: MalWork; rank: number }> = [];
  for (const work of state.works[kind].values()) {
    if (!nsfw && work.nsfw === 'black') continue;
    const rank = matchRank(work, needle, words);
    if (rank !== undefined) matches.push({ work, rank });
  }
  matches.sort((a, b) => a.rank - b.rank || a.work.popularity - b.work.popularity || a.work.id - b.work.id);
  const data = matches.slice(offset, offset + limit).map(({ work }) => ({
    node: nodeView(work, fields, { baseUrl: state.baseUrl, inList: true, myEntry: caller.withUser ? (state.lists[kind].get(work.id) ?? null) : undefined }),
  }));
  return json(200, { data, paging: pagingLinks(request, state.baseUrl, page.params, matches.length) });
}

function matchRank(work: MalWork, needle: string, words: string[]): number | undefined {
  let best: number | undefined;
  for (const text of work.searchText) {
    const rank = text === needle ? 0 : text.startsWith(needle) ? 1 : text.includes(needle) ? 2 : words.every((word) => text.includes(word)) ? 3 : undefined;
    if (rank !== undefined && (best === undefined || rank < best)) best = rank;
  }
  return best;
}

/** GET /v2/users/@me: only `@me` is allowed (spec). `anime_statistics` when asked for, from the list. */
export function me(request: EmulatorRequest, state: MalState): EmulatorResponse {
  const caller = authenticate(request, state, true);
  if (!caller.ok) return caller.response;
  const fields = parseFields(request.url.searchParams.get('fields'));
  if (!fields.ok) return badRequest('invalid fields');
  const user: Record<string, unknown> = {
    id: state.user.id,
    name: state.user.name,
    picture: `${state.baseUrl}/images/userimages/${state.user.id}.svg`,
    location: '',
    joined_at: state.user.joinedAt,
  };
  if (fields.tree.has('anime_statistics')) user.anime_statistics = animeStatistics(state);
  return json(200, user);
}

function animeStatistics(state: MalState): Record<string, number> {
  const count = (status: string) => [...state.lists.anime.values()].filter((entry) => entry.status === status).length;
  const entries = [...state.lists.anime.values()];
  const scored = entries.filter((entry) => entry.score > 0);
  const days = (status: string) =>
    Math.round(
      entries
        .filter((entry) => status === '' || entry.status === status)
        .reduce((sum, entry) => sum + (entry.progress * (state.works.anime.get(entry.workId)?.averageEpisodeDuration ?? 1440)) / 86_400, 0) * 100,
    ) / 100;
  return {
    num_items_watching: count('watching'),
    num_items_completed: count('completed'),
    num_items_on_hold: count('on_hold'),
    num_items_dropped: count('dropped'),
    num_items_plan_to_watch: count('plan_to_watch'),
    num_items: entries.length,
    num_days_watched: days(''),
    num_days_watching: days('watching'),
    num_days_completed: days('completed'),
    num_days_on_hold: days('on_hold'),
    num_days_dropped: days('dropped'),
    num_days: days(''),
    num_episodes: entries.reduce((sum, entry) => sum + entry.progress, 0),
    num_times_rewatched: entries.reduce((sum, entry) => sum + entry.timesRepeated, 0),
    mean_score: scored.length === 0 ? 0 : Math.round((scored.reduce((sum, entry) => sum + entry.score, 0) / scored.length) * 100) / 100,
  };
}
