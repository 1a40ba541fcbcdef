import { describe, expect, it } from 'vitest';
import type { SideEntry } from '../../../../../main/sync/model';
import { createRun, getListBackup, listListBackups, saveListBackupOnce } from '../../../../../main/sync/store';
import { anilist, mal, malManga, planOf, useSyncDatabase } from './support';

const open = useSyncDatabase();

const before: SideEntry[] = [
  { titleKey: 'anime:anilist:1', title: 'Cowboy Bebop', state: { status: 'completed', progress: 26, score: 90 }, target: { malId: 1 } },
  { titleKey: 'anime:anilist:30', title: 'Evangelion', state: { status: 'current', progress: 3, watched: ['e1'] }, target: null },
];

describe('list backups', () => {
  it('keeps the list as it was before the run’s first write to it, and not a later one', () => {
    const { db } = open();
    createRun(db, { id: 'run-1', kind: 'sync', plan: planOf('run-1') });
    expect(saveListBackupOnce(db, 'run-1', mal, before, '2026-11-22T08:00:00.000Z')).toBe(true);
    // The resumed run sees the list half-written; that must not replace the backup.
    expect(saveListBackupOnce(db, 'run-1', mal, [{ ...before[0]!, state: { progress: 1 } }])).toBe(false);
    expect(saveListBackupOnce(db, 'run-1', malManga, [])).toBe(true);
    const [manga, anime] = listListBackups(db);
    expect(anime).toEqual({ id: anime!.id, runId: 'run-1', side: mal, takenAt: '2026-11-22T08:00:00.000Z', entries: 2 });
    expect(manga).toMatchObject({ side: malManga, entries: 0 });
    expect(getListBackup(db, anime!.id)).toEqual({ ...anime, list: before });
  });

  it('lists backups newest first, one account’s when asked, and finds none for an unknown id', () => {
    const { db } = open();
    createRun(db, { id: 'run-1', kind: 'sync', plan: planOf('run-1') });
    createRun(db, { id: 'run-2', kind: 'sync', plan: planOf('run-2') });
    saveListBackupOnce(db, 'run-1', mal, before, '2026-11-20T08:00:00.000Z');
    saveListBackupOnce(db, 'run-1', anilist, before, '2026-11-20T08:00:01.000Z');
    saveListBackupOnce(db, 'run-2', mal, before, '2026-11-22T08:00:00.000Z');
    expect(listListBackups(db).map((backup) => [backup.runId, backup.side.accountId])).toEqual([
      ['run-2', 'mal:2'],
      ['run-1', 'anilist:1'],
      ['run-1', 'mal:2'],
    ]);
    expect(listListBackups(db, { accountId: 'mal:2' }).map((backup) => backup.runId)).toEqual(['run-2', 'run-1']);
    expect(listListBackups(db, { accountId: 'trakt:3' })).toEqual([]);
    expect(getListBackup(db, 999)).toBeUndefined();
  });

  it('belongs to a run, goes with it, and names a damaged list', () => {
    const { db } = open();
    expect(() => saveListBackupOnce(db, 'no-run', mal, before)).toThrow(/FOREIGN KEY/);
    createRun(db, { id: 'run-1', kind: 'sync', plan: planOf('run-1') });
    saveListBackupOnce(db, 'run-1', mal, before);
    const id = listListBackups(db)[0]!.id;
    db.prepare("UPDATE sync_list_backups SET entries = '[{\"titleKey\": 1}]'").run();
    expect(() => getListBackup(db, id)).toThrow(new RegExp(`sync_list_backups, backup ${id} \\(run run-1, mal:2 anime\\), column entries \\(0\\.titleKey:`));
    db.prepare("DELETE FROM sync_runs WHERE id = 'run-1'").run();
    expect(listListBackups(db)).toEqual([]);
  });
});
