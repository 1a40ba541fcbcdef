import type Database from 'better-sqlite3';
import type { ListBackupView } from '../../../shared/contract/sync';
import type { SideEntry, SideRef } from '../model';
import { readJson } from './read-json';
import { sideEntriesSchema, sideRefOf } from './state-schema';

/**
 * Whole lists as they were before a run first wrote to them (sync_list_backups, migration 006), DESIGN §5.6:
 * whatever a run (or a bug in it) does to a list, the list can be put back as it was, entry by entry.
 */

export interface ListBackup extends ListBackupView {
  list: SideEntry[];
}

interface Row {
  id: number;
  run_id: string;
  account_id: string;
  service: string;
  kind: string;
  scale: string | null;
  taken_at: string;
  entry_count: number;
}

const viewColumns = 'SELECT id, run_id, account_id, service, kind, scale, taken_at, entry_count FROM sync_list_backups';

function toView(row: Row): ListBackupView {
  return { id: row.id, runId: row.run_id, side: sideRefOf(row, { table: 'sync_list_backups', row: `backup ${row.id}` }), takenAt: row.taken_at, entries: row.entry_count };
}

/**
 * Keeps `entries` as the list's backup for this run unless the run already has one for the list: only the
 * list before the run's FIRST write is worth keeping, and a resumed run must not replace it with the list
 * as its first half left it. Returns whether the backup was taken now.
 */
export function saveListBackupOnce(db: Database.Database, runId: string, side: SideRef, entries: readonly SideEntry[], takenAt: string = new Date().toISOString()): boolean {
  return (
    db
      .prepare(
        `INSERT INTO sync_list_backups (run_id, account_id, service, kind, scale, taken_at, entry_count, entries) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (run_id, account_id, kind) DO NOTHING`,
      )
      .run(runId, side.accountId, side.service, side.kind, side.scale, takenAt, entries.length, JSON.stringify(entries)).changes > 0
  );
}

/** The backups, newest first (one account's only when `accountId` is given); the lists themselves are not read. */
export function listListBackups(db: Database.Database, filter: { accountId?: string } = {}): ListBackupView[] {
  if (filter.accountId !== undefined) return db.prepare<[string], Row>(`${viewColumns} WHERE account_id = ? ORDER BY taken_at DESC, id DESC`).all(filter.accountId).map(toView);
  return db.prepare<[], Row>(`${viewColumns} ORDER BY taken_at DESC, id DESC`).all().map(toView);
}

/** One backup with its whole list; undefined when there is none with this id. */
export function getListBackup(db: Database.Database, id: number): ListBackup | undefined {
  const row = db.prepare<[number], Row & { entries: string }>('SELECT id, run_id, account_id, service, kind, scale, taken_at, entry_count, entries FROM sync_list_backups WHERE id = ?').get(id);
  if (!row) return undefined;
  return { ...toView(row), list: readJson(sideEntriesSchema, row.entries, { table: 'sync_list_backups', row: `backup ${row.id} (run ${row.run_id}, ${row.account_id} ${row.kind})`, column: 'entries' }) };
}
