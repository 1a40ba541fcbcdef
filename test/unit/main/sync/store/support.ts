import type Database from 'better-sqlite3';
import { join } from 'node:path';
import { openDatabase } from '../../../../../main/db/open-database';
import type { PlannedWrite, SideRef, SyncPlan } from '../../../../../main/sync/model';
import { useTempDirs } from '../../../../support/temp-dir';

export const anilist: SideRef = { accountId: 'anilist:1', service: 'anilist', kind: 'anime', scale: 'point10decimal' };
export const mal: SideRef = { accountId: 'mal:2', service: 'mal', kind: 'anime', scale: 'point10' };
export const malManga: SideRef = { ...mal, kind: 'manga' };

/** A migrated database in a real file (WAL, foreign keys on), with the accounts the tests' sides belong to. */
export function useSyncDatabase(): () => { db: Database.Database; file: string; reopen(): Database.Database } {
  const tempDir = useTempDirs();
  return () => {
    const file = join(tempDir(), 'kizuna.db');
    const db = openDatabase(file);
    const account = db.prepare("INSERT INTO accounts (id, service, external_user_id, user_name, secret_key) VALUES (?, ?, ?, 'Mio', ?)");
    account.run('anilist:1', 'anilist', '1', 'anilist:1');
    account.run('mal:2', 'mal', '2', 'mal:2');
    const handle = {
      db,
      file,
      reopen() {
        handle.db.close();
        handle.db = openDatabase(file);
        return handle.db;
      },
    };
    return handle;
  };
}

export function plannedWrite(side: SideRef, titleKey: string, changes: Array<[PlannedWrite['changes'][number]['field'], unknown, unknown]>, op: PlannedWrite['op'] = 'update'): PlannedWrite {
  return {
    id: `${side.accountId}|${side.kind}|${titleKey}`,
    side,
    titleKey,
    title: `Title ${titleKey}`,
    op,
    changes: changes.map(([field, before, after]) => ({ field, before, after, from: anilist, reason: 'changed on AniList' }) as PlannedWrite['changes'][number]),
    target: { mediaId: Number(titleKey.split(':').at(-1)) },
    guards: [],
  };
}

export function planOf(id: string, writes: PlannedWrite[] = []): SyncPlan {
  return { id, createdAt: '2026-11-22T08:00:00.000Z', pairs: ['anilist:mal'], lists: [{ side: mal, entries: 3, unmatched: 0 }], problems: [], writes, conflicts: [], skipped: [], guard: { reasons: [] } };
}
