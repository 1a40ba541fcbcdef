import { describe, expect, it } from 'vitest';
import { settleBases } from '../../../../../main/sync/run/settle-bases';
import { loadBases, replaceSideEntries } from '../../../../../main/sync/store/index';
import type { SyncPlan } from '../../../../../main/sync/model';
import { anilist, mal, planOf, useSyncDatabase } from '../store/support';

const entry = (titleKey: string, progress: number) => ({ titleKey, title: titleKey, state: { status: 'current' as const, progress }, target: null });

describe('settleBases', () => {
  const database = useSyncDatabase();

  function readBoth(db: ReturnType<typeof database>['db']) {
    replaceSideEntries(db, anilist, [entry('anime:anilist:1', 6), entry('anime:anilist:2', 3)]);
    replaceSideEntries(db, mal, [entry('anime:anilist:1', 6), entry('anime:anilist:2', 3)]);
  }

  it('takes what every list holds as agreed, except titles with a conflict or a failed write', () => {
    const { db } = database();
    readBoth(db);
    const plan: SyncPlan = {
      ...planOf('run-1'),
      lists: [{ side: anilist, entries: 2, unmatched: 0 }, { side: mal, entries: 2, unmatched: 0 }],
      conflicts: [{ id: 'anime:anilist:2|status', titleKey: 'anime:anilist:2', title: 'two', field: 'status', sides: [] }],
    };
    settleBases(db, null, plan, new Set());
    expect([...loadBases(db, anilist.accountId, 'anime').keys()]).toEqual(['anime:anilist:1']);
    expect(loadBases(db, mal.accountId, 'anime').get('anime:anilist:1')).toEqual({ status: 'current', progress: 6 });
  });

  it('settles nothing of a kind when one of its lists could not be read: the next plan must still see the difference', () => {
    const { db } = database();
    readBoth(db);
    const plan: SyncPlan = {
      ...planOf('run-2'),
      lists: [{ side: anilist, entries: 2, unmatched: 0 }],
      problems: [{ side: mal, message: 'MyAnimeList did not answer.', code: 'network' }],
    };
    settleBases(db, null, plan, new Set());
    expect(loadBases(db, anilist.accountId, 'anime').size).toBe(0);
  });
});
