import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migration005MatchOverrides } from '../../../../../main/db/migrations/005-match-overrides';

describe('migration 005: match overrides', () => {
  it('creates the table with its rules: ignore names no entry, links and unlinks name one, kinds and origins are closed', () => {
    const db = new Database(':memory:');
    migration005MatchOverrides.up(db);
    const insert = db.prepare('INSERT INTO match_overrides (item_key, kind, anilist_id, origin) VALUES (?, ?, ?, ?)');
    insert.run('tvdb:1:s1', 'link', 5, 'user');
    insert.run('tvdb:1:s1', 'unlink', 6, 'import:anibridge');
    insert.run('tvdb:2:s1', 'ignore', null, 'user');
    expect(() => insert.run('tvdb:3:s1', 'ignore', 7, 'user')).toThrow(/CHECK/);
    expect(() => insert.run('tvdb:3:s1', 'link', null, 'user')).toThrow(/CHECK/);
    expect(() => insert.run('tvdb:3:s1', 'merge', 7, 'user')).toThrow(/CHECK/);
    expect(() => insert.run('tvdb:3:s1', 'link', 7, 'someone')).toThrow(/CHECK/);
    expect(() => insert.run('tvdb:1:s1', 'link', 5, 'user')).toThrow(/UNIQUE/);
    expect(db.prepare('SELECT count(*) AS n FROM match_overrides').get()).toEqual({ n: 3 });
  });
});
