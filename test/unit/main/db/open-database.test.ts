import Database from 'better-sqlite3';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../../shared/contract';
import { schemaVersion } from '../../../../main/db/migrate';
import { latestSchemaVersion, migrations } from '../../../../main/db/migrations';
import type { Migration } from '../../../../main/db/migrations';
import { openDatabase } from '../../../../main/db/open-database';
import { useTempDirs } from '../../../support/temp-dir';

const tempDir = useTempDirs();

const nextMigration: Migration = {
  version: latestSchemaVersion + 1,
  name: 'test-only',
  up: (db) => db.exec('CREATE TABLE test_only (x INTEGER) STRICT'),
};

describe('openDatabase', () => {
  it('creates a new file in WAL mode with foreign keys on, fully migrated, without a backup', () => {
    const dir = tempDir();
    const db = openDatabase(join(dir, 'nested', 'kizuna.db'));
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(schemaVersion(db)).toBe(latestSchemaVersion);
    db.close();
    expect(readdirSync(join(dir, 'nested')).filter((name) => name.includes('.bak-'))).toEqual([]);
  });

  it('keeps a consistent copy of the file before migrating it, holding the old data', () => {
    const dir = tempDir();
    const file = join(dir, 'kizuna.db');
    const first = openDatabase(file);
    first.prepare("INSERT INTO accounts (id, service, external_user_id, user_name, secret_key) VALUES ('a', 'mal', '1', 'Mio', 'mal:1')").run();
    first.close();

    const upgraded = openDatabase(file, { migrations: [...migrations, nextMigration], now: () => new Date('2026-11-22T10:00:00Z') });
    expect(schemaVersion(upgraded)).toBe(latestSchemaVersion + 1);
    upgraded.close();

    const backups = readdirSync(dir).filter((name) => name.includes('.bak-'));
    expect(backups).toEqual([`kizuna.db.bak-v${latestSchemaVersion}-2026-11-22T100000Z`]);
    const copy = new Database(join(dir, backups[0] ?? ''), { readonly: true });
    expect(schemaVersion(copy)).toBe(latestSchemaVersion);
    expect(copy.prepare('SELECT user_name FROM accounts').all()).toEqual([{ user_name: 'Mio' }]);
    copy.close();
  });

  it('refuses a file from a newer Kizuna and leaves it byte for byte unchanged', () => {
    const dir = tempDir();
    const file = join(dir, 'kizuna.db');
    const newer = new Database(file);
    newer.pragma(`user_version = ${latestSchemaVersion + 5}`);
    newer.close();
    const before = readFileSync(file);

    expect(() => openDatabase(file)).toThrow(AppError);
    expect(() => openDatabase(file)).toThrow(/newer version of Kizuna.*has not been changed/s);
    expect(readFileSync(file).equals(before)).toBe(true);
    expect(existsSync(`${file}-wal`)).toBe(false);
  });

  it('refuses a damaged file with a clear message and never overwrites it', () => {
    const dir = tempDir();
    const file = join(dir, 'kizuna.db');
    const garbage = Buffer.from('this is not a database, just some text that a sync tool wrote by mistake'.repeat(100));
    writeFileSync(file, garbage);

    expect(() => openDatabase(file)).toThrow(/damaged or is not a Kizuna database.*has not been changed/s);
    expect(readFileSync(file).equals(garbage)).toBe(true);
    expect(readdirSync(dir)).toEqual(['kizuna.db']);
  });

  it('refuses a database whose pages are corrupted', () => {
    const dir = tempDir();
    const file = join(dir, 'kizuna.db');
    const db = openDatabase(file);
    db.exec('CREATE TABLE filler (x TEXT)');
    const insert = db.prepare('INSERT INTO filler VALUES (?)');
    for (let i = 0; i < 500; i++) insert.run('x'.repeat(200));
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.close();
    const bytes = readFileSync(file);
    bytes.fill(0xab, 4096 * 2, 4096 * 6);
    writeFileSync(file, bytes);

    expect(() => openDatabase(file)).toThrow(/damaged/);
    expect(readFileSync(file).equals(bytes)).toBe(true);
  });
});
