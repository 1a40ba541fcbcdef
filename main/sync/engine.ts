import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import { AppError, type Settings } from '../../shared/contract';
import type { PairId, RunResult, SyncProgressEvent } from '../../shared/contract/sync';
import type { Logger } from '../app/ports';
import type { ListSide, PlannedWrite, SyncPlan } from './model';
import { planSync } from './plan/planner';
import { flushOutbox, type OutboxFlush } from './run/flush-outbox';
import { planRestore } from './run/restore-plan';
import { resumeInterruptedRuns } from './run/resume-runs';
import { acquireRunLock } from './run/run-lock';
import { runPlan } from './run/run-plan';
import { planUndo } from './run/undo-plan';
import { countSideEntries, enqueueEdit, getListBackup, getRun, listJournal, loadSideEntries } from './store/index';
import { sideKey } from './run/execute-writes';
import type { FieldValue, SyncField } from './model';

export interface SyncEngineDeps {
  db: Database.Database;
  logger: Logger;
  settings(): Settings['sync'];
  /** The lists of every connected account, built fresh for each plan. */
  sides(): Promise<ListSide[]>;
  progress(event: SyncProgressEvent): void;
  /** Test seam: the chaos test stops the process between batches. */
  afterBatch?(): void | Promise<void>;
  now?: () => Date;
}

export interface PlanRequest {
  full?: boolean;
  pairs?: PairId[];
}

export interface RunRequest extends PlanRequest {
  planId?: string;
  approve?: string[];
  confirm?: boolean;
}

export interface SyncEngine {
  plan(request?: PlanRequest): Promise<SyncPlan>;
  run(request?: RunRequest): Promise<RunResult>;
  undo(runId: string, options?: { titleKey?: string; confirm?: boolean }): Promise<RunResult>;
  restore(backupId: number, options?: { confirm?: boolean }): Promise<RunResult>;
  /** Queues a local edit for every list holding the title, then tries to send the outbox. */
  edit(titleKey: string, changes: ReadonlyArray<{ field: SyncField; value: FieldValue }>): Promise<{ queued: number; sent: number }>;
  flushOutbox(): Promise<OutboxFlush>;
  readonly running: boolean;
}

/** Previews kept for `sync.run({ planId })`: the person approves from the screen they are looking at. */
const KEPT_PREVIEWS = 5;

const sameWrite = (a: PlannedWrite, b: PlannedWrite) => a.op === b.op && JSON.stringify(a.changes.map(({ field, before, after }) => [field, before, after])) === JSON.stringify(b.changes.map(({ field, before, after }) => [field, before, after]));

/**
 * Plans and runs, one at a time. Running a preview re-plans first (the lists' change markers make that cheap)
 * and sends only approved writes that are still exactly what the preview showed: anything that moved since
 * is left for the next preview, never sent on the strength of an old one.
 */
export function createSyncEngine(deps: SyncEngineDeps): SyncEngine {
  const previews = new Map<string, SyncPlan>();
  let busy = false;

  const now = deps.now ?? (() => new Date());

  /**
   * One sync, undo, restore or outbox send at a time, in this process and across processes (run-lock.ts).
   * Runs a killed process left behind are finished first: their writes are older than anything planned now.
   */
  async function exclusive<T>(work: (sides: ListSide[]) => Promise<T>): Promise<T> {
    if (busy) throw new AppError('conflict', 'A sync is already running. Wait for it to finish (its progress is on the Dashboard).');
    busy = true;
    const lock = acquireRunLockOrRelease();
    try {
      const sides = await deps.sides();
      await resumeInterruptedRuns(deps.db, sides, deps.logger);
      return await work(sides);
    } finally {
      lock.release();
      busy = false;
    }
  }

  function acquireRunLockOrRelease() {
    try {
      return acquireRunLock(deps.db);
    } catch (error) {
      busy = false;
      throw error;
    }
  }

  function finished(result: RunResult): RunResult {
    deps.progress({ runId: result.runId, phase: 'finished', done: result.written, total: result.written + result.failed, current: null });
    return result;
  }

  const guardLimits = () => ({ share: deps.settings().guardShare, entries: deps.settings().guardEntries });

  async function makePlan(request: PlanRequest, sides: ListSide[]): Promise<{ plan: SyncPlan; sides: ListSide[] }> {
    deps.progress({ runId: null, phase: 'reading', done: 0, total: 0, current: null });
    const settings = deps.settings();
    const only = request.pairs ? new Set<string>(request.pairs) : null;
    const plan = await planSync({
      db: deps.db,
      sides,
      settings: only ? { ...settings, pairs: Object.fromEntries(Object.entries(settings.pairs).filter(([id]) => only.has(id))) } : settings,
      full: request.full ?? false,
      logger: deps.logger,
    });
    deps.progress({ runId: null, phase: 'planning', done: plan.writes.length, total: plan.writes.length, current: null });
    return { plan, sides };
  }

  return {
    get running() {
      return busy;
    },

    plan: (request = {}) =>
      exclusive(async (sides) => {
        const { plan } = await makePlan(request, sides);
        previews.set(plan.id, plan);
        for (const id of [...previews.keys()].slice(0, Math.max(0, previews.size - KEPT_PREVIEWS))) previews.delete(id);
        deps.progress({ runId: null, phase: 'finished', done: 0, total: 0, current: null });
        return plan;
      }),

    run: (request = {}) =>
      exclusive(async (current) => {
        const preview = request.planId ? previews.get(request.planId) : undefined;
        if (request.planId && !preview) {
          return { runId: null, status: 'stale', written: 0, failed: 0, queued: 0, conflicts: [], guard: { reasons: [] }, message: 'That preview is no longer available (the app restarted or newer previews replaced it). Preview again.' } satisfies RunResult;
        }
        const { plan, sides } = await makePlan(request, current);
        let approve: Set<string> | undefined;
        let moved = 0;
        if (preview) {
          const wanted = new Set(request.approve ?? preview.writes.map((write) => write.id));
          const previewed = new Map(preview.writes.map((write) => [write.id, write]));
          approve = new Set(
            plan.writes
              .filter((write) => {
                const before = previewed.get(write.id);
                return wanted.has(write.id) && before !== undefined && sameWrite(before, write);
              })
              .map((write) => write.id),
          );
          moved = [...wanted].filter((id) => !approve?.has(id)).length;
        } else if (request.approve) {
          approve = new Set(request.approve);
        }
        const result = await runPlan({
          db: deps.db,
          plan,
          sides,
          ...(approve ? { approve } : {}),
          confirm: request.confirm ?? false,
          guardLimits: guardLimits(),
          logger: deps.logger,
          onProgress: (progress) => deps.progress({ runId: plan.id, phase: 'writing', ...progress }),
          ...(deps.afterBatch ? { afterBatch: deps.afterBatch } : {}),
        });
        finished(result);
        if (moved === 0) return result;
        return { ...result, message: `${result.message} ${moved} approved change${moved === 1 ? '' : 's'} moved since the preview and ${moved === 1 ? 'was' : 'were'} not sent; preview again to see ${moved === 1 ? 'it' : 'them'}.` };
      }),

    undo: (runId, options = {}) =>
      exclusive(async (sides) => {
        const run = getRun(deps.db, runId);
        if (!run) throw new AppError('not_found', 'That run is not in the history any more.');
        const rows = listJournal(deps.db, runId, options.titleKey ? { titleKey: options.titleKey } : {});
        const undo = await planUndo(runId, rows, sides);
        const plan: SyncPlan = { ...emptyPlan(now()), lists: listsOf(deps.db, sides), writes: undo.writes, conflicts: undo.conflicts };
        const result = await runPlan({ db: deps.db, plan, sides, confirm: options.confirm ?? false, kind: 'undo', undoOf: runId, guardLimits: guardLimits(), logger: deps.logger, onProgress: (progress) => deps.progress({ runId: plan.id, phase: 'writing', ...progress }) });
        return finished({ ...result, conflicts: undo.conflicts, message: undo.conflicts.length > 0 ? `${result.message} ${undo.conflicts.length} title${undo.conflicts.length === 1 ? ' was' : 's were'} changed since and left as they are.` : result.message });
      }),

    restore: (backupId, options = {}) =>
      exclusive(async (sides) => {
        const backup = getListBackup(deps.db, backupId);
        if (!backup) throw new AppError('not_found', 'That list backup is not there any more.');
        const side = sides.find((candidate) => sideKey(candidate.ref) === sideKey(backup.side));
        if (!side) throw new AppError('not_found', 'The account that list belongs to is not connected. Connect it again to restore the list.');
        const read = await side.read({ full: true });
        const writes = planRestore(side, backup.list, read.entries, `restoring the list as it was on ${backup.takenAt.slice(0, 10)}`);
        const plan: SyncPlan = { ...emptyPlan(now()), lists: [{ side: side.ref, entries: read.entries.length, unmatched: read.unmatched }], writes };
        const result = await runPlan({ db: deps.db, plan, sides, confirm: options.confirm ?? false, kind: 'restore', guardLimits: { share: 1, entries: Number.MAX_SAFE_INTEGER }, logger: deps.logger, onProgress: (progress) => deps.progress({ runId: plan.id, phase: 'writing', ...progress }) });
        return finished(result);
      }),

    async edit(titleKey, changes) {
      const kind = titleKey.split(':')[0] ?? '';
      const sides = await deps.sides();
      let queued = 0;
      for (const side of sides.filter((candidate) => candidate.ref.kind === kind)) {
        const entry = loadSideEntries(deps.db, side.ref.accountId, side.ref.kind).find((candidate) => candidate.titleKey === titleKey);
        if (!entry) continue;
        for (const change of changes.filter((item) => side.carries.includes(item.field))) {
          enqueueEdit(deps.db, { side: side.ref, titleKey, title: entry.title, field: change.field, value: change.value, target: entry.target, origin: 'edit' });
          queued += 1;
        }
      }
      if (queued === 0) throw new AppError('not_found', 'No connected list holds that title. Sync first, or add it on a service.');
      if (busy) return { queued, sent: 0 };
      const flush = await this.flushOutbox().catch((error: unknown) => {
        deps.logger.warn('the outbox could not be sent now; it stays queued', { message: (error as Error).message });
        return null;
      });
      return { queued, sent: flush?.sent ?? 0 };
    },

    flushOutbox: () => exclusive((sides) => flushOutbox(deps.db, sides, now(), deps.logger)),
  };
}

function emptyPlan(now: Date): SyncPlan {
  return { id: randomUUID(), createdAt: now.toISOString(), pairs: [], lists: [], problems: [], writes: [], conflicts: [], skipped: [], guard: { reasons: [] } };
}

/** The lists as last stored: an undo of 6 writes to a list of 400 is small, one to a list of 10 is not. */
function listsOf(db: Database.Database, sides: readonly ListSide[]): SyncPlan['lists'] {
  return sides.map((side) => ({ side: side.ref, entries: countSideEntries(db, side.ref.accountId, side.ref.kind), unmatched: 0 }));
}
