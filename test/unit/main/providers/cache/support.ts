import type Database from 'better-sqlite3';
import { join } from 'node:path';
import { upsertAccount } from '../../../../../main/db/accounts-repository';
import { openDatabase } from '../../../../../main/db/open-database';
import { useTempDirs } from '../../../../support/temp-dir';

export { recordingLogger as capturingLogger, type RecordingLogger as CapturingLogger } from '../../../../support/recording-logger';

/** A real SQLite file, migrated, in a temp folder removed after the test; closed after the test too. */
export function useDatabases(): () => Database.Database {
  const tempDir = useTempDirs();
  return () => openDatabase(join(tempDir(), 'kizuna.db'));
}

export function manualTime(start = Date.UTC(2026, 10, 22, 12, 0, 0)) {
  let current = start;
  return { now: () => current, advance: (ms: number) => void (current += ms) };
}

/** An account row for snapshots to hang off (list_snapshots references accounts). */
export function addAccount(db: Database.Database, service: 'anilist' | 'mal' | 'trakt', externalUserId: string): string {
  return upsertAccount(db, { service, externalUserId, userName: `user ${externalUserId}`, avatarUrl: null, tokenExpiresAt: null }).id;
}
