import type Database from 'better-sqlite3';
import type { SideKind, SideState, TitleKey } from '../model';
import { readJson } from './read-json';
import { sideStateSchema } from './state-schema';

/**
 * The last-synced base of each title on each list (sync_bases, migration 006): the common ancestor of the
 * 3-way merge. Only what both sides agreed on at the end of a run is written here; a title with no base was
 * never synced on that list (or was removed from it by a sync).
 */

/** A list's bases by title key. */
export function loadBases(db: Database.Database, accountId: string, kind: SideKind): Map<TitleKey, SideState> {
  const rows = db.prepare<[string, string], { title_key: string; state: string }>('SELECT title_key, state FROM sync_bases WHERE account_id = ? AND kind = ?').all(accountId, kind);
  return new Map(
    rows.map((row) => [row.title_key, readJson(sideStateSchema, row.state, { table: 'sync_bases', row: `account ${accountId}, ${kind}, title ${row.title_key}`, column: 'state' })]),
  );
}

/**
 * Records the agreed state of one title on one list; `null` deletes it (the title is no longer on the list
 * after a sync). `runId` names the run that agreed on it (null: the sides were found in step).
 */
export function saveBase(db: Database.Database, accountId: string, kind: SideKind, titleKey: TitleKey, state: SideState | null, runId: string | null, syncedAt: string = new Date().toISOString()): void {
  if (state === null) {
    db.prepare('DELETE FROM sync_bases WHERE account_id = ? AND kind = ? AND title_key = ?').run(accountId, kind, titleKey);
    return;
  }
  db.prepare(
    `INSERT INTO sync_bases (account_id, kind, title_key, state, synced_at, run_id) VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT (account_id, kind, title_key) DO UPDATE SET state = excluded.state, synced_at = excluded.synced_at, run_id = excluded.run_id`,
  ).run(accountId, kind, titleKey, JSON.stringify(state), syncedAt, runId);
}
