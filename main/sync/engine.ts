import type Database from 'better-sqlite3';
import { AppError, type Settings } from '../../shared/contract';
import type { PairId, RunResult, SyncProgressEvent } from '../../shared/contract/sync';
import type { Logger } from '../app/ports';
import type { ListSide, PlannedWrite, SyncPlan } from './model';
import { planSync } from './plan/planner';
import { runPlan } from './run/run-plan';

export interface SyncEngineDeps {
  db: Database.Database;
  logger: Logger;
  settings(): Settings['sync'];
  /** The lists of every connected account, built fresh for each plan. */
  sides(): Promise<ListSide[]>;
  progress(event: SyncProgressEvent): void;
  /** Test seam: the chaos test stops the process between batches. */
  afterBatch?(): void | Promise<void>;
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

  async function exclusive<T>(work: () => Promise<T>): Promise<T> {
    if (busy) throw new AppError('conflict', 'A sync is already running. Wait for it to finish (its progress is on the Dashboard).');
    busy = true;
    try {
      return await work();
    } finally {
      busy = false;
    }
  }

  async function makePlan(request: PlanRequest): Promise<{ plan: SyncPlan; sides: ListSide[] }> {
    deps.progress({ runId: null, phase: 'reading', done: 0, total: 0, current: null });
    const settings = deps.settings();
    const only = request.pairs ? new Set<string>(request.pairs) : null;
    const sides = await deps.sides();
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
      exclusive(async () => {
        const { plan } = await makePlan(request);
        previews.set(plan.id, plan);
        for (const id of [...previews.keys()].slice(0, Math.max(0, previews.size - KEPT_PREVIEWS))) previews.delete(id);
        deps.progress({ runId: null, phase: 'finished', done: 0, total: 0, current: null });
        return plan;
      }),

    run: (request = {}) =>
      exclusive(async () => {
        const preview = request.planId ? previews.get(request.planId) : undefined;
        if (request.planId && !preview) {
          return { runId: null, status: 'stale', written: 0, failed: 0, queued: 0, conflicts: [], guard: { reasons: [] }, message: 'That preview is no longer available (the app restarted or newer previews replaced it). Preview again.' } satisfies RunResult;
        }
        const { plan, sides } = await makePlan(request);
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
        const settings = deps.settings();
        const result = await runPlan({
          db: deps.db,
          plan,
          sides,
          ...(approve ? { approve } : {}),
          confirm: request.confirm ?? false,
          guardLimits: { share: settings.guardShare, entries: settings.guardEntries },
          logger: deps.logger,
          onProgress: (progress) => deps.progress({ runId: plan.id, phase: 'writing', ...progress }),
          ...(deps.afterBatch ? { afterBatch: deps.afterBatch } : {}),
        });
        deps.progress({ runId: result.runId, phase: 'finished', done: result.written, total: result.written + result.failed, current: null });
        if (moved === 0) return result;
        return { ...result, message: `${result.message} ${moved} approved change${moved === 1 ? '' : 's'} moved since the preview and ${moved === 1 ? 'was' : 'were'} not sent; preview again to see ${moved === 1 ? 'it' : 'them'}.` };
      }),
  };
}
