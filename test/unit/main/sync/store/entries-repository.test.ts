import { describe, expect, it } from 'vitest';
import { AppError } from '../../../../../shared/contract';
import type { SideEntry } from '../../../../../main/sync/model';
import { loadSideEntries, replaceSideEntries, sideEntriesReadAt } from '../../../../../main/sync/store';
import { mal, malManga, useSyncDatabase } from './support';

const open = useSyncDatabase();

const bebop: SideEntry = { titleKey: 'anime:anilist:1', title: 'Cowboy Bebop', state: { status: 'completed', progress: 26, score: 90, startedAt: '1999-04', notes: null }, target: { malId: 1 } };
const eva: SideEntry = { titleKey: 'anime:anilist:30', title: 'Neon Genesis Evangelion', state: { status: 'current', progress: 3, score: null, watched: ['e1', 'e2'] }, target: null };
const monster: SideEntry = { titleKey: 'manga:anilist:30001', title: 'Monster', state: { status: 'paused', progress: 80, progressVolumes: 10 }, target: { malId: 1 } };

describe('sync entries', () => {
  it('stores a list and reads it back as it was, ordered by title key, per account and kind', () => {
    const { db } = open();
    expect(loadSideEntries(db, mal.accountId, 'anime')).toEqual([]);
    expect(sideEntriesReadAt(db, mal.accountId, 'anime')).toBeNull();
    replaceSideEntries(db, mal, [eva, bebop], '2026-11-22T08:00:00.000Z');
    replaceSideEntries(db, malManga, [monster]);
    expect(loadSideEntries(db, mal.accountId, 'anime')).toEqual([bebop, eva]);
    expect(loadSideEntries(db, mal.accountId, 'manga')).toEqual([monster]);
    expect(loadSideEntries(db, 'anilist:1', 'anime')).toEqual([]);
    expect(sideEntriesReadAt(db, mal.accountId, 'anime')).toBe('2026-11-22T08:00:00.000Z');
  });

  it('replaces the list whole: a title gone from the list is gone from the table, other lists stay', () => {
    const { db } = open();
    replaceSideEntries(db, mal, [bebop, eva]);
    replaceSideEntries(db, malManga, [monster]);
    const rewatched = { ...bebop, state: { ...bebop.state, status: 'repeating' as const, repeat: 1 } };
    replaceSideEntries(db, mal, [rewatched]);
    expect(loadSideEntries(db, mal.accountId, 'anime')).toEqual([rewatched]);
    expect(loadSideEntries(db, mal.accountId, 'manga')).toEqual([monster]);
    replaceSideEntries(db, mal, []);
    expect(loadSideEntries(db, mal.accountId, 'anime')).toEqual([]);
  });

  it('refuses a list with one title twice and keeps the stored list', () => {
    const { db } = open();
    replaceSideEntries(db, mal, [bebop]);
    expect(() => replaceSideEntries(db, mal, [eva, { ...eva, title: 'Evangelion (dub)' }])).toThrow(/two entries for anime:anilist:30.*left as it was/);
    expect(loadSideEntries(db, mal.accountId, 'anime')).toEqual([bebop]);
  });

  it('rolls back the whole replacement when a row cannot be written (a crash leaves the old list, not half of each)', () => {
    const { db } = open();
    replaceSideEntries(db, mal, [bebop]);
    db.exec("CREATE TEMP TRIGGER fail_eva BEFORE INSERT ON sync_entries WHEN NEW.title_key = 'anime:anilist:30' BEGIN SELECT RAISE(ABORT, 'disk trouble'); END");
    expect(() => replaceSideEntries(db, mal, [{ ...bebop, state: { progress: 1 } }, eva])).toThrow(/disk trouble/);
    expect(loadSideEntries(db, mal.accountId, 'anime')).toEqual([bebop]);
  });

  it('reports a damaged row by table, row and column instead of handing on garbage', () => {
    const { db } = open();
    replaceSideEntries(db, mal, [bebop, eva]);
    db.prepare("UPDATE sync_entries SET state = '{\"progress\": \"lots\"}' WHERE title_key = 'anime:anilist:30'").run();
    const error = (() => {
      try {
        loadSideEntries(db, mal.accountId, 'anime');
      } catch (caught) {
        return caught;
      }
      return null;
    })();
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).message).toMatch(/sync_entries, account mal:2, anime, title anime:anilist:30, column state \(progress: /);
    db.prepare("UPDATE sync_entries SET state = '{not json' WHERE title_key = 'anime:anilist:30'").run();
    expect(() => loadSideEntries(db, mal.accountId, 'anime')).toThrow(/sync_entries.*column state \(not JSON/);
  });
});
