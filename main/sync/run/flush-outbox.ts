import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { Logger } from '../../app/ports';
import type { ListSide, PlannedWrite } from '../model';
import { writeIdOf } from '../model';
import { createRun, dueOutbox, finishRun, markOutboxFailed, markOutboxSent, type OutboxItem } from '../store/index';
import { executeWrites, sideKey } from './execute-writes';

export interface OutboxFlush {
  runId: string | null;
  sent: number;
  failed: number;
  /** Items waiting for a service that is not connected (they stay queued). */
  waiting: number;
}

/**
 * Sends what waits in the outbox (DESIGN §5.7): local edits and writes that failed for a reason that may pass.
 * Items of one title and list go as one write; they are journaled like any run (kind 'outbox'), so a kill
 * mid-send resumes like a sync. A failure keeps the item, with its error and the next try pushed back.
 */
export async function flushOutbox(db: Database.Database, sides: readonly ListSide[], now: Date, logger?: Logger): Promise<OutboxFlush> {
  const due = dueOutbox(db, now.toISOString());
  const bySide = new Map(sides.map((side) => [sideKey(side.ref), side]));
  const groups = new Map<string, OutboxItem[]>();
  let waiting = 0;
  for (const item of due) {
    if (!bySide.has(sideKey(item.side))) {
      waiting += 1;
      continue;
    }
    const key = `${sideKey(item.side)}|${item.titleKey}`;
    groups.set(key, [...(groups.get(key) ?? []), item]);
  }
  if (groups.size === 0) return { runId: null, sent: 0, failed: 0, waiting };

  const writes: PlannedWrite[] = [];
  const itemsOf = new Map<string, OutboxItem[]>();
  for (const items of groups.values()) {
    const first = items[0];
    if (!first) continue;
    const id = writeIdOf(first.side, first.titleKey);
    itemsOf.set(id, items);
    writes.push({
      id,
      side: first.side,
      titleKey: first.titleKey,
      title: first.title,
      op: 'update',
      changes: items.map((item) => ({ field: item.field, before: undefined, after: item.value, from: item.side, reason: item.origin === 'edit' ? 'your edit in Kizuna' : 'retrying a write that failed earlier' })),
      target: first.target,
      guards: [],
    });
  }

  const runId = randomUUID();
  createRun(db, {
    id: runId,
    kind: 'outbox',
    plan: { id: runId, createdAt: now.toISOString(), pairs: [], lists: [], problems: [], writes, conflicts: [], skipped: [], guard: { reasons: [] } },
  });
  const outcome = await executeWrites({ db, runId, writes, sides: bySide, queueFailures: false, ...(logger ? { logger } : {}) });
  for (const write of writes) {
    const items = itemsOf.get(write.id) ?? [];
    const error = outcome.errors.get(write.id);
    if (error) for (const item of items) markOutboxFailed(db, item.id, error, now.toISOString());
    else markOutboxSent(db, items.map((item) => item.id));
  }
  finishRun(db, runId, outcome.failed === 0 ? 'done' : outcome.written > 0 ? 'partial' : 'failed', { written: outcome.written, failed: outcome.failed });
  return { runId, sent: outcome.written, failed: outcome.failed, waiting };
}
