import { describe, expect, it } from 'vitest';
import { AppError } from '../../../../../shared/contract';
import { addJournalRows, createRun, getRun, journalRowView, listJournal, markJournal, openJournalRows } from '../../../../../main/sync/store';
import { mal, planOf, plannedWrite, useSyncDatabase } from './support';

const open = useSyncDatabase();

const bump = plannedWrite(mal, 'anime:anilist:1', [['progress', 3, 4], ['status', 'planning', 'current']]);
const add = plannedWrite(mal, 'anime:anilist:30', [['status', undefined, 'planning'], ['watched', undefined, ['e1', 'e2']]], 'create');
const drop = plannedWrite(mal, 'anime:anilist:5', [], 'remove');
const writes = [bump, add, drop];

function started(db: ReturnType<typeof open>['db'], id = 'run-1') {
  createRun(db, { id, kind: 'sync', plan: planOf(id, writes) });
  return addJournalRows(db, id, [
    { write: bump, before: { status: 'planning', progress: 3, score: 80 } },
    { write: add, before: null },
    { write: drop, before: { status: 'dropped', progress: 1 } },
  ]);
}

describe('sync journal', () => {
  it('journals every write as pending with the side’s state before and the values to store', () => {
    const { db } = open();
    expect(started(db)).toBe(3);
    const rows = listJournal(db, 'run-1');
    expect(rows.map((row) => [row.writeId, row.op, row.state])).toEqual([
      [bump.id, 'update', 'pending'],
      [add.id, 'create', 'pending'],
      [drop.id, 'remove', 'pending'],
    ]);
    expect(rows[0]).toMatchObject({ runId: 'run-1', side: mal, titleKey: 'anime:anilist:1', title: bump.title, target: { mediaId: 1 }, before: { status: 'planning', progress: 3, score: 80 }, after: { progress: 4, status: 'current' }, error: null, result: undefined });
    expect(rows[1]).toMatchObject({ before: null, after: { status: 'planning', watched: ['e1', 'e2'] } });
    expect(rows[2]?.after).toEqual({});
  });

  it('is resume-safe: journaling the same writes again adds nothing and keeps the first before and each row’s progress', () => {
    const { db } = open();
    started(db);
    markJournal(db, 'run-1', bump.id, 'done', { result: { status: 'current', progress: 4, score: 80 } });
    markJournal(db, 'run-1', add.id, 'sent');
    // The resumed process re-reads the list: bump's "before" is now the state after the write.
    const again = addJournalRows(db, 'run-1', [
      { write: bump, before: { status: 'current', progress: 4, score: 80 } },
      { write: add, before: null },
      { write: drop, before: { status: 'dropped', progress: 1 } },
    ]);
    expect(again).toBe(0);
    const rows = listJournal(db, 'run-1');
    expect(rows).toHaveLength(3);
    expect(rows.map((row) => row.state)).toEqual(['done', 'sent', 'pending']);
    expect(rows[0]?.before).toEqual({ status: 'planning', progress: 3, score: 80 });
    // A write the resumed run plans anew is added; another run's identical write id is its own row.
    const extra = plannedWrite(mal, 'anime:anilist:7', [['score', null, 70]]);
    expect(addJournalRows(db, 'run-1', [{ write: bump, before: null }, { write: extra, before: {} }])).toBe(1);
    createRun(db, { id: 'run-2', kind: 'sync', plan: planOf('run-2') });
    expect(addJournalRows(db, 'run-2', [{ write: bump, before: null }])).toBe(1);
    expect(listJournal(db, 'run-1')).toHaveLength(4);
  });

  it('survives the process: after a close and reopen, open rows are exactly those not known to be done', () => {
    const handle = open();
    started(handle.db);
    markJournal(handle.db, 'run-1', bump.id, 'sent');
    markJournal(handle.db, 'run-1', bump.id, 'done', { result: { progress: 4 } });
    markJournal(handle.db, 'run-1', add.id, 'sent');
    const db = handle.reopen();
    expect(getRun(db, 'run-1')?.status).toBe('running');
    expect(openJournalRows(db, 'run-1').map((row) => [row.writeId, row.state])).toEqual([
      [add.id, 'sent'],
      [drop.id, 'pending'],
    ]);
    expect(openJournalRows(db, 'no-run')).toEqual([]);
  });

  it('records the outcome: the state after (null after a removal), or the error, which a later success clears', () => {
    const { db } = open();
    started(db);
    markJournal(db, 'run-1', bump.id, 'failed', { error: { code: 'network', message: 'offline', retryable: true } });
    expect(listJournal(db, 'run-1', { titleKey: 'anime:anilist:1' })[0]).toMatchObject({ state: 'failed', error: { code: 'network', message: 'offline', retryable: true }, result: undefined });
    markJournal(db, 'run-1', bump.id, 'sent');
    expect(listJournal(db, 'run-1', { titleKey: 'anime:anilist:1' })[0]?.error).toEqual({ code: 'network', message: 'offline', retryable: true });
    markJournal(db, 'run-1', bump.id, 'done', { result: { status: 'current', progress: 4 } });
    expect(listJournal(db, 'run-1', { titleKey: 'anime:anilist:1' })[0]).toMatchObject({ state: 'done', error: null, result: { status: 'current', progress: 4 } });
    markJournal(db, 'run-1', drop.id, 'done', { result: null });
    expect(listJournal(db, 'run-1', { titleKey: 'anime:anilist:5' })[0]).toMatchObject({ state: 'done', result: null });
    markJournal(db, 'run-1', add.id, 'skipped');
    expect(listJournal(db, 'run-1', { titleKey: 'anime:anilist:30' })[0]).toMatchObject({ state: 'skipped', result: undefined });
    expect(listJournal(db, 'run-1', { titleKey: 'anime:anilist:404' })).toEqual([]);
  });

  it('refuses to mark a write that was never journaled', () => {
    const { db } = open();
    started(db);
    expect(() => markJournal(db, 'run-1', 'mal:2|anime|anime:anilist:404', 'sent')).toThrow(AppError);
    expect(() => markJournal(db, 'run-2', bump.id, 'sent')).toThrow(/no journal row for write mal:2\|anime\|anime:anilist:1/);
  });

  it('shows a row as the history does: each field with the value before and the value stored', () => {
    const { db } = open();
    started(db);
    markJournal(db, 'run-1', add.id, 'failed', { error: { code: 'not_found', message: 'MAL has no such anime', retryable: false } });
    const [first, second] = listJournal(db, 'run-1');
    expect(journalRowView(first!)).toEqual({
      writeId: bump.id,
      side: mal,
      titleKey: 'anime:anilist:1',
      title: bump.title,
      op: 'update',
      changes: [
        { field: 'progress', before: 3, after: 4 },
        { field: 'status', before: 'planning', after: 'current' },
      ],
      state: 'pending',
      error: null,
    });
    expect(journalRowView(second!)).toMatchObject({ changes: [{ field: 'status', before: undefined, after: 'planning' }, { field: 'watched', before: undefined, after: ['e1', 'e2'] }], state: 'failed', error: 'MAL has no such anime' });
  });

  it('goes with its run, and names a damaged row by run and write', () => {
    const { db } = open();
    started(db);
    db.prepare("UPDATE sync_journal SET before = '{\"progress\": -', state = 'sent' WHERE write_id = ?").run(bump.id);
    expect(() => openJournalRows(db, 'run-1')).toThrow(/sync_journal, run run-1, write mal:2\|anime\|anime:anilist:1, column before \(not JSON/);
    db.prepare("UPDATE sync_journal SET before = NULL, after = '{\"colour\": 1}' WHERE write_id = ?").run(bump.id);
    expect(() => listJournal(db, 'run-1')).toThrow(/column after/);
    db.prepare("UPDATE sync_journal SET after = '{}', scale = 'stars' WHERE write_id = ?").run(bump.id);
    expect(() => listJournal(db, 'run-1')).toThrow(/sync_journal, run run-1, write mal:2\|anime\|anime:anilist:1, column scale/);
    db.prepare("DELETE FROM sync_runs WHERE id = 'run-1'").run();
    expect(db.prepare('SELECT count(*) AS n FROM sync_journal').get()).toEqual({ n: 0 });
  });
});
