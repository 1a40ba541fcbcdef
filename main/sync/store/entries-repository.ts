import type Database from 'better-sqlite3';
import { AppError } from '../../../shared/contract';
import type { SideEntry, SideKind, SideRef, SideState } from '../model';
import { readJson, toJson } from './read-json';
import { sideStateSchema, targetSchema } from './state-schema';

/**
 * The latest read of each list (sync_entries, migration 006): what a plan merges, what a run journals as
 * "before", and what a list backup keeps. One row per title; a list is replaced whole on every read, so a
 * title that left the list leaves the table.
 */

interface Row {
  title_key: string;
  title: string;
  state: string;
  target: string;
}

/**
 * Replaces a side's stored list with `entries`, in one transaction: a crash leaves the old list or the new
 * one, never half of each. Two entries with the same title key are refused (the side must decide which one
 * is the title's: keeping either silently would sync the wrong one), and the old list stays.
 */
export function replaceSideEntries(db: Database.Database, side: Pick<SideRef, 'accountId' | 'kind'>, entries: readonly SideEntry[], readAt: string = new Date().toISOString()): void {
  const seen = new Set<string>();
  for (const entry of entries) {
    if (seen.has(entry.titleKey)) {
      throw new AppError('internal', `The ${side.kind} list of ${side.accountId} has two entries for ${entry.titleKey} ("${entry.title}"); the stored list was left as it was.`);
    }
    seen.add(entry.titleKey);
  }
  const insert = db.prepare('INSERT INTO sync_entries (account_id, kind, title_key, title, state, target, read_at) VALUES (?, ?, ?, ?, ?, ?, ?)');
  db.transaction(() => {
    db.prepare('DELETE FROM sync_entries WHERE account_id = ? AND kind = ?').run(side.accountId, side.kind);
    for (const entry of entries) insert.run(side.accountId, side.kind, entry.titleKey, entry.title, JSON.stringify(entry.state), toJson(entry.target), readAt);
  })();
}

/**
 * One title as a write left it, so what Kizuna shows (the Library, the next edit's targets) is the list after
 * the run, not before it; null: the write removed it. Keeps the list's read time: only a read moves that.
 */
export function storeWrittenEntry(db: Database.Database, side: Pick<SideRef, 'accountId' | 'kind'>, entry: { titleKey: string; title: string; target: unknown }, state: SideState | null): void {
  if (state === null) {
    db.prepare('DELETE FROM sync_entries WHERE account_id = ? AND kind = ? AND title_key = ?').run(side.accountId, side.kind, entry.titleKey);
    return;
  }
  const readAt = sideEntriesReadAt(db, side.accountId, side.kind) ?? new Date().toISOString();
  db.prepare(
    `INSERT INTO sync_entries (account_id, kind, title_key, title, state, target, read_at) VALUES (?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (account_id, kind, title_key) DO UPDATE SET state = excluded.state, target = CASE WHEN sync_entries.target = 'null' THEN excluded.target ELSE sync_entries.target END`,
  ).run(side.accountId, side.kind, entry.titleKey, entry.title, JSON.stringify(state), toJson(entry.target), readAt);
}

/** A side's stored list, ordered by title key; empty when it was never read. */
export function loadSideEntries(db: Database.Database, accountId: string, kind: SideKind): SideEntry[] {
  const rows = db.prepare<[string, string], Row>('SELECT title_key, title, state, target FROM sync_entries WHERE account_id = ? AND kind = ? ORDER BY title_key').all(accountId, kind);
  return rows.map((row) => {
    const place = { table: 'sync_entries', row: `account ${accountId}, ${kind}, title ${row.title_key}` };
    return {
      titleKey: row.title_key,
      title: row.title,
      state: readJson(sideStateSchema, row.state, { ...place, column: 'state' }),
      target: readJson(targetSchema, row.target, { ...place, column: 'target' }),
    };
  });
}

/** How many titles the side's stored list holds: the size guards weigh an undo against. */
export function countSideEntries(db: Database.Database, accountId: string, kind: SideKind): number {
  return db.prepare<[string, string], { n: number }>('SELECT count(*) AS n FROM sync_entries WHERE account_id = ? AND kind = ?').get(accountId, kind)?.n ?? 0;
}

export interface StoredListCount {
  accountId: string;
  service: string;
  kind: string;
  entries: number;
  readAt: string | null;
}

/** Every stored list with its size and when it was read: the Dashboard's counts per service. */
export function storedListCounts(db: Database.Database): StoredListCount[] {
  return db
    .prepare<[], StoredListCount>(
      `SELECT e.account_id AS accountId, a.service AS service, e.kind AS kind, count(*) AS entries, max(e.read_at) AS readAt
       FROM sync_entries e JOIN accounts a ON a.id = e.account_id GROUP BY e.account_id, e.kind ORDER BY a.service, e.kind`,
    )
    .all();
}

/** When the side's list was last stored, or null when never. */
export function sideEntriesReadAt(db: Database.Database, accountId: string, kind: SideKind): string | null {
  return db.prepare<[string, string], { at: string | null }>('SELECT max(read_at) AS at FROM sync_entries WHERE account_id = ? AND kind = ?').get(accountId, kind)?.at ?? null;
}
