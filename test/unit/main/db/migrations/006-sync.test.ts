import Database from 'better-sqlite3';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { migrate, schemaVersion } from '../../../../../main/db/migrate';
import { migrations } from '../../../../../main/db/migrations';
import { migration006Sync } from '../../../../../main/db/migrations/006-sync';
import { openDatabase } from '../../../../../main/db/open-database';
import { useTempDirs } from '../../../../support/temp-dir';

const tempDir = useTempDirs();
const upTo5 = migrations.filter((migration) => migration.version <= 5);

function columns(db: Database.Database, table: string): string[] {
  return db.prepare<[string], { name: string }>('SELECT name FROM pragma_table_info(?)').all(table).map((c) => c.name);
}

function migrated(): Database.Database {
  const db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
  migrate(db, migrations);
  db.prepare("INSERT INTO accounts (id, service, external_user_id, user_name, secret_key) VALUES ('anilist:1', 'anilist', '1', 'Mio', 'anilist:1')").run();
  db.prepare("INSERT INTO accounts (id, service, external_user_id, user_name, secret_key) VALUES ('mal:2', 'mal', '2', 'Mio', 'mal:2')").run();
  return db;
}

const run = (db: Database.Database) => db.prepare("INSERT INTO sync_runs (id, kind, status, plan) VALUES (?, ?, ?, '{}')");

describe('migration 006: sync state', () => {
  it('is registered as the latest migration', () => {
    expect(migrations.at(-1)).toBe(migration006Sync);
    expect(migration006Sync.version).toBe(6);
  });

  it('upgrades a version-5 file on disk, keeping its accounts, overrides and read cache', () => {
    const file = join(tempDir(), 'kizuna.db');
    const old = openDatabase(file, { migrations: upTo5 });
    old.prepare("INSERT INTO accounts (id, service, external_user_id, user_name, secret_key) VALUES ('anilist:1', 'anilist', '1', 'Mio', 'anilist:1')").run();
    old.prepare("INSERT INTO match_overrides (item_key, kind, anilist_id) VALUES ('tvdb:1:s1', 'link', 5)").run();
    old.prepare("INSERT INTO list_snapshots (account_id, list, marker, entry_count, entries, read_at) VALUES ('anilist:1', 'anime', 'm', 0, '[]', 1)").run();
    old.close();

    const db = openDatabase(file);
    expect(schemaVersion(db)).toBe(6);
    expect(db.prepare('SELECT id FROM accounts').all()).toEqual([{ id: 'anilist:1' }]);
    expect(db.prepare('SELECT item_key FROM match_overrides').all()).toEqual([{ item_key: 'tvdb:1:s1' }]);
    expect(db.prepare('SELECT marker FROM list_snapshots').all()).toEqual([{ marker: 'm' }]);
    expect(columns(db, 'sync_entries')).toEqual(['account_id', 'kind', 'title_key', 'title', 'state', 'target', 'read_at']);
    expect(columns(db, 'sync_bases')).toEqual(['account_id', 'kind', 'title_key', 'state', 'synced_at', 'run_id']);
    expect(columns(db, 'sync_runs')).toEqual(['id', 'kind', 'status', 'dry_run', 'plan', 'summary', 'undo_of', 'started_at', 'finished_at']);
    expect(columns(db, 'sync_journal')).toEqual(['id', 'run_id', 'write_id', 'account_id', 'service', 'kind', 'scale', 'title_key', 'title', 'op', 'target', 'before', 'after', 'state', 'error', 'result', 'created_at', 'updated_at']);
    expect(columns(db, 'sync_list_backups')).toEqual(['id', 'run_id', 'account_id', 'service', 'kind', 'scale', 'taken_at', 'entry_count', 'entries']);
    expect(columns(db, 'sync_outbox')).toEqual(['id', 'account_id', 'service', 'kind', 'scale', 'title_key', 'title', 'field', 'value', 'target', 'origin', 'created_at', 'updated_at', 'attempts', 'next_attempt_at', 'last_error', 'set_aside']);
    expect(columns(db, 'sync_conflict_answers')).toEqual(['conflict_id', 'account_id', 'answered_at']);
    const strict = db.prepare<[], { name: string; strict: number }>("SELECT name, strict FROM pragma_table_list WHERE name LIKE 'sync_%'").all();
    expect(strict).toHaveLength(7);
    expect(strict.every((table) => table.strict === 1)).toBe(true);
    db.close();
  });

  it('keeps runs to their closed kinds and statuses, and drops a run with its journal and list backups', () => {
    const db = migrated();
    run(db).run('r1', 'sync', 'running');
    expect(() => run(db).run('r2', 'merge', 'running')).toThrow(/CHECK/);
    expect(() => run(db).run('r2', 'sync', 'halfway')).toThrow(/CHECK/);
    expect(() => run(db).run('r1', 'sync', 'done')).toThrow(/UNIQUE|PRIMARY/);

    const journal = db.prepare("INSERT INTO sync_journal (run_id, write_id, account_id, service, kind, title_key, title, op, after, state) VALUES (?, ?, 'anilist:1', 'anilist', 'anime', 'anime:anilist:1', 'Bebop', ?, '{}', ?)");
    journal.run('r1', 'w1', 'update', 'pending');
    expect(() => journal.run('r1', 'w1', 'update', 'pending')).toThrow(/UNIQUE/);
    expect(() => journal.run('r1', 'w2', 'upsert', 'pending')).toThrow(/CHECK/);
    expect(() => journal.run('r1', 'w2', 'update', 'lost')).toThrow(/CHECK/);
    expect(() => journal.run('nope', 'w2', 'update', 'pending')).toThrow(/FOREIGN KEY/);

    const backup = db.prepare("INSERT INTO sync_list_backups (run_id, account_id, service, kind, entry_count, entries) VALUES (?, 'anilist:1', 'anilist', 'anime', 0, '[]')");
    backup.run('r1');
    expect(() => backup.run('r1')).toThrow(/UNIQUE/);

    db.prepare("INSERT INTO sync_bases (account_id, kind, title_key, state, synced_at, run_id) VALUES ('anilist:1', 'anime', 'anime:anilist:1', '{}', 'now', 'r1')").run();
    db.prepare("DELETE FROM sync_runs WHERE id = 'r1'").run();
    expect(db.prepare('SELECT count(*) AS n FROM sync_journal').get()).toEqual({ n: 0 });
    expect(db.prepare('SELECT count(*) AS n FROM sync_list_backups').get()).toEqual({ n: 0 });
    // The agreed state stays; only its provenance goes.
    expect(db.prepare('SELECT run_id FROM sync_bases').all()).toEqual([{ run_id: null }]);
  });

  it('keeps one outbox value per list, title and field, and drops an account’s sync state with the account but not its history', () => {
    const db = migrated();
    const outbox = db.prepare(
      "INSERT INTO sync_outbox (account_id, service, kind, title_key, title, field, value, origin, created_at, updated_at) VALUES ('mal:2', 'mal', 'anime', 'anime:anilist:1', 'Bebop', ?, '1', ?, 'now', 'now')",
    );
    const first = outbox.run('progress', 'edit').lastInsertRowid;
    expect(() => outbox.run('progress', 'sync')).toThrow(/UNIQUE/);
    // Outbox ids are never reused: a replaced value gets a new id even when the old row was the last one.
    db.prepare('DELETE FROM sync_outbox').run();
    expect(outbox.run('progress', 'edit').lastInsertRowid).not.toBe(first);
    expect(() => outbox.run('colour', 'edit')).toThrow(/CHECK/);
    expect(() => outbox.run('score', 'guess')).toThrow(/CHECK/);
    expect(() => db.prepare("INSERT INTO sync_entries (account_id, kind, title_key, title, state, read_at) VALUES ('nobody', 'anime', 'k', 't', '{}', 'now')").run()).toThrow(/FOREIGN KEY/);
    expect(() => db.prepare("INSERT INTO sync_entries (account_id, kind, title_key, title, state, read_at) VALUES ('mal:2', 'books', 'k', 't', '{}', 'now')").run()).toThrow(/CHECK/);

    db.prepare("INSERT INTO sync_entries (account_id, kind, title_key, title, state, read_at) VALUES ('mal:2', 'anime', 'k', 't', '{}', 'now')").run();
    db.prepare("INSERT INTO sync_bases (account_id, kind, title_key, state, synced_at) VALUES ('mal:2', 'anime', 'k', '{}', 'now')").run();
    db.prepare("INSERT INTO sync_conflict_answers (conflict_id, account_id) VALUES ('c1', 'mal:2')").run();
    run(db).run('r1', 'sync', 'done');
    db.prepare("INSERT INTO sync_journal (run_id, write_id, account_id, service, kind, title_key, title, op, after) VALUES ('r1', 'w1', 'mal:2', 'mal', 'anime', 'k', 't', 'update', '{}')").run();
    db.prepare("DELETE FROM accounts WHERE id = 'mal:2'").run();
    for (const table of ['sync_entries', 'sync_bases', 'sync_outbox', 'sync_conflict_answers']) {
      expect(db.prepare(`SELECT count(*) AS n FROM ${table}`).get()).toEqual({ n: 0 });
    }
    expect(db.prepare('SELECT count(*) AS n FROM sync_journal').get()).toEqual({ n: 1 });
  });
});
