import type Database from 'better-sqlite3';
import type { RunResult } from '../../../shared/contract/sync';
import type { Logger } from '../../app/ports';
import { evaluateGuards } from '../merge/index';
import type { ListSide, PlannedWrite, SyncPlan } from '../model';
import { createRun, finishRun } from '../store/index';
import { executeWrites, sideKey, type WriteProgress } from './execute-writes';
import { settleBases } from './settle-bases';

export interface RunPlanOptions {
  db: Database.Database;
  plan: SyncPlan;
  sides: readonly ListSide[];
  /** Only these write ids (the person approved them one by one); all when absent. */
  approve?: ReadonlySet<string>;
  /** The person confirmed what the guards asked about. */
  confirm?: boolean;
  kind?: 'sync' | 'undo' | 'restore';
  undoOf?: string | null;
  guardLimits: { share: number; entries: number };
  signal?: AbortSignal;
  logger?: Logger;
  onProgress?(progress: WriteProgress): void;
  afterBatch?(): void | Promise<void>;
}

const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;

/**
 * Executes a plan (DESIGN §5.4-5): stops before sending anything when a guard asks for confirmation, records
 * the run, sends the approved writes through the journal, then settles the bases of everything now in step.
 */
export async function runPlan(options: RunPlanOptions): Promise<RunResult> {
  const { db, plan } = options;
  const writes: PlannedWrite[] = options.approve ? plan.writes.filter((write) => options.approve?.has(write.id)) : plan.writes;
  const listSizes = new Map(plan.lists.map((list) => [sideKey(list.side), list.entries]));
  const guard = evaluateGuards(writes, listSizes, options.guardLimits);
  const base = { conflicts: [], guard };

  if (guard.reasons.length > 0 && !options.confirm) {
    return { ...base, runId: null, status: 'needs-confirmation', written: 0, failed: 0, queued: 0, message: `Nothing was sent. ${guard.reasons.map((reason) => reason.message).join(' ')} Confirm to go ahead.` };
  }
  if (writes.length === 0) {
    settleBases(db, null, plan, new Set());
    const open = plan.conflicts.length > 0 ? ` ${plural(plan.conflicts.length, 'conflict')} wait for your choice.` : '';
    return { ...base, runId: null, status: 'nothing-to-do', written: 0, failed: 0, queued: 0, message: `Everything is in step.${open}` };
  }

  createRun(db, { id: plan.id, kind: options.kind ?? 'sync', plan: { ...plan, writes }, dryRun: false, undoOf: options.undoOf ?? null });
  const sides = new Map(options.sides.map((side) => [sideKey(side.ref), side]));
  let outcome;
  try {
    outcome = await executeWrites({
      db,
      runId: plan.id,
      writes,
      sides,
      ...(options.signal ? { signal: options.signal } : {}),
      ...(options.logger ? { logger: options.logger } : {}),
      ...(options.onProgress ? { onProgress: options.onProgress } : {}),
      ...(options.afterBatch ? { afterBatch: options.afterBatch } : {}),
    });
  } catch (error) {
    // Cancelled or crashed mid-run: the journal says what landed; the next start resumes the rest.
    finishRun(db, plan.id, 'interrupted', { error: (error as Error).message });
    throw error;
  }
  if ((options.kind ?? 'sync') === 'sync') settleBases(db, plan.id, { ...plan, writes }, outcome.failedTitles);

  const status = outcome.failed === 0 ? 'done' : outcome.written > 0 ? 'partial' : 'failed';
  finishRun(db, plan.id, status, { written: outcome.written, failed: outcome.failed, queued: outcome.queued });
  const queued = outcome.queued > 0 ? ` ${plural(outcome.queued, 'write')} will be retried when the service answers again.` : '';
  const failed = outcome.failed > 0 ? ` ${plural(outcome.failed, 'write')} failed (see the run's details).` : '';
  return { ...base, runId: plan.id, status, written: outcome.written, failed: outcome.failed, queued: outcome.queued, message: `${plural(outcome.written, 'change')} written.${failed}${queued}` };
}
