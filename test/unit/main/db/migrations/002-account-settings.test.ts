import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { listAccounts } from '../../../../../main/db/accounts-repository';
import { migrate, schemaVersion } from '../../../../../main/db/migrate';
import { migration001Accounts } from '../../../../../main/db/migrations/001-accounts';
import { migration002AccountSettings } from '../../../../../main/db/migrations/002-account-settings';

const both = [migration001Accounts, migration002AccountSettings];

function columns(db: Database.Database, table: string): string[] {
  return db.prepare<[string], { name: string }>('SELECT name FROM pragma_table_info(?)').all(table).map((c) => c.name);
}

describe('migration 002: account status, own clients, Plex servers and libraries', () => {
  it('upgrades a version-1 file, keeping its accounts, which start out connected', () => {
    const db = new Database(':memory:');
    migrate(db, [migration001Accounts]);
    db.prepare('INSERT INTO accounts (id, service, external_user_id, user_name, secret_key) VALUES (?, ?, ?, ?, ?)').run('mal:7', 'mal', '7', 'Mio', 'mal:7');
    expect(migrate(db, both)).toEqual([2]);
    expect(schemaVersion(db)).toBe(2);
    expect(listAccounts(db)).toMatchObject([{ id: 'mal:7', userName: 'Mio', status: 'connected' }]);
    expect(() => db.prepare("UPDATE accounts SET status = 'sleepy'").run()).toThrow(/CHECK/);
  });

  it('keeps secrets out of every new table', () => {
    const db = new Database(':memory:');
    migrate(db, both);
    for (const table of ['accounts', 'app_state', 'service_clients', 'plex_servers', 'plex_libraries']) {
      expect(columns(db, table).filter((name) => /token(?!_expires)|password|secret(?!_key)/.test(name) && name !== 'has_secret')).toEqual([]);
    }
  });

  it('drops an account\'s Plex servers and libraries with it', () => {
    const db = new Database(':memory:');
    db.pragma('foreign_keys = ON');
    migrate(db, both);
    db.prepare('INSERT INTO accounts (id, service, external_user_id, user_name, secret_key) VALUES (?, ?, ?, ?, ?)').run('plex:1', 'plex', '1', 'Ritsu', 'plex:1');
    db.prepare('INSERT INTO plex_servers (account_id, machine_identifier, name, owned) VALUES (?, ?, ?, 1)').run('plex:1', 'm1', 'Home');
    db.prepare("INSERT INTO plex_libraries (account_id, machine_identifier, section_key, title, type, holds) VALUES ('plex:1', 'm1', '1', 'Anime', 'show', 'anime')").run();
    expect(() => db.prepare("INSERT INTO plex_libraries (account_id, machine_identifier, section_key, title, type, holds) VALUES ('plex:1', 'm1', '2', 'X', 'show', 'cartoons')").run()).toThrow(/CHECK/);
    db.prepare('DELETE FROM accounts').run();
    expect(db.prepare('SELECT count(*) AS n FROM plex_servers').get()).toEqual({ n: 0 });
    expect(db.prepare('SELECT count(*) AS n FROM plex_libraries').get()).toEqual({ n: 0 });
  });

  it('allows one own client per service', () => {
    const db = new Database(':memory:');
    migrate(db, both);
    const insert = db.prepare('INSERT INTO service_clients (service, client_id) VALUES (?, ?)');
    insert.run('trakt', 'abc');
    expect(() => insert.run('trakt', 'def')).toThrow(/UNIQUE|PRIMARY/);
    expect(() => insert.run('netflix', 'x')).toThrow(/CHECK/);
  });
});
