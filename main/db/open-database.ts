import Database from 'better-sqlite3';
import { existsSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { AppError } from '../../shared/contract';
import type { Logger } from '../app/ports';
import { migrate, schemaVersion } from './migrate';
import { latestSchemaVersion, migrations as allMigrations, type Migration } from './migrations';

export const DATABASE_FILE_NAME = 'kizuna.db';

export interface OpenDatabaseOptions {
  logger?: Logger;
  /** The Electron host passes the Electron-ABI build of better-sqlite3 here. */
  nativeBinding?: string;
  migrations?: readonly Migration[];
  now?: () => Date;
}

/**
 * Opens (or creates) the database, refusing rather than risking the user's data: a damaged file or one
 * written by a newer Kizuna is reported and left untouched; before any migration a consistent copy is kept.
 */
export function openDatabase(file: string, options: OpenDatabaseOptions = {}): Database.Database {
  const migrations = options.migrations ?? allMigrations;
  const latest = migrations.at(-1)?.version ?? 0;
  const driverOptions = options.nativeBinding ? { nativeBinding: options.nativeBinding } : {};
  const existed = existsSync(file);
  if (existed) inspectExisting(file, latest, driverOptions);
  else mkdirSync(dirname(file), { recursive: true });

  const db = new Database(file, driverOptions);
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    const current = schemaVersion(db);
    if (existed && current > 0 && current < latest) {
      const backup = backupPath(file, current, options.now?.() ?? new Date());
      db.exec(`VACUUM INTO '${backup.replaceAll("'", "''")}'`);
      options.logger?.info('database backed up before migrating', { backup, from: current, to: latest });
    }
    const applied = migrate(db, migrations);
    if (applied.length > 0) options.logger?.info('database migrated', { applied });
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

function inspectExisting(file: string, latest: number, driverOptions: Database.Options): void {
  let probe: Database.Database | undefined;
  try {
    probe = new Database(file, { ...driverOptions, readonly: true, fileMustExist: true });
    const check = probe.pragma('quick_check', { simple: true });
    if (check !== 'ok') throw new Error(String(check));
    const version = schemaVersion(probe);
    if (version > latest) {
      throw new AppError(
        'unavailable',
        `The database ${file} was written by a newer version of Kizuna (schema ${version}; this version knows up to ${latest}). ` +
          'Update Kizuna, or start with another data folder. The file has not been changed.',
      );
    }
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw new AppError(
      'unavailable',
      `The database ${file} is damaged or is not a Kizuna database (${(error as Error).message}). ` +
        'It has not been changed. Restore it from a backup (kizuna.db.bak-* in the same folder), or move it away to start fresh.',
      { cause: error },
    );
  } finally {
    probe?.close();
  }
}

function backupPath(file: string, fromVersion: number, now: Date): string {
  const stamp = now.toISOString().replaceAll(':', '').replace(/\.\d+Z$/, 'Z');
  return `${file}.bak-v${fromVersion}-${stamp}`;
}

export { latestSchemaVersion };
