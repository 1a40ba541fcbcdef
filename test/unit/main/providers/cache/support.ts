import type Database from 'better-sqlite3';
import { join } from 'node:path';
import type { LogFields, LogLevel, Logger } from '../../../../../main/app/ports';
import { upsertAccount } from '../../../../../main/db/accounts-repository';
import { openDatabase } from '../../../../../main/db/open-database';
import { useTempDirs } from '../../../../support/temp-dir';

/** Log lines kept for assertions: the cache must say when it drops something, and never throw instead. */
export interface CapturingLogger extends Logger {
  lines: Array<{ level: LogLevel; message: string; fields: LogFields }>;
}

export function capturingLogger(): CapturingLogger {
  const lines: CapturingLogger['lines'] = [];
  const log = (level: LogLevel, message: string, fields: LogFields = {}) => void lines.push({ level, message, fields });
  return {
    lines,
    log,
    debug: (message, fields) => log('debug', message, fields),
    info: (message, fields) => log('info', message, fields),
    warn: (message, fields) => log('warn', message, fields),
    error: (message, fields) => log('error', message, fields),
  };
}

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
