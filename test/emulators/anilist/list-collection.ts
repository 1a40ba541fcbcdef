import type { AnilistState, ListEntryRecord, ListStatus, MediaRecord, MediaType, UserRecord } from './state';

/**
 * MediaListCollection: one user's anime or manga list, chunked and grouped the way AniList groups it.
 *
 * - Status groups are named as on the site ("Watching"/"Reading", "Rewatching"/"Rereading", "Completed",
 *   "Paused", "Dropped", "Planning"); empty groups are left out.
 * - An entry with hiddenFromStatusLists appears only in the custom lists it is in (API-NOTES §1: "Don't skip
 *   custom lists"). Custom groups have isCustomList true and status null.
 * - With the user's splitCompletedSectionByFormat, Completed is split per format ("Completed TV"…) unless
 *   forceSingleCompletedList.
 * - chunk is 1-based, perChunk at most 500 (larger is clamped, as AniList clamps page sizes); chunking cuts
 *   the entry list before grouping, so a group can continue in the next chunk; hasNextChunk says so.
 * - At most the 11,000 most recently updated entries are returned (API-NOTES §1 "Pagination rules").
 */

export const MAX_PER_CHUNK = 500;
const MAX_ENTRIES = 11_000;

export interface ListGroup {
  name: string;
  isCustomList: boolean;
  isSplitCompletedList: boolean;
  status: ListStatus | null;
  entries: ListEntryRecord[];
}

export interface ListCollection {
  lists: ListGroup[];
  user: UserRecord;
  hasNextChunk: boolean;
}

const statusOrder: ListStatus[] = ['CURRENT', 'REPEATING', 'COMPLETED', 'PAUSED', 'DROPPED', 'PLANNING'];

export function statusListName(status: ListStatus, type: MediaType): string {
  const names: Record<ListStatus, string> = {
    CURRENT: type === 'ANIME' ? 'Watching' : 'Reading',
    REPEATING: type === 'ANIME' ? 'Rewatching' : 'Rereading',
    COMPLETED: 'Completed',
    PAUSED: 'Paused',
    DROPPED: 'Dropped',
    PLANNING: 'Planning',
  };
  return names[status];
}

/** Human format names as the site uses them in split Completed lists. */
const formatNames: Record<string, string> = { TV: 'TV', TV_SHORT: 'TV Short', MOVIE: 'Movie', SPECIAL: 'Special', OVA: 'OVA', ONA: 'ONA', MUSIC: 'Music', MANGA: 'Manga', NOVEL: 'Novel', ONE_SHOT: 'One Shot' };

export interface CollectionArgs {
  type: MediaType;
  chunk?: number | null;
  perChunk?: number | null;
  forceSingleCompletedList?: boolean | null;
  filter: (entry: ListEntryRecord) => boolean;
}

export function buildCollection(state: AnilistState, user: UserRecord, args: CollectionArgs): ListCollection {
  let rows = state.listOf(user.id, args.type).filter(args.filter);
  if (rows.length > MAX_ENTRIES) {
    rows = [...rows].sort((a, b) => b.updatedAt - a.updatedAt).slice(0, MAX_ENTRIES).sort((a, b) => a.id - b.id);
  }
  let hasNextChunk = false;
  if (args.chunk !== undefined && args.chunk !== null) {
    const perChunk = Math.min(Math.max(args.perChunk ?? MAX_PER_CHUNK, 1), MAX_PER_CHUNK);
    const start = (Math.max(args.chunk, 1) - 1) * perChunk;
    hasNextChunk = rows.length > start + perChunk;
    rows = rows.slice(start, start + perChunk);
  }
  const split = user.splitCompletedSectionByFormat[args.type] && !args.forceSingleCompletedList;
  const groups = new Map<string, ListGroup>();
  const add = (name: string, group: Omit<ListGroup, 'entries' | 'name'>, entry: ListEntryRecord) => {
    const existing = groups.get(name) ?? { name, ...group, entries: [] };
    existing.entries.push(entry);
    groups.set(name, existing);
  };
  for (const entry of rows) {
    if (!entry.hiddenFromStatusLists) {
      const media = state.media.get(entry.mediaId);
      const splitHere = split && entry.status === 'COMPLETED' && media;
      const name = splitHere ? `Completed ${formatName(media)}` : statusListName(entry.status, args.type);
      add(name, { isCustomList: false, isSplitCompletedList: Boolean(splitHere), status: entry.status }, entry);
    }
    for (const [custom, enabled] of Object.entries(entry.customLists)) {
      if (enabled) add(custom, { isCustomList: true, isSplitCompletedList: false, status: null }, entry);
    }
  }
  const rank = (group: ListGroup) => (group.isCustomList ? 100 + user.customLists[args.type].indexOf(group.name) : statusOrder.indexOf(group.status!));
  const lists = [...groups.values()].sort((a, b) => rank(a) - rank(b) || a.name.localeCompare(b.name));
  return { lists, user, hasNextChunk };
}

function formatName(media: MediaRecord): string {
  return formatNames[media.format] ?? media.format;
}
