import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { upsertAccount } from '../../../../main/db/accounts-repository';
import { openDatabase } from '../../../../main/db/open-database';
import { listLibrary } from '../../../../main/library/library-list';
import { replaceSideEntries } from '../../../../main/sync/store/index';
import { useTempDirs } from '../../../support/temp-dir';

describe('the Library listing from the stored lists (real SQLite)', () => {
  const tempDir = useTempDirs();

  it('puts each title once with every list beside it, AniList first and naming it, and skips a damaged row', () => {
    const db = openDatabase(join(tempDir(), 'kizuna.db'));
    const anilist = upsertAccount(db, { service: 'anilist', externalUserId: '1', userName: 'a', avatarUrl: null, tokenExpiresAt: null });
    const plex = upsertAccount(db, { service: 'plex', externalUserId: '2', userName: 'p', avatarUrl: null, tokenExpiresAt: null });
    replaceSideEntries(db, { accountId: plex.id, kind: 'anime' }, [
      { titleKey: 'anime:anilist:1', title: 'Frieren (season 1)', state: { progress: 10 }, target: null },
      { titleKey: 'anime:anilist:2', title: 'Broken', state: { progress: 1 }, target: null },
    ]);
    replaceSideEntries(db, { accountId: anilist.id, kind: 'anime' }, [{ titleKey: 'anime:anilist:1', title: 'Frieren', state: { status: 'current', progress: 12, score: 90 }, target: null }]);
    replaceSideEntries(db, { accountId: anilist.id, kind: 'manga' }, [{ titleKey: 'manga:anilist:3', title: 'Berserk', state: { status: 'current', progress: 300, progressVolumes: 40 }, target: null }]);
    db.prepare("UPDATE sync_entries SET state = '{not json' WHERE title_key = 'anime:anilist:2'").run();

    const { titles, readAt } = listLibrary(db);
    expect(readAt).not.toBeNull();
    expect(titles.map((title) => [title.titleKey, title.title, title.lists.map((list) => `${list.service}:${list.progress}`), title.disagree])).toEqual([
      ['manga:anilist:3', 'Berserk', ['anilist:300'], false],
      ['anime:anilist:1', 'Frieren', ['anilist:12', 'plex:10'], true],
    ]);
    expect(titles[0]?.lists[0]).toMatchObject({ status: 'current', progressVolumes: 40, score: null });
    db.close();
  });
});
