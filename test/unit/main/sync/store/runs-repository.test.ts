import { describe, expect, it } from 'vitest';
import { AppError } from '../../../../../shared/contract';
import { addJournalRows, createRun, findRunsWithStatus, finishRun, getRun, listRuns, markJournal, setRunStatus } from '../../../../../main/sync/store';
import { anilist, mal, planOf, plannedWrite, useSyncDatabase } from './support';

const open = useSyncDatabase();

describe('sync runs', () => {
  it('records a run with its plan and reads it back whole, including changes to fields a side did not carry', () => {
    const { db } = open();
    // `before: undefined` does not survive JSON; it must read back as undefined, not fail the plan's schema.
    const plan = planOf('run-1', [plannedWrite(mal, 'anime:anilist:1', [['progress', 3, 4], ['notes', undefined, 'rewatch']])]);
    plan.conflicts = [{ id: 'c', titleKey: 'anime:anilist:1', title: 'Bebop', field: 'score', sides: [{ side: anilist, value: 90, base: undefined, updatedAt: null }] }];
    createRun(db, { id: 'run-1', kind: 'sync', plan, startedAt: '2026-11-22T08:00:00.000Z' });
    expect(getRun(db, 'run-1')).toEqual({ id: 'run-1', kind: 'sync', status: 'running', dryRun: false, plan, summary: null, undoOf: null, startedAt: '2026-11-22T08:00:00.000Z', finishedAt: null });
    expect(getRun(db, 'nope')).toBeUndefined();

    createRun(db, { id: 'run-2', kind: 'undo', plan: planOf('run-2'), undoOf: 'run-1', dryRun: true, status: 'planned' });
    expect(getRun(db, 'run-2')).toMatchObject({ kind: 'undo', status: 'planned', dryRun: true, undoOf: 'run-1' });
  });

  it('runs one plan once', () => {
    const { db } = open();
    createRun(db, { id: 'run-1', kind: 'sync', plan: planOf('run-1') });
    expect(() => createRun(db, { id: 'run-1', kind: 'sync', plan: planOf('run-1') })).toThrow(AppError);
    expect(() => createRun(db, { id: 'run-1', kind: 'sync', plan: planOf('run-1') })).toThrow(/already started/);
  });

  it('moves a run through its statuses and finishes it with a summary', () => {
    const { db } = open();
    createRun(db, { id: 'run-1', kind: 'sync', plan: planOf('run-1') });
    expect(setRunStatus(db, 'run-1', 'interrupted')).toBe(true);
    expect(setRunStatus(db, 'nope', 'running')).toBe(false);
    expect(getRun(db, 'run-1')?.status).toBe('interrupted');
    expect(finishRun(db, 'run-1', 'partial', { written: 3, failed: 1 }, '2026-11-22T08:05:00.000Z')).toBe(true);
    expect(getRun(db, 'run-1')).toMatchObject({ status: 'partial', summary: { written: 3, failed: 1 }, finishedAt: '2026-11-22T08:05:00.000Z' });
    expect(() => setRunStatus(db, 'run-1', 'halfway' as 'done')).toThrow(/CHECK/);
  });

  it('finds runs by status, oldest first (a killed process leaves them running)', () => {
    const { db } = open();
    createRun(db, { id: 'b', kind: 'sync', plan: planOf('b'), startedAt: '2026-11-22T09:00:00.000Z' });
    createRun(db, { id: 'a', kind: 'outbox', plan: planOf('a'), startedAt: '2026-11-22T08:00:00.000Z' });
    createRun(db, { id: 'c', kind: 'sync', plan: planOf('c'), startedAt: '2026-11-22T10:00:00.000Z' });
    finishRun(db, 'c', 'done', {});
    expect(findRunsWithStatus(db, 'running').map((run) => run.id)).toEqual(['a', 'b']);
    expect(findRunsWithStatus(db, ['done', 'running']).map((run) => run.id)).toEqual(['a', 'b', 'c']);
    expect(findRunsWithStatus(db, [])).toEqual([]);
    expect(findRunsWithStatus(db, 'failed')).toEqual([]);
  });

  it('lists the history newest first, a page at a time, with each run’s write counts', () => {
    const { db } = open();
    const writes = [plannedWrite(mal, 'anime:anilist:1', [['progress', 1, 2]]), plannedWrite(mal, 'anime:anilist:2', [['progress', 1, 2]]), plannedWrite(mal, 'anime:anilist:3', [['progress', 1, 2]])];
    createRun(db, { id: 'old', kind: 'sync', plan: planOf('old', writes), startedAt: '2026-11-20T08:00:00.000Z' });
    addJournalRows(db, 'old', writes.map((write) => ({ write, before: null })));
    markJournal(db, 'old', writes[0]!.id, 'done', { result: { progress: 2 } });
    markJournal(db, 'old', writes[1]!.id, 'done', { result: { progress: 2 } });
    markJournal(db, 'old', writes[2]!.id, 'failed', { error: { code: 'network', message: 'offline', retryable: true } });
    createRun(db, { id: 'new', kind: 'undo', plan: planOf('new'), undoOf: 'old', startedAt: '2026-11-22T08:00:00.000Z' });
    createRun(db, { id: 'mid', kind: 'sync', plan: planOf('mid'), startedAt: '2026-11-21T08:00:00.000Z' });
    finishRun(db, 'old', 'partial', { written: 2 }, '2026-11-20T08:01:00.000Z');

    const first = listRuns(db, { limit: 2, offset: 0 });
    expect(first.total).toBe(3);
    expect(first.runs.map((run) => run.id)).toEqual(['new', 'mid']);
    expect(first.runs[0]).toEqual({ id: 'new', kind: 'undo', status: 'running', dryRun: false, undoOf: 'old', startedAt: '2026-11-22T08:00:00.000Z', finishedAt: null, writes: 0, done: 0, failed: 0 });
    expect(listRuns(db, { limit: 2, offset: 2 }).runs).toEqual([
      { id: 'old', kind: 'sync', status: 'partial', dryRun: false, undoOf: null, startedAt: '2026-11-20T08:00:00.000Z', finishedAt: '2026-11-20T08:01:00.000Z', writes: 3, done: 2, failed: 1 },
    ]);
  });

  it('names a run whose plan or summary is damaged', () => {
    const { db } = open();
    createRun(db, { id: 'run-1', kind: 'sync', plan: planOf('run-1') });
    db.prepare("UPDATE sync_runs SET plan = '{\"id\": \"run-1\"}'").run();
    expect(() => getRun(db, 'run-1')).toThrow(/sync_runs, run run-1, column plan/);
    // The history does not read plans, so one damaged run does not hide the others.
    expect(listRuns(db, { limit: 10, offset: 0 }).total).toBe(1);
    db.prepare("UPDATE sync_runs SET plan = ?, summary = '[1]'").run(JSON.stringify(planOf('run-1')));
    expect(() => getRun(db, 'run-1')).toThrow(/sync_runs, run run-1, column summary/);
  });
});
