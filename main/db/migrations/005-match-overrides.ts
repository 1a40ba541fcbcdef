import type { Migration } from './migration';

/**
 * The person's matching decisions (issue 5 item 4). They beat every ID table and title match. Each is about
 * one item key (a TVDB/TMDB season, a movie id, or a normalised title) and says: link it to these AniList
 * entries (optionally only some episodes of the season), unlink a pairing a table made, or ignore the item.
 * The review queue holds what could not be matched with confidence, with its ranked candidates.
 */
export const migration005MatchOverrides: Migration = {
  version: 5,
  name: 'match overrides and the review queue',
  up(db) {
    db.exec(`
      CREATE TABLE match_overrides (
        id             INTEGER PRIMARY KEY,
        item_key       TEXT NOT NULL,
        kind           TEXT NOT NULL CHECK (kind IN ('link', 'unlink', 'ignore')),
        anilist_id     INTEGER CHECK ((kind = 'ignore') = (anilist_id IS NULL)),
        -- Episodes of the item's season the link covers: e.g. "e1-e13", "e14-"; NULL: the whole season.
        episodes       TEXT,
        -- What the item was called when decided, for lists and exports.
        label          TEXT NOT NULL DEFAULT '',
        origin         TEXT NOT NULL DEFAULT 'user' CHECK (origin IN ('user', 'import:plexanisync', 'import:anibridge', 'import:kizuna')),
        created_at     TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
        UNIQUE (item_key, kind, anilist_id)
      ) STRICT;
      CREATE INDEX match_overrides_by_item ON match_overrides (item_key);

      -- Items no table or title could match with confidence, waiting for the person (issue 5 item 5).
      CREATE TABLE review_items (
        id          INTEGER PRIMARY KEY,
        item_key    TEXT NOT NULL UNIQUE,
        -- Where the item came from: 'plex' or 'trakt', and which account read it.
        origin      TEXT NOT NULL CHECK (origin IN ('plex', 'trakt')),
        account_id  TEXT,
        -- The MatchQuery, as JSON.
        query       TEXT NOT NULL,
        -- Ranked candidates (Candidate[] as JSON, at most 10).
        candidates  TEXT NOT NULL DEFAULT '[]',
        reason      TEXT NOT NULL CHECK (reason IN ('no-match', 'low-confidence')),
        confidence  REAL NOT NULL DEFAULT 0,
        status      TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'resolved', 'ignored')),
        created_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
        updated_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
      ) STRICT;
      CREATE INDEX review_items_open ON review_items (status, updated_at);
    `);
  },
};
