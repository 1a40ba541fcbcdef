import type Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { forgetListSnapshots, readListIfChanged, type ReadListOptions } from '../../../../../main/providers/cache/list-freshness';
import { addAccount, capturingLogger, manualTime, useDatabases } from './support';

/**
 * The freshness rule with a scripted service: what it says the marker and count are, what the list holds,
 * and how often each was asked. The database is a real migrated SQLite file.
 */

const openDb = useDatabases();
const opened: Database.Database[] = [];
afterEach(() => {
  for (const db of opened.splice(0)) if (db.open) db.close();
});

const item = z.object({ id: z.number(), progress: z.number() });
type Item = z.infer<typeof item>;

function service(initial: Item[]) {
  const state = { entries: [...initial], marker: 'm1', markerReads: 0, countChecks: 0, fullReads: 0, events: [] as string[] };
  return {
    state,
    source: {
      readMarker: async () => {
        state.markerReads += 1;
        state.events.push('marker');
        return state.marker;
      },
      holdsCount: async (count: number) => {
        state.countChecks += 1;
        return count === state.entries.length;
      },
      readAll: async () => {
        state.fullReads += 1;
        state.events.push('list');
        return state.entries.map((entry) => ({ ...entry }));
      },
    },
  };
}

function setup(initial: Item[] = [{ id: 1, progress: 3 }, { id: 2, progress: 7 }]) {
  const db = openDb();
  opened.push(db);
  const accountId = addAccount(db, 'mal', '7');
  const clock = manualTime();
  const logger = capturingLogger();
  const svc = service(initial);
  const read = (extra: Partial<ReadListOptions<Item>> = {}) =>
    readListIfChanged<Item>({ db, accountId, list: 'anime', entrySchema: item, now: clock.now, logger, ...svc.source, ...extra });
  return { db, accountId, clock, logger, svc, read };
}

describe('readListIfChanged', () => {
  it('reads the list whole the first time, reading the marker before the list', async () => {
    const { svc, read } = setup();
    const first = await read();
    expect(first).toMatchObject({ reread: true, reason: 'first-read', marker: 'm1', entries: svc.state.entries });
    expect(svc.state.events).toEqual(['marker', 'list']);
  });

  it('answers from the snapshot while marker and count stay, asking only those', async () => {
    const { svc, clock, read } = setup();
    const first = await read();
    clock.advance(60_000);
    const second = await read();
    expect(second).toEqual({ entries: first.entries, reread: false, reason: 'unchanged', marker: 'm1', readAt: first.readAt });
    expect(svc.state).toMatchObject({ fullReads: 1, markerReads: 2, countChecks: 1 });
  });

  it('re-reads when the marker moved, and stores the new marker', async () => {
    const { svc, read } = setup();
    await read();
    svc.state.marker = 'm2';
    svc.state.entries[0]!.progress = 4;
    const changed = await read();
    expect(changed).toMatchObject({ reread: true, reason: 'marker-moved', marker: 'm2' });
    expect(changed.entries[0]!.progress).toBe(4);
    expect((await read()).reread).toBe(false);
    expect(svc.state.fullReads).toBe(2);
  });

  it('re-reads when the count changed under an unchanged marker (a removal), without a count check when the marker moved', async () => {
    const { svc, read } = setup();
    await read();
    svc.state.entries.pop();
    expect(await read()).toMatchObject({ reread: true, reason: 'count-changed', entries: [{ id: 1, progress: 3 }] });
    svc.state.marker = 'm3';
    const checks = svc.state.countChecks;
    expect((await read()).reason).toBe('marker-moved');
    expect(svc.state.countChecks).toBe(checks);
  });

  it('works without a count check for services that have none', async () => {
    const { svc, read } = setup();
    await read({ holdsCount: undefined });
    svc.state.entries.pop();
    expect(await read({ holdsCount: undefined })).toMatchObject({ reread: false, entries: [{ id: 1 }, { id: 2 }] });
  });

  it('full: true always re-reads', async () => {
    const { svc, read } = setup();
    await read();
    expect(await read({ full: true })).toMatchObject({ reread: true, reason: 'full' });
    expect(await read({ full: true })).toMatchObject({ reread: true, reason: 'full' });
    expect(svc.state.fullReads).toBe(3);
  });

  it('re-reads, and logs, when the stored snapshot is damaged or of another shape', async () => {
    const { db, logger, read } = setup();
    await read();
    db.prepare("UPDATE list_snapshots SET entries = '[{\"id\": 1'").run();
    expect(await read()).toMatchObject({ reread: true, reason: 'snapshot-unreadable' });
    db.prepare('UPDATE list_snapshots SET entries = \'[{"id": "one"}]\'').run();
    expect(await read()).toMatchObject({ reread: true, reason: 'snapshot-unreadable' });
    expect(logger.lines.filter((line) => line.level === 'warn')).toHaveLength(2);
    expect(await read()).toMatchObject({ reread: false });
  });

  it('keeps lists and accounts apart, and forgets snapshots on demand and with the account', async () => {
    const { db, accountId, svc, read } = setup();
    await read();
    expect((await read({ list: 'manga' })).reason).toBe('first-read');
    const other = addAccount(db, 'mal', '8');
    expect((await read({ accountId: other })).reason).toBe('first-read');
    forgetListSnapshots(db, accountId, 'anime');
    expect((await read()).reason).toBe('first-read');
    expect((await read({ list: 'manga' })).reason).toBe('unchanged');
    db.prepare('DELETE FROM accounts WHERE id = ?').run(accountId);
    expect(db.prepare('SELECT account_id AS id FROM list_snapshots').all()).toEqual([{ id: other }]);
    expect(svc.state.fullReads).toBe(4);
  });

  it('keeps the old snapshot when the full read fails', async () => {
    const { svc, read } = setup();
    await read();
    svc.state.marker = 'm2';
    await expect(read({ readAll: () => Promise.reject(new Error('MAL is down')) })).rejects.toThrow('MAL is down');
    svc.state.marker = 'm1';
    expect(await read()).toMatchObject({ reread: false, marker: 'm1' });
  });
});
