import type { Migration } from './migration';

/**
 * Read caches (issue 4): answers that are the same for everyone (searches, title metadata) kept for a while,
 * and each account's last full read of a list with the service's change marker at that moment, so a list is
 * re-read only when the service says it changed. Times are Unix milliseconds (INTEGER) because every read
 * compares them with "now" and sweeps by them; text dates would need parsing for that. No tokens: neither
 * table holds anything that authenticates, only what the services answered.
 */
export const migration003ReadCache: Migration = {
  version: 3,
  name: 'read cache and list snapshots',
  up(db) {
    db.exec(`
      CREATE TABLE read_cache (
        -- Service and kind of answer with a shape version, e.g. 'anilist.search.v1': never shared across services.
        namespace  TEXT NOT NULL,
        -- Everything that changes the answer (query, type, page, ids), as canonical JSON.
        key        TEXT NOT NULL,
        -- The answer as JSON; read back through a schema, and a value that does not parse is a miss.
        value      TEXT NOT NULL,
        stored_at  INTEGER NOT NULL,
        expires_at INTEGER NOT NULL,
        PRIMARY KEY (namespace, key)
      ) STRICT;
      CREATE INDEX read_cache_expires_at ON read_cache (expires_at);

      CREATE TABLE list_snapshots (
        account_id  TEXT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
        -- Which of the account's lists, e.g. 'anime', 'manga', 'watchlist', 'history', 'ratings'.
        list        TEXT NOT NULL,
        -- What the service said about the list's last change when this read began (see providers/cache).
        marker      TEXT NOT NULL,
        entry_count INTEGER NOT NULL CHECK (entry_count >= 0),
        -- JSON array of the entries as the client returned them.
        entries     TEXT NOT NULL,
        read_at     INTEGER NOT NULL,
        PRIMARY KEY (account_id, list)
      ) STRICT;
    `);
  },
};
