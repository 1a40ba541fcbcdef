import type Database from 'better-sqlite3';
import { AppError, type PlexLibraryHolds, type PlexServerView } from '../../shared/contract';

/** The Plex servers and libraries a person chose (migration 002). Server tokens are not here: see stored-tokens.ts. */

export interface PlexServerRecord {
  machineIdentifier: string;
  name: string;
  owned: boolean;
  connections: Array<{ uri: string; local: boolean; relay: boolean }>;
}

export interface PlexSectionRecord {
  key: string;
  title: string;
  type: string;
}

interface ServerRow {
  machine_identifier: string;
  name: string;
  owned: number;
  connections: string;
  selected: number;
  address: string | null;
  problem: string | null;
}

interface LibraryRow {
  machine_identifier: string;
  section_key: string;
  title: string;
  type: string;
  holds: PlexLibraryHolds;
}

/** A first guess the person can change: a show library called "Anime" holds anime. */
export function guessHolds(section: PlexSectionRecord): PlexLibraryHolds {
  if (/anime|アニメ/i.test(section.title)) return section.type === 'show' || section.type === 'movie' ? 'anime' : 'none';
  return section.type === 'show' ? 'shows' : section.type === 'movie' ? 'movies' : section.type === 'artist' ? 'music' : 'none';
}

/** Replaces the account's server list with what plex.tv says now; choices for servers still there are kept. */
export function savePlexServers(db: Database.Database, accountId: string, servers: readonly PlexServerRecord[]): void {
  db.transaction(() => {
    const keep = new Set(servers.map((server) => server.machineIdentifier));
    for (const row of db.prepare<[string], { machine_identifier: string }>('SELECT machine_identifier FROM plex_servers WHERE account_id = ?').all(accountId)) {
      if (!keep.has(row.machine_identifier)) db.prepare('DELETE FROM plex_servers WHERE account_id = ? AND machine_identifier = ?').run(accountId, row.machine_identifier);
    }
    const upsert = db.prepare(
      `INSERT INTO plex_servers (account_id, machine_identifier, name, owned, connections) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (account_id, machine_identifier) DO UPDATE SET name = excluded.name, owned = excluded.owned, connections = excluded.connections`,
    );
    for (const server of servers) upsert.run(accountId, server.machineIdentifier, server.name, server.owned ? 1 : 0, JSON.stringify(server.connections));
  })();
}

export function plexServerConnections(db: Database.Database, accountId: string, machineIdentifier: string): PlexServerRecord['connections'] {
  const row = db.prepare<[string, string], { connections: string }>('SELECT connections FROM plex_servers WHERE account_id = ? AND machine_identifier = ?').get(accountId, machineIdentifier);
  if (!row) throw new AppError('not_found', 'That Plex server is not in this account\'s list. Refresh the server list.');
  return JSON.parse(row.connections) as PlexServerRecord['connections'];
}

export function recordPlexServerCheck(db: Database.Database, accountId: string, machineIdentifier: string, check: { address: string | null; problem: string | null }): void {
  db.prepare('UPDATE plex_servers SET address = ?, problem = ? WHERE account_id = ? AND machine_identifier = ?').run(check.address, check.problem, accountId, machineIdentifier);
}

/** Replaces a server's libraries with its current sections, keeping what the person said each holds. */
export function savePlexLibraries(db: Database.Database, accountId: string, machineIdentifier: string, sections: readonly PlexSectionRecord[]): void {
  db.transaction(() => {
    const existing = new Map(
      db
        .prepare<[string, string], LibraryRow>('SELECT machine_identifier, section_key, title, type, holds FROM plex_libraries WHERE account_id = ? AND machine_identifier = ?')
        .all(accountId, machineIdentifier)
        .map((row) => [row.section_key, row.holds]),
    );
    db.prepare('DELETE FROM plex_libraries WHERE account_id = ? AND machine_identifier = ?').run(accountId, machineIdentifier);
    const insert = db.prepare('INSERT INTO plex_libraries (account_id, machine_identifier, section_key, title, type, holds) VALUES (?, ?, ?, ?, ?, ?)');
    for (const section of sections) insert.run(accountId, machineIdentifier, section.key, section.title, section.type, existing.get(section.key) ?? guessHolds(section));
  })();
}

export function selectPlexServer(db: Database.Database, accountId: string, machineIdentifier: string, selected: boolean): void {
  const changed = db.prepare('UPDATE plex_servers SET selected = ? WHERE account_id = ? AND machine_identifier = ?').run(selected ? 1 : 0, accountId, machineIdentifier).changes;
  if (changed === 0) throw new AppError('not_found', 'That Plex server is not in this account\'s list. Refresh the server list.');
}

export function setPlexLibraryHolds(db: Database.Database, accountId: string, machineIdentifier: string, key: string, holds: PlexLibraryHolds): void {
  const changed = db.prepare('UPDATE plex_libraries SET holds = ? WHERE account_id = ? AND machine_identifier = ? AND section_key = ?').run(holds, accountId, machineIdentifier, key).changes;
  if (changed === 0) throw new AppError('not_found', 'That Plex library is not known for this server. Refresh the server list.');
}

export function listPlexServerViews(db: Database.Database, accountId: string): PlexServerView[] {
  const libraries = db
    .prepare<[string], LibraryRow>('SELECT machine_identifier, section_key, title, type, holds FROM plex_libraries WHERE account_id = ? ORDER BY title COLLATE NOCASE')
    .all(accountId);
  return db
    .prepare<[string], ServerRow>('SELECT machine_identifier, name, owned, connections, selected, address, problem FROM plex_servers WHERE account_id = ? ORDER BY owned DESC, name COLLATE NOCASE')
    .all(accountId)
    .map((row) => ({
      machineIdentifier: row.machine_identifier,
      name: row.name,
      owned: row.owned === 1,
      selected: row.selected === 1,
      address: row.address,
      problem: row.problem,
      libraries: libraries.filter((library) => library.machine_identifier === row.machine_identifier).map((library) => ({ key: library.section_key, title: library.title, type: library.type, holds: library.holds })),
    }));
}
