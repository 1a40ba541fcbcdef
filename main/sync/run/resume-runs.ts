import type Database from 'better-sqlite3';
import type { Logger } from '../../app/ports';
import type { ListSide, PlannedWrite } from '../model';
import { findRunsWithStatus, finishRun, markJournal, openJournalRows, saveBase, type JournalRow } from '../store/index';
import { executeWrites, sideKey } from './execute-writes';
import { holdsValues } from './journal-values';
import { settleBases } from './settle-bases';

export interface ResumedRun {
  runId: string;
  /** Writes found already applied (sent before the kill). */
  confirmed: number;
  /** Writes sent now. */
  resent: number;
  failed: number;
}

function writeOf(row: JournalRow): PlannedWrite {
  const changes = Object.entries(row.after).map(([field, after]) => ({ field: field as PlannedWrite['changes'][number]['field'], before: row.before?.[field as keyof typeof row.before], after, from: row.side, reason: 'resumed after an interrupted run' }));
  return { id: row.writeId, side: row.side, titleKey: row.titleKey, title: row.title, op: row.op, changes, target: row.target, guards: [] };
}

/**
 * Finishes runs a killed process left behind (issue 6 item 4): each write the journal shows as not done is
 * checked against the service first. One that landed before the kill is marked done, never sent twice; one
 * that did not is sent now. Nothing is lost and nothing is doubled, whatever moment the process died at.
 */
export async function resumeInterruptedRuns(db: Database.Database, sides: readonly ListSide[], logger?: Logger): Promise<ResumedRun[]> {
  const resumed: ResumedRun[] = [];
  for (const run of [...findRunsWithStatus(db, 'running'), ...findRunsWithStatus(db, 'interrupted')]) {
    const rows = openJournalRows(db, run.id);
    const outcome: ResumedRun = { runId: run.id, confirmed: 0, resent: 0, failed: 0 };
    const toSend: PlannedWrite[] = [];
    const bySide = new Map<string, JournalRow[]>();
    for (const row of rows) bySide.set(sideKey(row.side), [...(bySide.get(sideKey(row.side)) ?? []), row]);
    for (const [key, sideRows] of bySide) {
      const side = sides.find((candidate) => sideKey(candidate.ref) === key);
      if (!side) {
        for (const row of sideRows) markJournal(db, run.id, row.writeId, 'failed', { error: { code: 'not_found', message: 'That account is no longer connected.', retryable: false } });
        outcome.failed += sideRows.length;
        continue;
      }
      const current = await side.readCurrent(sideRows.map((row) => row.titleKey));
      for (const row of sideRows) {
        const now = current.get(row.titleKey) ?? null;
        if (holdsValues(now, row.after, row.op)) {
          markJournal(db, run.id, row.writeId, 'done', { result: now });
          saveBase(db, row.side.accountId, row.side.kind, row.titleKey, now, run.id);
          outcome.confirmed += 1;
        } else {
          toSend.push(writeOf(row));
        }
      }
    }
    let failedTitles = new Set<string>();
    if (toSend.length > 0) {
      const sent = await executeWrites({ db, runId: run.id, writes: toSend, sides: new Map(sides.map((side) => [sideKey(side.ref), side])), ...(logger ? { logger } : {}) });
      outcome.resent += sent.written;
      outcome.failed += sent.failed;
      failedTitles = sent.failedTitles;
    }
    if (run.kind === 'sync' && run.plan) settleBases(db, run.id, run.plan, failedTitles);
    finishRun(db, run.id, outcome.failed === 0 ? 'done' : 'partial', { resumed: true, confirmed: outcome.confirmed, resent: outcome.resent, failed: outcome.failed });
    logger?.info('resumed an interrupted sync run', { ...outcome });
    resumed.push(outcome);
  }
  return resumed;
}
