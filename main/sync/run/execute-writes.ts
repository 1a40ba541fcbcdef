import type Database from 'better-sqlite3';
import type { Logger } from '../../app/ports';
import type { ListSide, PlannedWrite, SideState, WriteError, WriteOutcome } from '../model';
import { forgetListSnapshots } from '../../providers/cache/list-freshness';
import { addJournalRows, enqueueEdit, loadSideEntries, markJournal, saveBase, saveListBackupOnce, storeWrittenEntry } from '../store/index';
import { writeErrorOf } from '../sides/list-entry-state';
import { overlay } from './journal-values';

export interface WriteProgress {
  done: number;
  total: number;
  current: string | null;
}

export interface ExecuteWritesOptions {
  db: Database.Database;
  runId: string;
  writes: readonly PlannedWrite[];
  /** The list sides by `${accountId}|${kind}`. */
  sides: ReadonlyMap<string, ListSide>;
  signal?: AbortSignal;
  logger?: Logger;
  onProgress?(progress: WriteProgress): void;
  /** Writes per apply call; AniList packs them into aliased batches itself. */
  batchSize?: number;
  /** Test seam between batches: the chaos test stops the process here. */
  afterBatch?(): void | Promise<void>;
  /** Put retryable failures in the outbox (not when the writes come from the outbox: it keeps its own backoff). */
  queueFailures?: boolean;
}

export interface WritesOutcome {
  written: number;
  failed: number;
  queued: number;
  /** Titles with a failed write: their bases must not move, so the next plan tries again. */
  failedTitles: Set<string>;
  /** Each failed write's error, by write id. */
  errors: Map<string, WriteError>;
}

export const sideKey = (side: { accountId: string; kind: string }) => `${side.accountId}|${side.kind}`;

/**
 * Sends a run's writes (DESIGN §5.5): every write is in the journal with its before and after values before
 * anything is sent, marked `sent` just before its batch goes and `done` (with the state the service answered)
 * after, so a killed process knows exactly which writes may have landed. Before the first write to a list,
 * the list as read for the plan is kept whole (sync_list_backups). A failing write never blocks the others;
 * one that may succeed later (network, 429, 5xx) waits in the outbox.
 */
export async function executeWrites(options: ExecuteWritesOptions): Promise<WritesOutcome> {
  const { db, runId, writes } = options;
  const batchSize = options.batchSize ?? 50;
  const currentBySide = new Map<string, Map<string, SideState>>();
  const currentOf = (write: PlannedWrite) => {
    const key = sideKey(write.side);
    if (!currentBySide.has(key)) currentBySide.set(key, new Map(loadSideEntries(db, write.side.accountId, write.side.kind).map((entry) => [entry.titleKey, entry.state])));
    return currentBySide.get(key)?.get(write.titleKey) ?? null;
  };

  addJournalRows(db, runId, writes.map((write) => ({ write, before: currentOf(write) })));

  const bySide = new Map<string, PlannedWrite[]>();
  for (const write of writes) bySide.set(sideKey(write.side), [...(bySide.get(sideKey(write.side)) ?? []), write]);

  const settledBySide = new Map<string, Array<{ write: PlannedWrite; state: SideState | null }>>();
  const outcome: WritesOutcome = { written: 0, failed: 0, queued: 0, failedTitles: new Set(), errors: new Map() };
  let done = 0;
  for (const [key, sideWrites] of bySide) {
    const side = options.sides.get(key);
    const first = sideWrites[0];
    if (!side || !first) {
      for (const write of sideWrites) record(write, { writeId: write.id, ok: false, error: { code: 'not_found', message: 'That account is no longer connected.', retryable: false } });
      continue;
    }
    saveListBackupOnce(db, runId, first.side, loadSideEntries(db, first.side.accountId, first.side.kind));
    // The read cache's copy of this list is about to go stale. If the process dies before `settle` stores the
    // list as the run left it, the next read must not trust that copy: a service whose change marker has only
    // one-second stamps may not show the app's own write as a change (found by the chaos test, round 7).
    forgetListSnapshots(db, first.side.accountId, first.side.kind === 'video' ? undefined : first.side.kind);
    const settled: Array<{ write: PlannedWrite; state: SideState | null }> = [];
    settledBySide.set(key, settled);
    for (let start = 0; start < sideWrites.length; start += batchSize) {
      options.signal?.throwIfAborted();
      const batch = sideWrites.slice(start, start + batchSize);
      for (const write of batch) markJournal(db, runId, write.id, 'sent');
      let outcomes: WriteOutcome[];
      try {
        outcomes = await side.apply(batch, options.signal ? { signal: options.signal } : {});
      } catch (error) {
        // A side should answer per write; if it threw anyway, every write of the batch failed alike.
        outcomes = batch.map((write) => ({ writeId: write.id, ok: false, error: writeErrorOf(error) }));
      }
      batch.forEach((write, index) => record(write, outcomes[index] ?? { writeId: write.id, ok: false, error: { code: 'internal', message: 'No answer for this write.', retryable: false } }));
      done += batch.length;
      options.onProgress?.({ done, total: writes.length, current: batch.at(-1)?.title ?? null });
      await options.afterBatch?.();
    }
    if (settled.length > 0 && side.settle) {
      // Only saves requests on the next read; a failure here costs a full re-read, never a write.
      await side.settle(settled, options.signal ? { signal: options.signal } : {}).catch((error: unknown) => options.logger?.warn('could not store the list after writing to it; the next sync re-reads it', { list: key, message: (error as Error).message }));
    }
  }
  return outcome;

  function record(write: PlannedWrite, result: WriteOutcome): void {
    if (result.ok) {
      const state = overlay(currentOf(write), result.state, write);
      markJournal(db, runId, write.id, 'done', { result: state });
      saveBase(db, write.side.accountId, write.side.kind, write.titleKey, state, runId);
      storeWrittenEntry(db, write.side, { titleKey: write.titleKey, title: write.title, target: write.target }, state);
      settledBySide.get(sideKey(write.side))?.push({ write, state });
      outcome.written += 1;
      return;
    }
    markJournal(db, runId, write.id, 'failed', { error: result.error });
    outcome.failed += 1;
    outcome.failedTitles.add(write.titleKey);
    outcome.errors.set(write.id, result.error);
    options.logger?.warn('a sync write failed', { runId, writeId: write.id, code: result.error.code, retryable: result.error.retryable });
    if ((options.queueFailures ?? true) && result.error.retryable && write.op !== 'remove') {
      for (const change of write.changes) {
        enqueueEdit(db, { side: write.side, titleKey: write.titleKey, title: write.title, field: change.field, value: change.after, target: write.target, origin: 'sync' });
      }
      outcome.queued += 1;
    }
  }
}
