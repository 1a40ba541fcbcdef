import type { Migration } from './migration';

/**
 * What issue 4 adds around accounts: whether a service still accepts the account's token, the person's own
 * API clients (IDs only; client secrets live in the secret store), and the Plex servers and libraries the
 * person chose, and install facts (app_state). Still no token columns: Plex server tokens live with the account's secret.
 */
export const migration002AccountSettings: Migration = {
  version: 2,
  name: 'account status, own API clients, Plex servers and libraries',
  up(db) {
    db.exec(`
      ALTER TABLE accounts ADD COLUMN status TEXT NOT NULL DEFAULT 'connected' CHECK (status IN ('connected', 'needs-sign-in'));

      -- Small facts about this install that are not preferences, e.g. the Plex client identifier.
      CREATE TABLE app_state (
        key   TEXT PRIMARY KEY,
        value TEXT NOT NULL
      ) STRICT;

      CREATE TABLE service_clients (
        service    TEXT PRIMARY KEY CHECK (service IN ('anilist', 'mal', 'trakt', 'plex')),
        client_id  TEXT NOT NULL,
        has_secret INTEGER NOT NULL DEFAULT 0 CHECK (has_secret IN (0, 1)),
        updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
      ) STRICT;

      CREATE TABLE plex_servers (
        account_id         TEXT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
        machine_identifier TEXT NOT NULL,
        name               TEXT NOT NULL,
        owned              INTEGER NOT NULL CHECK (owned IN (0, 1)),
        -- JSON array of {uri, local, relay}, best first.
        connections        TEXT NOT NULL DEFAULT '[]',
        selected           INTEGER NOT NULL DEFAULT 1 CHECK (selected IN (0, 1)),
        address            TEXT,
        problem            TEXT,
        PRIMARY KEY (account_id, machine_identifier)
      ) STRICT;

      CREATE TABLE plex_libraries (
        account_id         TEXT NOT NULL,
        machine_identifier TEXT NOT NULL,
        section_key        TEXT NOT NULL,
        title              TEXT NOT NULL,
        type               TEXT NOT NULL,
        holds              TEXT NOT NULL CHECK (holds IN ('anime', 'shows', 'movies', 'music', 'none')),
        PRIMARY KEY (account_id, machine_identifier, section_key),
        FOREIGN KEY (account_id, machine_identifier) REFERENCES plex_servers (account_id, machine_identifier) ON DELETE CASCADE
      ) STRICT;
    `);
  },
};
