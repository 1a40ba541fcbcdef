import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { listAccounts } from '../../../../../main/db/accounts-repository';
import { migrate, schemaVersion } from '../../../../../main/db/migrate';
import { migration001Accounts } from '../../../../../main/db/migrations/001-accounts';
import { migration002AccountSettings } from '../../../../../main/db/migrations/002-account-settings';
import { migration003ReadCache } from '../../../../../main/db/migrations/003-read-cache';

const upTo2 = [migration001Accounts, migration002AccountSettings];
const all = [...upTo2, migration003ReadCache];

function columns(db: Database.Database, table: string): string[] {
  return db.prepare<[string], { name: string }>('SELECT name FROM pragma_table_info(?)').all(table).map((c) => c.name);
}

function withAccount(db: Database.Database, id = 'anilist:42'): void {
  db.prepare('INSERT INTO accounts (id, service, external_user_id, user_name, secret_key) VALUES (?, ?, ?, ?, ?)').run(id, id.split(':')[0], id.split(':')[1], 'Yui', id);
}

describe('migration 003: read cache and list snapshots', () => {
  it('upgrades a version-2 file, keeping its accounts, and creates both tables', () => {
    const db = new Database(':memory:');
    migrate(db, upTo2);
    withAccount(db);
    expect(migrate(db, all)).toEqual([3]);
    expect(schemaVersion(db)).toBe(3);
    expect(listAccounts(db).map((account) => account.id)).toEqual(['anilist:42']);
    expect(columns(db, 'read_cache')).toEqual(['namespace', 'key', 'value', 'stored_at', 'expires_at']);
    expect(columns(db, 'list_snapshots')).toEqual(['account_id', 'list', 'marker', 'entry_count', 'entries', 'read_at']);
  });

  it('has no column that could hold a token', () => {
    const db = new Database(':memory:');
    migrate(db, all);
    for (const table of ['read_cache', 'list_snapshots']) {
      expect(columns(db, table).filter((name) => /token|password|secret|auth/.test(name))).toEqual([]);
    }
  });

  it('keeps one cached answer per namespace and key, and one snapshot per account and list', () => {
    const db = new Database(':memory:');
    migrate(db, all);
    withAccount(db);
    const put = db.prepare('INSERT INTO read_cache (namespace, key, value, stored_at, expires_at) VALUES (?, ?, ?, 1, 2)');
    put.run('anilist.search.v1', '["x"]', '{}');
    put.run('mal.search.v1', '["x"]', '{}');
    expect(() => put.run('anilist.search.v1', '["x"]', '{}')).toThrow(/UNIQUE|PRIMARY/);
    const snap = db.prepare("INSERT INTO list_snapshots (account_id, list, marker, entry_count, entries, read_at) VALUES ('anilist:42', ?, 'm', ?, '[]', 1)");
    snap.run('anime', 0);
    expect(() => snap.run('anime', 0)).toThrow(/UNIQUE|PRIMARY/);
    expect(() => snap.run('manga', -1)).toThrow(/CHECK/);
  });

  it('refuses a snapshot of an unknown account and drops snapshots with their account', () => {
    const db = new Database(':memory:');
    db.pragma('foreign_keys = ON');
    migrate(db, all);
    withAccount(db, 'mal:7');
    const snap = db.prepare("INSERT INTO list_snapshots (account_id, list, marker, entry_count, entries, read_at) VALUES (?, 'anime', 'm', 0, '[]', 1)");
    expect(() => snap.run('mal:8')).toThrow(/FOREIGN KEY/);
    snap.run('mal:7');
    db.prepare('DELETE FROM accounts').run();
    expect(db.prepare('SELECT count(*) AS n FROM list_snapshots').get()).toEqual({ n: 0 });
  });

  it('is not applied twice', () => {
    const db = new Database(':memory:');
    migrate(db, all);
    expect(migrate(db, all)).toEqual([]);
  });
});
