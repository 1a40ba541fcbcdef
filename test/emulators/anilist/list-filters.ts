import type { FuzzyDate, ListEntryRecord, MediaRecord } from './state';

/**
 * The MediaList filter and sort arguments shared by `MediaList`, `Page.mediaList` and `MediaListCollection`
 * (the schema gives all three the same list). Date filters take FuzzyDateInt, i.e. YYYYMMDD with zeros for
 * unknown parts, as the schema's scalar says.
 */

export type ListArgs = Record<string, unknown>;

const list = (value: unknown) => (Array.isArray(value) ? value : []);

export function fuzzyInt(date: FuzzyDate): number | null {
  if (date.year === null) return null;
  return date.year * 10_000 + (date.month ?? 0) * 100 + (date.day ?? 0);
}

type Test = (entry: ListEntryRecord, value: unknown) => boolean;

const tests: Record<string, Test> = {
  id: (entry, value) => entry.id === value,
  mediaId: (entry, value) => entry.mediaId === value,
  mediaId_in: (entry, value) => list(value).includes(entry.mediaId),
  mediaId_not_in: (entry, value) => !list(value).includes(entry.mediaId),
  status: (entry, value) => entry.status === value,
  status_not: (entry, value) => entry.status !== value,
  status_in: (entry, value) => list(value).includes(entry.status),
  status_not_in: (entry, value) => !list(value).includes(entry.status),
  notes: (entry, value) => (entry.notes ?? '').toLowerCase().includes(String(value).toLowerCase()),
  notes_like: (entry, value) => (entry.notes ?? '').toLowerCase().includes(String(value).toLowerCase()),
  startedAt: (entry, value) => fuzzyInt(entry.startedAt) === value,
  startedAt_greater: (entry, value) => (fuzzyInt(entry.startedAt) ?? -1) > Number(value),
  startedAt_lesser: (entry, value) => (fuzzyInt(entry.startedAt) ?? Infinity) < Number(value),
  completedAt: (entry, value) => fuzzyInt(entry.completedAt) === value,
  completedAt_greater: (entry, value) => (fuzzyInt(entry.completedAt) ?? -1) > Number(value),
  completedAt_lesser: (entry, value) => (fuzzyInt(entry.completedAt) ?? Infinity) < Number(value),
};

export function entryFilter(args: ListArgs): (entry: ListEntryRecord) => boolean {
  const active = Object.entries(args).filter(([key, value]) => value !== undefined && value !== null && tests[key]);
  return (entry) => active.every(([key, value]) => tests[key]!(entry, value));
}

type Key = (entry: ListEntryRecord, media: MediaRecord | undefined) => number | string | null;
const sortKeys: Record<string, Key> = {
  MEDIA_ID: (entry) => entry.mediaId,
  SCORE: (entry) => entry.scoreRaw,
  STATUS: (entry) => entry.status,
  PROGRESS: (entry) => entry.progress,
  PROGRESS_VOLUMES: (entry) => entry.progressVolumes,
  REPEAT: (entry) => entry.repeat,
  PRIORITY: (entry) => entry.priority,
  STARTED_ON: (entry) => fuzzyInt(entry.startedAt),
  FINISHED_ON: (entry) => fuzzyInt(entry.completedAt),
  ADDED_TIME: (entry) => entry.createdAt,
  UPDATED_TIME: (entry) => entry.updatedAt,
  MEDIA_TITLE_ROMAJI: (_entry, media) => media?.title.romaji.toLowerCase() ?? null,
  MEDIA_TITLE_ENGLISH: (_entry, media) => media?.title.english?.toLowerCase() ?? null,
  MEDIA_TITLE_NATIVE: (_entry, media) => media?.title.native ?? null,
  MEDIA_POPULARITY: (_entry, media) => media?.popularity ?? null,
};

/** Sorts by MediaListSort values in order; ties (and no sort at all) keep entry-id order. */
export function sortEntries(rows: ListEntryRecord[], sort: unknown, mediaOf: (id: number) => MediaRecord | undefined): ListEntryRecord[] {
  const keys = list(sort).map(String);
  return [...rows].sort((a, b) => {
    for (const sortKey of keys) {
      const descending = sortKey.endsWith('_DESC');
      const key = sortKeys[descending ? sortKey.slice(0, -5) : sortKey];
      if (!key) continue;
      const left = key(a, mediaOf(a.mediaId));
      const right = key(b, mediaOf(b.mediaId));
      if (left === right) continue;
      if (left === null || right === null) return left === null ? 1 : -1;
      const order = left < right ? -1 : 1;
      return descending ? -order : order;
    }
    return a.id - b.id;
  });
}
