import type Database from 'better-sqlite3';
import type { z } from 'zod';
import { AppError } from '../../../shared/contract';
import type { runKindSchema, runStatusSchema, RunView } from '../../../shared/contract/sync';
import type { SyncPlan } from '../model';
import { readJson } from './read-json';
import { planSchema, summarySchema } from './state-schema';

/** Sync runs (sync_runs, migration 006): a plan as executed, its status, and its summary once finished. */

export type RunKind = z.infer<typeof runKindSchema>;
export type RunStatus = z.infer<typeof runStatusSchema>;
export type RunSummary = Record<string, unknown>;

export interface StoredRun {
  id: string;
  kind: RunKind;
  status: RunStatus;
  dryRun: boolean;
  plan: SyncPlan;
  summary: RunSummary | null;
  undoOf: string | null;
  startedAt: string;
  finishedAt: string | null;
}

export interface NewRun {
  id: string;
  kind: RunKind;
  plan: SyncPlan;
  dryRun?: boolean;
  undoOf?: string | null;
  /** 'running' unless told ('planned': saved for later, e.g. a dry run kept for the preview). */
  status?: RunStatus;
  startedAt?: string;
}

interface Row {
  id: string;
  kind: RunKind;
  status: RunStatus;
  dry_run: number;
  plan: string;
  summary: string | null;
  undo_of: string | null;
  started_at: string;
  finished_at: string | null;
}

const columns = 'SELECT id, kind, status, dry_run, plan, summary, undo_of, started_at, finished_at FROM sync_runs';

function toRun(row: Row): StoredRun {
  const place = { table: 'sync_runs', row: `run ${row.id}` };
  return {
    id: row.id,
    kind: row.kind,
    status: row.status,
    dryRun: row.dry_run === 1,
    plan: readJson(planSchema, row.plan, { ...place, column: 'plan' }),
    summary: row.summary === null ? null : readJson(summarySchema, row.summary, { ...place, column: 'summary' }),
    undoOf: row.undo_of,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
  };
}

/** Records a run before anything of it is sent. The same id twice is refused (one plan runs once). */
export function createRun(db: Database.Database, run: NewRun): void {
  const exists = db.prepare<[string], { id: string }>('SELECT id FROM sync_runs WHERE id = ?').get(run.id);
  if (exists) throw new AppError('conflict', `Run ${run.id} has already started; make a new plan to sync again.`);
  db.prepare('INSERT INTO sync_runs (id, kind, status, dry_run, plan, undo_of, started_at) VALUES (?, ?, ?, ?, ?, ?, ?)').run(
    run.id,
    run.kind,
    run.status ?? 'running',
    run.dryRun ? 1 : 0,
    JSON.stringify(run.plan),
    run.undoOf ?? null,
    run.startedAt ?? new Date().toISOString(),
  );
}

/** Changes a run's status (e.g. 'running' again when resumed); false when there is no such run. */
export function setRunStatus(db: Database.Database, id: string, status: RunStatus): boolean {
  return db.prepare('UPDATE sync_runs SET status = ? WHERE id = ?').run(status, id).changes > 0;
}

/** Ends a run with its status and summary (counts, message); false when there is no such run. */
export function finishRun(db: Database.Database, id: string, status: RunStatus, summary: RunSummary, finishedAt: string = new Date().toISOString()): boolean {
  return db.prepare('UPDATE sync_runs SET status = ?, summary = ?, finished_at = ? WHERE id = ?').run(status, JSON.stringify(summary), finishedAt, id).changes > 0;
}

export function getRun(db: Database.Database, id: string): StoredRun | undefined {
  const row = db.prepare<[string], Row>(`${columns} WHERE id = ?`).get(id);
  return row ? toRun(row) : undefined;
}

/** Runs in one of these statuses, oldest first (at startup: 'running' ones were cut short by a killed process). */
export function findRunsWithStatus(db: Database.Database, status: RunStatus | readonly RunStatus[]): StoredRun[] {
  const statuses = typeof status === 'string' ? [status] : [...status];
  if (statuses.length === 0) return [];
  return db
    .prepare<string[], Row>(`${columns} WHERE status IN (${statuses.map(() => '?').join(', ')}) ORDER BY started_at, id`)
    .all(...statuses)
    .map(toRun);
}

/** The run history, newest first, with each run's write counts from its journal; plans are not parsed. */
export function listRuns(db: Database.Database, page: { limit: number; offset: number }): { runs: RunView[]; total: number } {
  const total = db.prepare<[], { n: number }>('SELECT count(*) AS n FROM sync_runs').get()?.n ?? 0;
  const rows = db
    .prepare<[number, number], Omit<Row, 'plan' | 'summary'> & { writes: number; done: number; failed: number }>(
      `SELECT r.id, r.kind, r.status, r.dry_run, r.undo_of, r.started_at, r.finished_at,
              count(j.id) AS writes,
              coalesce(sum(j.state = 'done'), 0) AS done,
              coalesce(sum(j.state = 'failed'), 0) AS failed
       FROM sync_runs r LEFT JOIN sync_journal j ON j.run_id = r.id
       GROUP BY r.id
       ORDER BY r.started_at DESC, r.id DESC
       LIMIT ? OFFSET ?`,
    )
    .all(page.limit, page.offset);
  const runs = rows.map((row) => ({
    id: row.id,
    kind: row.kind,
    status: row.status,
    dryRun: row.dry_run === 1,
    undoOf: row.undo_of,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
    writes: row.writes,
    done: row.done,
    failed: row.failed,
  }));
  return { runs, total };
}
