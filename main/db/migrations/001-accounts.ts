import type { Migration } from './migration';

/** Connected accounts. Tokens are NOT here: they live in the secret store under `secret_key`. */
export const migration001Accounts: Migration = {
  version: 1,
  name: 'accounts',
  up(db) {
    db.exec(`
      CREATE TABLE accounts (
        id               TEXT PRIMARY KEY,
        service          TEXT NOT NULL CHECK (service IN ('anilist', 'mal', 'trakt', 'plex')),
        external_user_id TEXT NOT NULL,
        user_name        TEXT NOT NULL,
        avatar_url       TEXT,
        token_expires_at TEXT,
        secret_key       TEXT NOT NULL,
        connected_at     TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
        UNIQUE (service, external_user_id)
      ) STRICT;
    `);
  },
};
