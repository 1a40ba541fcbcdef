import type { ListStatus, SeedListEntry, SeedTitle } from '../seed/world';
import type { MalKind } from './catalogue';

/** One entry on the user's MAL anime or manga list, in the emulator's own mutable state. */
export interface MalListEntry {
  kind: MalKind;
  workId: number;
  /** watching/reading, completed, on_hold, dropped, plan_to_watch/plan_to_read. */
  status: string;
  /** 0-10, 0 meaning not scored. */
  score: number;
  /** Episodes watched (anime) or chapters read (manga). */
  progress: number;
  /** Volumes read; manga only. */
  volumes: number;
  /** is_rewatching / is_rereading. */
  repeating: boolean;
  startDate: string | null;
  finishDate: string | null;
  priority: number;
  timesRepeated: number;
  repeatValue: number;
  tags: string[];
  comments: string;
  /** Milliseconds since the epoch. */
  updatedAt: number;
}

export const animeStatuses = ['watching', 'completed', 'on_hold', 'dropped', 'plan_to_watch'] as const;
export const mangaStatuses = ['reading', 'completed', 'on_hold', 'dropped', 'plan_to_read'] as const;

/**
 * AniList-style seed statuses to MAL's. MAL has no "repeating" status: a rewatch is `completed` with
 * `is_rewatching: true` (spec: AnimeListStatus.is_rewatching, "MyAnimeList treats the anime as 'watching'").
 */
function malStatus(kind: MalKind, status: ListStatus): { status: string; repeating: boolean } {
  switch (status) {
    case 'CURRENT':
      return { status: kind === 'anime' ? 'watching' : 'reading', repeating: false };
    case 'PLANNING':
      return { status: kind === 'anime' ? 'plan_to_watch' : 'plan_to_read', repeating: false };
    case 'COMPLETED':
      return { status: 'completed', repeating: false };
    case 'DROPPED':
      return { status: 'dropped', repeating: false };
    case 'PAUSED':
      return { status: 'on_hold', repeating: false };
    case 'REPEATING':
      return { status: 'completed', repeating: true };
  }
}

/** The seed's MAL list, keyed by MAL id per kind; entries whose title has no MAL id are not on MAL. */
export function entriesFromSeed(entries: readonly SeedListEntry[], titles: readonly SeedTitle[]): Record<MalKind, Map<number, MalListEntry>> {
  const byKey = new Map(titles.map((title) => [title.key, title]));
  const lists: Record<MalKind, Map<number, MalListEntry>> = { anime: new Map(), manga: new Map() };
  for (const entry of entries) {
    const title = byKey.get(entry.titleKey);
    const id = title?.ids.mal;
    if (!title || id === undefined || (title.kind !== 'anime' && title.kind !== 'manga')) continue;
    const kind: MalKind = title.kind;
    // MAL holds one entry per title: when two seed entries share a MAL id, the first is the one on the list.
    if (lists[kind].has(id)) continue;
    lists[kind].set(id, {
      kind,
      workId: id,
      ...malStatus(kind, entry.status),
      // Seed scores are 0-100; MAL keeps whole points out of 10.
      score: Math.min(10, Math.max(0, Math.round(entry.score / 10))),
      progress: entry.progress,
      volumes: entry.progressVolumes ?? 0,
      startDate: malDate(entry.startedAt),
      finishDate: malDate(entry.completedAt),
      priority: 0,
      timesRepeated: entry.repeat,
      repeatValue: 0,
      tags: [],
      comments: entry.notes ?? '',
      updatedAt: entry.updatedAt * 1000,
    });
  }
  return lists;
}

/** A fresh entry, as MAL creates one when an update names a title not yet on the list. */
export function blankEntry(kind: MalKind, workId: number, now: number): MalListEntry {
  return {
    kind,
    workId,
    status: kind === 'anime' ? 'plan_to_watch' : 'plan_to_read',
    score: 0,
    progress: 0,
    volumes: 0,
    repeating: false,
    startDate: null,
    finishDate: null,
    priority: 0,
    timesRepeated: 0,
    repeatValue: 0,
    tags: [],
    comments: '',
    updatedAt: now,
  };
}

/** MAL's date-time format: ISO 8601 with "+00:00", no milliseconds (spec: "2015-03-02T06:03:11+00:00"). */
export function malDateTime(ms: number): string {
  return `${new Date(ms).toISOString().slice(0, 19)}+00:00`;
}

/** Dates are "2017-10-23", "2017-10" or "2017" (spec: Date / Time format). */
export const malDatePattern = /^\d{4}(-\d{2}(-\d{2})?)?$/;

function malDate(value: string | null): string | null {
  if (!value) return null;
  const date = value.slice(0, 10);
  return malDatePattern.test(date) ? date : null;
}

/**
 * The list status as MAL sends it. `extras` are the sub-fields asked for in braces, e.g.
 * `list_status{priority,tags}`; the default set is always there (API-NOTES.md §4: a bare `list_status`
 * gives status, score, num_episodes_watched, is_rewatching, updated_at). `comments` "cannot be contained in
 * a list" (spec: AnimeListStatus.comments), so list responses leave it out even when asked.
 */
export function listStatusView(entry: MalListEntry, extras: ReadonlySet<string> | 'all', inList: boolean): Record<string, unknown> {
  const full = fullListStatus(entry);
  const defaults =
    entry.kind === 'anime'
      ? ['status', 'score', 'num_episodes_watched', 'is_rewatching', 'updated_at']
      : ['status', 'is_rereading', 'num_volumes_read', 'num_chapters_read', 'score', 'updated_at'];
  const view: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(full)) {
    const wanted = extras === 'all' || defaults.includes(key) || extras.has(key) || key === 'start_date' || key === 'finish_date';
    if (!wanted || (inList && key === 'comments')) continue;
    view[key] = value;
  }
  return view;
}

/** Every field, as the update endpoints return it (spec example of PATCH …/my_list_status). */
export function fullListStatus(entry: MalListEntry): Record<string, unknown> {
  const dates = { ...(entry.startDate ? { start_date: entry.startDate } : {}), ...(entry.finishDate ? { finish_date: entry.finishDate } : {}) };
  if (entry.kind === 'anime') {
    return {
      status: entry.status,
      score: entry.score,
      num_episodes_watched: entry.progress,
      is_rewatching: entry.repeating,
      updated_at: malDateTime(entry.updatedAt),
      ...dates,
      priority: entry.priority,
      num_times_rewatched: entry.timesRepeated,
      rewatch_value: entry.repeatValue,
      tags: [...entry.tags],
      comments: entry.comments,
    };
  }
  return {
    status: entry.status,
    is_rereading: entry.repeating,
    num_volumes_read: entry.volumes,
    num_chapters_read: entry.progress,
    score: entry.score,
    updated_at: malDateTime(entry.updatedAt),
    ...dates,
    priority: entry.priority,
    num_times_reread: entry.timesRepeated,
    reread_value: entry.repeatValue,
    tags: [...entry.tags],
    comments: entry.comments,
  };
}
