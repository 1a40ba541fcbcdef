import { json, parseFormBody, type EmulatorRequest, type EmulatorResponse } from '../common/http-types';
import type { MalKind, MalWork } from './catalogue';
import { badRequest, notFound } from './errors';
import { animeStatuses, blankEntry, fullListStatus, malDatePattern, mangaStatuses, type MalListEntry } from './list-entries';
import { authenticate, type MalState } from './state';

type Setter = (entry: MalListEntry, value: string, work: MalWork) => boolean;

const whole = (value: string, max = Number.MAX_SAFE_INTEGER) => (/^\d{1,9}$/.test(value) && Number(value) <= max ? Number(value) : undefined);
const bool = (value: string) => (value === 'true' || value === '1' ? true : value === 'false' || value === '0' ? false : undefined);

/** Sets a whole-number field when the value is in range; false means a 400. */
function number(max: (work: MalWork) => number, set: (entry: MalListEntry, value: number) => void): Setter {
  return (entry, value, work) => {
    const parsed = whole(value, max(work));
    if (parsed === undefined) return false;
    set(entry, parsed);
    return true;
  };
}

const common: Record<string, Setter> = {
  score: number(() => 10, (entry, value) => (entry.score = value)),
  priority: number(() => 2, (entry, value) => (entry.priority = value)),
  // "tags" is one comma-separated string in the request and a list in the response.
  tags: (entry, value) => ((entry.tags = value.split(',').map((tag) => tag.trim()).filter(Boolean)), true),
  comments: (entry, value) => ((entry.comments = value), true),
  // Not in the spec's request body, but MAL takes them and clients send them (tachiyomi's MAL tracker);
  // an empty value clears the date.
  start_date: (entry, value) => date(value, (parsed) => (entry.startDate = parsed)),
  finish_date: (entry, value) => date(value, (parsed) => (entry.finishDate = parsed)),
};

function date(value: string, set: (parsed: string | null) => void): boolean {
  if (value !== '' && !malDatePattern.test(value)) return false;
  set(value === '' ? null : value);
  return true;
}

function statusSetter(statuses: readonly string[]): Setter {
  return (entry, value) => statuses.includes(value) && ((entry.status = value), true);
}

function flag(): Setter {
  return (entry, value) => {
    const parsed = bool(value);
    if (parsed === undefined) return false;
    entry.repeating = parsed;
    return true;
  };
}

/** No ceiling when MAL does not know the total (num_episodes 0 means unknown). */
const atMost = (total: (work: MalWork) => number) => (work: MalWork) => total(work) || Number.MAX_SAFE_INTEGER;

/**
 * The request fields each update accepts. The spec's request body spells the episode count
 * `num_watched_episodes` while responses say `num_episodes_watched`; sending the response spelling is
 * refused as an extra field (SuperMarcus/myanimelist-api-specification#1).
 */
const setters: Record<MalKind, Record<string, Setter>> = {
  anime: {
    ...common,
    status: statusSetter(animeStatuses),
    is_rewatching: flag(),
    num_watched_episodes: number(atMost((work) => work.numEpisodes), (entry, value) => (entry.progress = value)),
    num_times_rewatched: number(() => 999, (entry, value) => (entry.timesRepeated = value)),
    rewatch_value: number(() => 5, (entry, value) => (entry.repeatValue = value)),
  },
  manga: {
    ...common,
    status: statusSetter(mangaStatuses),
    is_rereading: flag(),
    num_volumes_read: number(atMost((work) => work.numVolumes), (entry, value) => (entry.volumes = value)),
    num_chapters_read: number(atMost((work) => work.numChapters), (entry, value) => (entry.progress = value)),
    num_times_reread: number(() => 999, (entry, value) => (entry.timesRepeated = value)),
    reread_value: number(() => 5, (entry, value) => (entry.repeatValue = value)),
  },
};

/**
 * PATCH and PUT /v2/{anime|manga}/{id}/my_list_status. The spec declares PATCH, its own curl sample uses
 * PUT, and clients use both, so both are served alike. The body is form-urlencoded; another content type
 * is not read at all (as a PHP form handler would not), so a JSON body changes nothing. Only the fields sent
 * change; a title not yet on the list is added. Any invalid value rejects the whole update.
 */
export function updateListStatus(request: EmulatorRequest, state: MalState, kind: MalKind, idText: string): EmulatorResponse {
  const caller = authenticate(request, state, true);
  if (!caller.ok) return caller.response;
  const work = findWork(state, kind, idText);
  if (!work) return notFound();

  const contentType = request.headers['content-type'] ?? '';
  const form = contentType.toLowerCase().startsWith('application/x-www-form-urlencoded') ? parseFormBody(request) : new URLSearchParams();
  const extra = [...form.keys()].filter((name) => !setters[kind][name]);
  if (extra.length > 0) return badRequest('This form should not contain extra fields.');

  const current = state.lists[kind].get(work.id);
  const draft: MalListEntry = current ? { ...current, tags: [...current.tags] } : blankEntry(kind, work.id, state.clock.now());
  for (const [name, value] of form) {
    if (!setters[kind][name]?.(draft, value, work)) return badRequest(`invalid ${name}`);
  }
  draft.updatedAt = state.clock.now();
  state.lists[kind].set(work.id, draft);
  return json(200, fullListStatus(draft));
}

/**
 * DELETE /v2/{anime|manga}/{id}/my_list_status: 200, or 404 when the title is not on the list ("So be
 * careful when retrying", spec). The body is the spec's example, `null`: no public capture of the real
 * body was found, so a client should not read it.
 */
export function deleteListStatus(request: EmulatorRequest, state: MalState, kind: MalKind, idText: string): EmulatorResponse {
  const caller = authenticate(request, state, true);
  if (!caller.ok) return caller.response;
  const work = findWork(state, kind, idText);
  if (!work || !state.lists[kind].delete(work.id)) return notFound();
  return json(200, null);
}

function findWork(state: MalState, kind: MalKind, idText: string): MalWork | undefined {
  return /^\d{1,9}$/.test(idText) ? state.works[kind].get(Number(idText)) : undefined;
}
