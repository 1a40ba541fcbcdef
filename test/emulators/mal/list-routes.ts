import { json, type EmulatorRequest, type EmulatorResponse } from '../common/http-types';
import type { MalKind, MalWork } from './catalogue';
import { badRequest, notFound } from './errors';
import { subFields } from './fields';
import { animeStatuses, listStatusView, mangaStatuses, type MalListEntry } from './list-entries';
import { nodeView } from './node-view';
import { pageParams, pagingLinks } from './paging';
import { authenticate, type MalState } from './state';

type Sorter = (a: Row, b: Row) => number;
interface Row {
  entry: MalListEntry;
  work: MalWork;
}

const byTitle: Sorter = (a, b) => a.work.title.localeCompare(b.work.title, 'en') || a.work.id - b.work.id;

/**
 * The spec's sort values: list_score and list_updated_at descending, the title ascending, the start date
 * descending, the id ascending ("Under Development" for anime_id, implemented anyway). Manga lists use the
 * manga_ names. Without `sort` the spec's own example comes back in title order, so that is the default.
 */
function sorters(kind: MalKind): Record<string, Sorter> {
  return {
    list_score: (a, b) => b.entry.score - a.entry.score || byTitle(a, b),
    list_updated_at: (a, b) => b.entry.updatedAt - a.entry.updatedAt || a.work.id - b.work.id,
    [`${kind}_title`]: byTitle,
    [`${kind}_start_date`]: (a, b) => (b.work.startDate ?? '').localeCompare(a.work.startDate ?? '') || byTitle(a, b),
    [`${kind}_id`]: (a, b) => a.work.id - b.work.id,
  };
}

/**
 * GET /v2/users/{user_name}/animelist and /mangalist. `@me` needs the user's token; the user's own name is
 * also readable with a client id alone (the operation allows client_auth). Each edge is `{node}`, plus
 * `list_status` when `fields` asks for it: without `fields=list_status` MAL sends no list status at all.
 * `nsfw=true` is needed for adult titles, which is why clients pass it to get complete lists (API-NOTES.md §4).
 */
export function userList(request: EmulatorRequest, state: MalState, kind: MalKind, userName: string): EmulatorResponse {
  if (userName !== '@me' && userName !== state.user.name) return notFound();
  const caller = authenticate(request, state, userName === '@me');
  if (!caller.ok) return caller.response;
  const page = pageParams(request, 1000);
  if (!page.ok) return page.response;
  const { fields, nsfw, offset, limit } = page.params;

  const statuses: readonly string[] = kind === 'anime' ? animeStatuses : mangaStatuses;
  const status = request.url.searchParams.get('status');
  if (status !== null && !statuses.includes(status)) return badRequest('invalid status');
  const sortName = request.url.searchParams.get('sort');
  const sort = sortName === null ? byTitle : sorters(kind)[sortName];
  if (!sort) return badRequest('invalid sort');

  const rows: Row[] = [];
  for (const entry of state.lists[kind].values()) {
    const work = state.works[kind].get(entry.workId);
    if (!work || (status !== null && entry.status !== status) || (!nsfw && work.nsfw === 'black')) continue;
    rows.push({ entry, work });
  }
  rows.sort(sort);
  const wantsListStatus = fields.has('list_status');
  const listExtras = subFields(fields, 'list_status');
  const data = rows.slice(offset, offset + limit).map(({ entry, work }) => ({
    node: nodeView(work, fields, { baseUrl: state.baseUrl, inList: true, myEntry: caller.withUser ? entry : undefined }),
    ...(wantsListStatus ? { list_status: listStatusView(entry, listExtras, true) } : {}),
  }));
  return json(200, { data, paging: pagingLinks(request, state.baseUrl, page.params, rows.length) });
}
