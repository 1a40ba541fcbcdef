import { validationFailed } from './errors';
import { rawFrom } from './scores';
import type { AnilistState, FuzzyDate, ListEntryRecord, UserRecord } from './state';

/**
 * SaveMediaListEntry, UpdateMediaListEntries and DeleteMediaListEntry over the state. Rule failures are
 * AniList's `validation` error with Laravel's messages keyed by argument (docs guide/graphql/errors: "The
 * selected id is invalid.", "The score may not be greater than 100."; erengy/taiga#834: "The selected media id
 * is invalid."). Every write stamps updatedAt with the clock's Unix seconds.
 *
 * Not emulated: side effects the site may apply on save (auto-completing at the last episode, filling
 * dates), advanced scoring sections.
 */

export type MutationArgs = Record<string, unknown>;

const ranges: Array<[key: string, label: string, max: number | null]> = [
  ['score', 'score', 100],
  ['scoreRaw', 'score raw', 100],
  ['progress', 'progress', null],
  ['progressVolumes', 'progress volumes', null],
  ['repeat', 'repeat', 1000],
  ['priority', 'priority', 255],
];

function checkValues(args: MutationArgs, problems: Record<string, string[]>): void {
  for (const [key, label, max] of ranges) {
    const value = args[key];
    if (typeof value !== 'number') continue;
    if (value < 0) problems[key] = [`The ${label} must be at least 0.`];
    else if (max !== null && value > max) problems[key] = [`The ${label} may not be greater than ${max}.`];
  }
  if (typeof args.notes === 'string' && args.notes.length > 6000) problems.notes = ['The notes may not be greater than 6000 characters.'];
}

function applyValues(entry: ListEntryRecord, user: UserRecord, args: MutationArgs, nowSeconds: number): void {
  if (typeof args.status === 'string') entry.status = args.status as ListEntryRecord['status'];
  if (typeof args.scoreRaw === 'number') entry.scoreRaw = Math.round(args.scoreRaw);
  else if (typeof args.score === 'number') entry.scoreRaw = rawFrom(args.score, user.scoreFormat);
  if (typeof args.progress === 'number') entry.progress = args.progress;
  if (typeof args.progressVolumes === 'number') entry.progressVolumes = args.progressVolumes;
  if (typeof args.repeat === 'number') entry.repeat = args.repeat;
  if (typeof args.priority === 'number') entry.priority = args.priority;
  if (typeof args.private === 'boolean') entry.private = args.private;
  if (typeof args.hiddenFromStatusLists === 'boolean') entry.hiddenFromStatusLists = args.hiddenFromStatusLists;
  if ('notes' in args && (typeof args.notes === 'string' || args.notes === null)) entry.notes = args.notes === '' ? null : args.notes;
  if (isDateInput(args.startedAt)) entry.startedAt = dateFrom(args.startedAt);
  if (isDateInput(args.completedAt)) entry.completedAt = dateFrom(args.completedAt);
  entry.updatedAt = nowSeconds;
}

function isDateInput(value: unknown): value is Partial<FuzzyDate> {
  return typeof value === 'object' && value !== null;
}

function dateFrom(input: Partial<FuzzyDate>): FuzzyDate {
  return { year: input.year ?? null, month: input.month ?? null, day: input.day ?? null };
}

/** Creates the entry when none exists for (viewer, mediaId); otherwise updates it, found by id or by media. */
export function saveEntry(state: AnilistState, user: UserRecord, args: MutationArgs, nowSeconds: number): ListEntryRecord {
  const problems: Record<string, string[]> = {};
  let entry: ListEntryRecord | undefined;
  if (typeof args.id === 'number') {
    entry = state.entries.get(args.id);
    if (!entry || entry.userId !== user.id) problems.id = ['The selected id is invalid.'];
  } else if (typeof args.mediaId === 'number') {
    if (!state.media.has(args.mediaId)) problems.mediaId = ['The selected media id is invalid.'];
    else entry = state.entryFor(user.id, args.mediaId);
  } else {
    problems.mediaId = ['The media id field is required when id is not present.'];
  }
  checkValues(args, problems);
  if (Object.keys(problems).length > 0) throw validationFailed(problems);
  entry ??= state.createEntry(user.id, args.mediaId as number, nowSeconds);
  applyValues(entry, user, args, nowSeconds);
  if (Array.isArray(args.customLists)) {
    const type = state.media.get(entry.mediaId)?.type ?? 'ANIME';
    const enabled = new Set(args.customLists.map(String));
    entry.customLists = Object.fromEntries(user.customLists[type].map((name) => [name, enabled.has(name)]));
  }
  return entry;
}

/** The same values applied to many of the viewer's entries (API-NOTES §1 "Several mutations in one request"). */
export function updateEntries(state: AnilistState, user: UserRecord, args: MutationArgs, nowSeconds: number): ListEntryRecord[] {
  const problems: Record<string, string[]> = {};
  const ids = Array.isArray(args.ids) ? (args.ids as unknown[]) : [];
  if (ids.length === 0) problems.ids = ['The ids field is required.'];
  const entries: ListEntryRecord[] = [];
  ids.forEach((id, index) => {
    const entry = typeof id === 'number' ? state.entries.get(id) : undefined;
    if (!entry || entry.userId !== user.id) problems[`ids.${index}`] = [`The selected ids.${index} is invalid.`];
    else entries.push(entry);
  });
  checkValues(args, problems);
  if (Object.keys(problems).length > 0) throw validationFailed(problems);
  for (const entry of entries) applyValues(entry, user, args, nowSeconds);
  return entries;
}

export function deleteEntry(state: AnilistState, user: UserRecord, args: MutationArgs): { deleted: boolean } {
  const entry = typeof args.id === 'number' ? state.entries.get(args.id) : undefined;
  if (!entry || entry.userId !== user.id) throw validationFailed({ id: ['The selected id is invalid.'] });
  state.entries.delete(entry.id);
  return { deleted: true };
}
