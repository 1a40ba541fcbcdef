import type Database from 'better-sqlite3';
import { z } from 'zod';
import type { Logger } from '../../app/ports';
import type { ListMarkerSource } from './list-markers';

/**
 * "Lists are re-read only when the service says they changed, with a full re-read on demand" (issue 4,
 * DESIGN §5.1). Each account's last full read of a list is kept in list_snapshots (migration 003) with the
 * marker the service gave just before that read. Next time one cheap marker read decides: the same marker
 * (and, where the service offers one, the same entry count) returns the stored entries without reading
 * the list; anything else reads the list whole and stores it with the new marker.
 *
 * The marker is read BEFORE the list: a change landing while the list is being read then shows up as a moved
 * marker next time (one extra read), instead of being stamped as seen and lost.
 */

export interface ReadListOptions<T> extends ListMarkerSource {
  db: Database.Database;
  /** accounts.id, e.g. 'anilist:42'; the snapshot goes when the account does (ON DELETE CASCADE). */
  accountId: string;
  /** Which of the account's lists: 'anime', 'manga', 'watchlist', 'history', 'ratings'… */
  list: string;
  readAll(): Promise<T[]>;
  /** How stored entries are read back (model-schemas.ts, trakt-schemas.ts); a snapshot that fails is re-read. */
  entrySchema: z.ZodType<T>;
  /** Re-read whatever the marker says (the user's "full re-read", or after a suspected miss). */
  full?: boolean;
  now?: () => number;
  logger?: Logger;
}

export type ReadReason = 'first-read' | 'full' | 'marker-moved' | 'count-changed' | 'snapshot-unreadable' | 'unchanged';

export interface ListRead<T> {
  entries: T[];
  /** True when the list was read from the service just now. */
  reread: boolean;
  /** The marker stored with these entries. */
  marker: string;
  reason: ReadReason;
  /** Unix ms of the full read these entries come from. */
  readAt: number;
}

interface SnapshotRow {
  marker: string;
  entry_count: number;
  entries: string;
  read_at: number;
}

export async function readListIfChanged<T>(options: ReadListOptions<T>): Promise<ListRead<T>> {
  const { db, accountId, list, logger } = options;
  const now = options.now ?? Date.now;
  const previous = db
    .prepare<[string, string], SnapshotRow>('SELECT marker, entry_count, entries, read_at FROM list_snapshots WHERE account_id = ? AND list = ?')
    .get(accountId, list);

  const marker = await options.readMarker();
  let reason: ReadReason;
  if (options.full) reason = 'full';
  else if (!previous) reason = 'first-read';
  else if (marker !== previous.marker) reason = 'marker-moved';
  else if (options.holdsCount && !(await options.holdsCount(previous.entry_count))) reason = 'count-changed';
  else {
    const stored = storedEntries(previous.entries, options.entrySchema);
    if (stored.ok) return { entries: stored.entries, reread: false, marker, reason: 'unchanged', readAt: previous.read_at };
    logger?.warn('stored list snapshot is unreadable; reading the list again', { accountId, list, reason: stored.problem });
    reason = 'snapshot-unreadable';
  }

  const readAt = now();
  const entries = await options.readAll();
  db.prepare(
    `INSERT INTO list_snapshots (account_id, list, marker, entry_count, entries, read_at) VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT (account_id, list) DO UPDATE SET marker = excluded.marker, entry_count = excluded.entry_count, entries = excluded.entries, read_at = excluded.read_at`,
  ).run(accountId, list, marker, entries.length, JSON.stringify(entries), readAt);
  logger?.info('list read from the service', { accountId, list, reason, entries: entries.length });
  return { entries, reread: true, marker, reason, readAt };
}

function storedEntries<T>(json: string, schema: z.ZodType<T>): { ok: true; entries: T[] } | { ok: false; problem: string } {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch (error) {
    return { ok: false, problem: `not JSON (${(error as Error).message})` };
  }
  const parsed = z.array(schema).safeParse(value);
  return parsed.success ? { ok: true, entries: parsed.data } : { ok: false, problem: parsed.error.issues[0]?.message ?? 'unexpected shape' };
}

/** Forgets an account's snapshot of one list, or of all its lists, so the next read is a full one. */
export function forgetListSnapshots(db: Database.Database, accountId: string, list?: string): void {
  if (list === undefined) db.prepare('DELETE FROM list_snapshots WHERE account_id = ?').run(accountId);
  else db.prepare('DELETE FROM list_snapshots WHERE account_id = ? AND list = ?').run(accountId, list);
}

export interface StoreListOptions<T> extends Pick<ListMarkerSource, 'readMarker'> {
  db: Database.Database;
  accountId: string;
  list: string;
  /** The whole list as it now is: the last read with the app's own writes laid over it. */
  entries: T[];
  now?: () => number;
}

/**
 * After the app wrote to a list, its own writes moved the marker: without this, the next sync would re-read
 * the whole list only to find what it wrote (issue 6: a no-op resync in at most 10 requests). The caller lays
 * the services' answers to its writes over the last read, and the marker is read now and stored with it.
 * What this can miss: someone else's change landing between the app's last write and this marker read is
 * stamped as seen; it shows up on the next change of that list or on a full re-read.
 */
export async function storeListSnapshot<T>(options: StoreListOptions<T>): Promise<void> {
  const marker = await options.readMarker();
  const readAt = (options.now ?? Date.now)();
  options.db
    .prepare(
      `INSERT INTO list_snapshots (account_id, list, marker, entry_count, entries, read_at) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (account_id, list) DO UPDATE SET marker = excluded.marker, entry_count = excluded.entry_count, entries = excluded.entries, read_at = excluded.read_at`,
    )
    .run(options.accountId, options.list, marker, options.entries.length, JSON.stringify(options.entries), readAt);
}
