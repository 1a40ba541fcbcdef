import type Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';

/** Install facts that are not preferences (migration 002's app_state). */
export function readAppState(db: Database.Database, key: string): string | undefined {
  return db.prepare<[string], { value: string }>('SELECT value FROM app_state WHERE key = ?').get(key)?.value;
}

export function writeAppState(db: Database.Database, key: string, value: string): void {
  db.prepare('INSERT INTO app_state (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(key, value);
}

/**
 * X-Plex-Client-Identifier: Plex binds PINs and device entries to it, so it must stay the same for the
 * life of the install (API-NOTES §2 "Headers"). Made once, on first use.
 */
export function plexClientIdentifier(db: Database.Database): string {
  const existing = readAppState(db, 'plex.clientIdentifier');
  if (existing) return existing;
  const made = `kizuna-${randomUUID()}`;
  writeAppState(db, 'plex.clientIdentifier', made);
  return made;
}
