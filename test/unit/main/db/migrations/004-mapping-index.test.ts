import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate, schemaVersion } from '../../../../../main/db/migrate';
import { migration001Accounts } from '../../../../../main/db/migrations/001-accounts';
import { migration002AccountSettings } from '../../../../../main/db/migrations/002-account-settings';
import { migration003ReadCache } from '../../../../../main/db/migrations/003-read-cache';
import { migration004MappingIndex } from '../../../../../main/db/migrations/004-mapping-index';

const upTo3 = [migration001Accounts, migration002AccountSettings, migration003ReadCache];
const all = [...upTo3, migration004MappingIndex];

function columns(db: Database.Database, table: string): string[] {
  return db.prepare<[string], { name: string }>('SELECT name FROM pragma_table_info(?)').all(table).map((c) => c.name);
}

describe('migration 004: mapping index', () => {
  it('upgrades a version-3 file, keeping its read cache, and creates the index tables', () => {
    const db = new Database(':memory:');
    migrate(db, upTo3);
    db.prepare("INSERT INTO read_cache (namespace, key, value, stored_at, expires_at) VALUES ('n', 'k', '{}', 1, 2)").run();
    expect(migrate(db, all)).toEqual([4]);
    expect(schemaVersion(db)).toBe(4);
    expect(db.prepare('SELECT count(*) AS n FROM read_cache').get()).toEqual({ n: 1 });
    expect(columns(db, 'mapping_entries')).toEqual(['source', 'entry', 'anilist_id', 'anidb_id', 'links']);
    expect(columns(db, 'mapping_links')).toEqual(['source', 'entry', 'kind', 'external_id']);
    expect(columns(db, 'mapping_anidb_hops')).toEqual(['anidb_id', 'anilist_id', 'via_source']);
    expect(columns(db, 'mapping_files')).toEqual(['source', 'url', 'etag', 'last_modified', 'sha256', 'bytes', 'fetched_at', 'built_at', 'entry_count', 'link_count', 'season_count']);
  });

  it('keeps one row per source entry, refuses unknown id kinds and drops links with their entry', () => {
    const db = new Database(':memory:');
    db.pragma('foreign_keys = ON');
    migrate(db, all);
    const entry = db.prepare("INSERT INTO mapping_entries (source, entry, anilist_id, anidb_id, links) VALUES ('kometa', ?, 1, 23, '{}')");
    entry.run(1);
    expect(() => entry.run(1)).toThrow(/UNIQUE|PRIMARY/);
    const link = db.prepare("INSERT INTO mapping_links (source, entry, kind, external_id) VALUES ('kometa', ?, ?, '1')");
    link.run(1, 'mal');
    expect(() => link.run(1, 'kitsu')).toThrow(/CHECK/);
    expect(() => link.run(2, 'mal')).toThrow(/FOREIGN KEY/);
    db.prepare("DELETE FROM mapping_entries WHERE source = 'kometa'").run();
    expect(db.prepare('SELECT count(*) AS n FROM mapping_links').get()).toEqual({ n: 0 });
  });

  it('keeps one provenance row per source with non-negative counts', () => {
    const db = new Database(':memory:');
    migrate(db, all);
    const file = db.prepare("INSERT INTO mapping_files VALUES (?, 'u', NULL, NULL, 'h', 1, 1, 1, ?, 0, 0)");
    file.run('fribb', 3);
    expect(() => file.run('fribb', 3)).toThrow(/UNIQUE|PRIMARY/);
    expect(() => file.run('kometa', -1)).toThrow(/CHECK/);
  });
});
