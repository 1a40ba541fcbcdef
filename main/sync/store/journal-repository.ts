import type Database from 'better-sqlite3';
import type { z } from 'zod';
import { AppError } from '../../../shared/contract';
import type { journalStateSchema, JournalRowView } from '../../../shared/contract/sync';
import type { FieldValue, PlannedWrite, SideRef, SideState, SyncField, WriteError } from '../model';
import { readJson, toJson } from './read-json';
import { sideRefOf, sideStateSchema, targetSchema, writeErrorSchema, writeValuesSchema, type WriteValues } from './state-schema';

/**
 * The journal of a run (sync_journal, migration 006), DESIGN §5.5: every write with the side's state before
 * it and the values it stores, recorded BEFORE anything is sent; 'sent' just before its request goes,
 * 'done' with the state the service answered after. After a killed process, 'pending' rows were never sent
 * and 'sent' rows may or may not have landed (the engine reads those titles fresh to know); nothing else
 * needs sending again. Undo restores `before`, after checking the side still holds `result`.
 */

export type JournalState = z.infer<typeof journalStateSchema>;

export interface JournalInput {
  write: PlannedWrite;
  /** The side's state of the title before the write; null: not on the list. */
  before: SideState | null;
}

export interface JournalRow {
  id: number;
  runId: string;
  writeId: string;
  side: SideRef;
  titleKey: string;
  title: string;
  op: PlannedWrite['op'];
  target: unknown;
  before: SideState | null;
  /** The values the write stores, field by field. */
  after: WriteValues;
  state: JournalState;
  error: WriteError | null;
  /** The side's state after the write: null after a removal, undefined until the write is done. */
  result: SideState | null | undefined;
  createdAt: string;
  updatedAt: string;
}

interface Row {
  id: number;
  run_id: string;
  write_id: string;
  account_id: string;
  service: string;
  kind: string;
  scale: string | null;
  title_key: string;
  title: string;
  op: PlannedWrite['op'];
  target: string;
  before: string | null;
  after: string;
  state: JournalState;
  error: string | null;
  result: string | null;
  created_at: string;
  updated_at: string;
}

const columns = 'SELECT id, run_id, write_id, account_id, service, kind, scale, title_key, title, op, target, before, after, state, error, result, created_at, updated_at FROM sync_journal';
const nullableState = sideStateSchema.nullable();

function toRow(row: Row): JournalRow {
  const place = { table: 'sync_journal', row: `run ${row.run_id}, write ${row.write_id}` };
  return {
    id: row.id,
    runId: row.run_id,
    writeId: row.write_id,
    side: sideRefOf(row, place),
    titleKey: row.title_key,
    title: row.title,
    op: row.op,
    target: readJson(targetSchema, row.target, { ...place, column: 'target' }),
    before: row.before === null ? null : readJson(sideStateSchema, row.before, { ...place, column: 'before' }),
    after: readJson(writeValuesSchema, row.after, { ...place, column: 'after' }),
    state: row.state,
    error: row.error === null ? null : readJson(writeErrorSchema, row.error, { ...place, column: 'error' }),
    result: row.result === null ? undefined : readJson(nullableState, row.result, { ...place, column: 'result' }),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/**
 * Journals a run's writes as 'pending', in one transaction. A write already journaled for this run (same
 * write id) is left exactly as it is: a resumed run calls this again with everything it still plans, and
 * must neither duplicate rows nor overwrite the first `before` (which undo restores) or a row's progress.
 * Returns how many rows were added now.
 */
export function addJournalRows(db: Database.Database, runId: string, rows: readonly JournalInput[]): number {
  // ON CONFLICT DO NOTHING, not INSERT OR IGNORE: OR IGNORE would also swallow a CHECK failure silently.
  const insert = db.prepare(
    `INSERT INTO sync_journal (run_id, write_id, account_id, service, kind, scale, title_key, title, op, target, before, after)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (run_id, write_id) DO NOTHING`,
  );
  return db.transaction(() => {
    let added = 0;
    for (const { write, before } of rows) {
      const after = Object.fromEntries(write.changes.map((change) => [change.field, change.after]));
      const { side } = write;
      added += insert.run(runId, write.id, side.accountId, side.service, side.kind, side.scale, write.titleKey, write.title, write.op, toJson(write.target), before === null ? null : JSON.stringify(before), JSON.stringify(after)).changes;
    }
    return added;
  })();
}

/**
 * Moves one journal row on: 'sent' before the request, then 'done' with `result` (the state after; null
 * after a removal) or 'failed' with `error`. A 'done' row drops an earlier error. A row that does not exist
 * is an error: the journal must hold every write before it is sent.
 */
export function markJournal(db: Database.Database, runId: string, writeId: string, state: JournalState, extra: { error?: WriteError; result?: SideState | null } = {}): void {
  const hasResult = 'result' in extra;
  const error = extra.error ? JSON.stringify(extra.error) : null;
  const changes = db
    .prepare(
      `UPDATE sync_journal SET state = @state, updated_at = @now,
         error = CASE WHEN @error IS NOT NULL THEN @error WHEN @state = 'done' THEN NULL ELSE error END,
         result = CASE WHEN @hasResult THEN @result ELSE result END
       WHERE run_id = @runId AND write_id = @writeId`,
    )
    .run({ state, now: new Date().toISOString(), error, hasResult: hasResult ? 1 : 0, result: hasResult ? toJson(extra.result) : null, runId, writeId }).changes;
  if (changes === 0) throw new AppError('internal', `Run ${runId} has no journal row for write ${writeId}; a write must be journaled before it is sent.`);
}

/** A run's journal in planned order; only one title's rows when `titleKey` is given (to undo one title). */
export function listJournal(db: Database.Database, runId: string, filter: { titleKey?: string } = {}): JournalRow[] {
  if (filter.titleKey !== undefined) return db.prepare<[string, string], Row>(`${columns} WHERE run_id = ? AND title_key = ? ORDER BY id`).all(runId, filter.titleKey).map(toRow);
  return db.prepare<[string], Row>(`${columns} WHERE run_id = ? ORDER BY id`).all(runId).map(toRow);
}

/** What a resumed run still has to settle: rows never sent ('pending') and rows that may have landed ('sent'). */
export function openJournalRows(db: Database.Database, runId: string): JournalRow[] {
  return db.prepare<[string], Row>(`${columns} WHERE run_id = ? AND state IN ('pending', 'sent') ORDER BY id`).all(runId).map(toRow);
}

/** A journal row as the run history shows it: each field written, with the side's value before and the value stored. */
export function journalRowView(row: JournalRow): JournalRowView {
  return {
    writeId: row.writeId,
    side: row.side,
    titleKey: row.titleKey,
    title: row.title,
    op: row.op,
    changes: (Object.keys(row.after) as SyncField[]).map((field) => ({ field, before: mutable(row.before?.[field]), after: mutable(row.after[field]) })),
    state: row.state,
    error: row.error?.message ?? null,
  };
}

function mutable(value: FieldValue): JournalRowView['changes'][number]['before'] {
  return Array.isArray(value) ? [...(value as readonly string[])] : (value as Exclude<FieldValue, readonly string[]>);
}
