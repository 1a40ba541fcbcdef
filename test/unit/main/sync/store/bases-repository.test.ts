import { describe, expect, it } from 'vitest';
import { createRun, loadBases, saveBase } from '../../../../../main/sync/store';
import { mal, planOf, useSyncDatabase } from './support';

const open = useSyncDatabase();

describe('sync bases', () => {
  it('saves, overwrites and deletes the agreed state per list and title', () => {
    const { db } = open();
    createRun(db, { id: 'run-1', kind: 'sync', plan: planOf('run-1') });
    saveBase(db, mal.accountId, 'anime', 'anime:anilist:1', { status: 'current', progress: 3 }, 'run-1', '2026-11-22T08:00:00.000Z');
    saveBase(db, mal.accountId, 'anime', 'anime:anilist:30', { status: 'planning', score: null }, null);
    saveBase(db, mal.accountId, 'manga', 'manga:anilist:30001', { progress: 5 }, null);
    expect(loadBases(db, mal.accountId, 'anime')).toEqual(
      new Map([
        ['anime:anilist:1', { status: 'current', progress: 3 }],
        ['anime:anilist:30', { status: 'planning', score: null }],
      ]),
    );
    expect(db.prepare("SELECT run_id, synced_at FROM sync_bases WHERE title_key = 'anime:anilist:1'").get()).toEqual({ run_id: 'run-1', synced_at: '2026-11-22T08:00:00.000Z' });

    saveBase(db, mal.accountId, 'anime', 'anime:anilist:1', { status: 'completed', progress: 26 }, null);
    expect(loadBases(db, mal.accountId, 'anime').get('anime:anilist:1')).toEqual({ status: 'completed', progress: 26 });
    expect(db.prepare("SELECT run_id FROM sync_bases WHERE title_key = 'anime:anilist:1'").get()).toEqual({ run_id: null });

    saveBase(db, mal.accountId, 'anime', 'anime:anilist:1', null, 'run-1');
    expect([...loadBases(db, mal.accountId, 'anime').keys()]).toEqual(['anime:anilist:30']);
    expect(loadBases(db, mal.accountId, 'manga').size).toBe(1);
    expect(loadBases(db, 'anilist:1', 'anime').size).toBe(0);
  });

  it('refuses a base naming a run that does not exist', () => {
    const { db } = open();
    expect(() => saveBase(db, mal.accountId, 'anime', 'anime:anilist:1', { progress: 1 }, 'no-such-run')).toThrow(/FOREIGN KEY/);
  });

  it('names the damaged row', () => {
    const { db } = open();
    saveBase(db, mal.accountId, 'anime', 'anime:anilist:1', { progress: 1 }, null);
    db.prepare("UPDATE sync_bases SET state = '{\"status\": \"watching\"}'").run();
    expect(() => loadBases(db, mal.accountId, 'anime')).toThrow(/sync_bases, account mal:2, anime, title anime:anilist:1, column state \(status:/);
  });
});
