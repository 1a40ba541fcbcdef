import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate, schemaVersion } from '../../../../../main/db/migrate';
import { migration001Accounts } from '../../../../../main/db/migrations/001-accounts';

describe('migration 001: accounts', () => {
  it('creates the accounts table from an empty file and sets user_version 1', () => {
    const db = new Database(':memory:');
    expect(migrate(db, [migration001Accounts])).toEqual([1]);
    expect(schemaVersion(db)).toBe(1);
    const columns = db.prepare<[], { name: string }>("SELECT name FROM pragma_table_info('accounts')").all().map((c) => c.name);
    expect(columns).toEqual(['id', 'service', 'external_user_id', 'user_name', 'avatar_url', 'token_expires_at', 'secret_key', 'connected_at']);
  });

  it('has no column that could hold a token', () => {
    const db = new Database(':memory:');
    migrate(db, [migration001Accounts]);
    const columns = db.prepare<[], { name: string }>("SELECT name FROM pragma_table_info('accounts')").all().map((c) => c.name);
    expect(columns.filter((name) => /token(?!_expires)|password|secret(?!_key)/.test(name))).toEqual([]);
  });

  it('enforces the service list and one row per service user', () => {
    const db = new Database(':memory:');
    migrate(db, [migration001Accounts]);
    const insert = db.prepare('INSERT INTO accounts (id, service, external_user_id, user_name, secret_key) VALUES (?, ?, ?, ?, ?)');
    insert.run('a1', 'anilist', '42', 'Yui', 'anilist:42');
    expect(() => insert.run('a2', 'anilist', '42', 'Yui again', 'anilist:42b')).toThrow(/UNIQUE/);
    expect(() => insert.run('a3', 'crunchyroll', '1', 'X', 'x')).toThrow(/CHECK/);
    expect(db.prepare('SELECT id, service, user_name FROM accounts').all()).toEqual([{ id: 'a1', service: 'anilist', user_name: 'Yui' }]);
    expect(db.prepare<[], { connected_at: string }>('SELECT connected_at FROM accounts').get()?.connected_at).toMatch(/^\d{4}-\d\d-\d\dT/);
  });

  it('is not applied twice', () => {
    const db = new Database(':memory:');
    migrate(db, [migration001Accounts]);
    expect(migrate(db, [migration001Accounts])).toEqual([]);
  });
});
