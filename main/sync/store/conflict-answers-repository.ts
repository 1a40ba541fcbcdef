import type Database from 'better-sqlite3';

/**
 * The person's answers to conflicts the rules left open (sync_conflict_answers, migration 006): conflict id
 * → the account whose value wins. The merge reads them as `MergeOptions.resolutions`; an answer is cleared
 * once the run that applied it settled the title, so a later, new conflict on the same field asks again.
 */

/** Records (or changes) the answer to one conflict. */
export function saveConflictAnswer(db: Database.Database, conflictId: string, accountId: string, answeredAt: string = new Date().toISOString()): void {
  db.prepare(
    `INSERT INTO sync_conflict_answers (conflict_id, account_id, answered_at) VALUES (?, ?, ?)
     ON CONFLICT (conflict_id) DO UPDATE SET account_id = excluded.account_id, answered_at = excluded.answered_at`,
  ).run(conflictId, accountId, answeredAt);
}

/** Every answer: conflict id → the account whose value wins. */
export function loadConflictAnswers(db: Database.Database): Map<string, string> {
  const rows = db.prepare<[], { conflict_id: string; account_id: string }>('SELECT conflict_id, account_id FROM sync_conflict_answers ORDER BY conflict_id').all();
  return new Map(rows.map((row) => [row.conflict_id, row.account_id]));
}

/** Forgets an answer; false when there was none. */
export function clearConflictAnswer(db: Database.Database, conflictId: string): boolean {
  return db.prepare('DELETE FROM sync_conflict_answers WHERE conflict_id = ?').run(conflictId).changes > 0;
}
