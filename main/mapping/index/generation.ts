import type Database from 'better-sqlite3';

/**
 * A counter per connection, bumped whenever a source is rebuilt, so a lookup built from the same connection
 * knows to reload its in-memory maps without asking SQLite on every query. Writes from other connections are
 * caught by `PRAGMA data_version` in the lookup.
 */
const generations = new WeakMap<Database.Database, number>();

export function indexGeneration(db: Database.Database): number {
  return generations.get(db) ?? 0;
}

export function bumpIndexGeneration(db: Database.Database): void {
  generations.set(db, indexGeneration(db) + 1);
}
