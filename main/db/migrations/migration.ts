import type Database from 'better-sqlite3';

/** One numbered, forward-only schema step. Each runs in its own transaction and has its own test. */
export interface Migration {
  version: number;
  name: string;
  up(db: Database.Database): void;
}
