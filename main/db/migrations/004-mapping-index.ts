import type { Migration } from './migration';

/**
 * The merged anime ID index (issue 5, DESIGN §6): what each community table says, one row per entry and per
 * link, so a source is replaced whole (DELETE its rows, INSERT the new file's) in one transaction, and every link keeps the source it came from. AniDB-keyed tables (Anime-Lists, and Kometa/Fribb entries
 * without an AniList id) get their AniList id through mapping_anidb_hops, which records which table gave each
 * hop. mapping_files is the provenance of each loaded file. Times are Unix milliseconds like migration 003.
 */
export const migration004MappingIndex: Migration = {
  version: 4,
  name: 'mapping index',
  up(db) {
    db.exec(`
      CREATE TABLE mapping_entries (
        source      TEXT NOT NULL,
        -- Position in the source file (1-based): stable within one build, the key its links hang on.
        entry       INTEGER NOT NULL,
        -- NULL when the table is keyed by AniDB and gives no AniList id itself (then the hop decides).
        anilist_id  INTEGER,
        anidb_id    INTEGER,
        -- The entry whole as JSON (ids and season mappings with their episode ranges, ratio and offset): the
        -- lookup reads every entry into memory at once, and one JSON column reads several times faster than
        -- joining rows back together. mapping_links repeats the ids as rows for queries by id.
        links       TEXT NOT NULL,
        PRIMARY KEY (source, entry)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX mapping_entries_anilist ON mapping_entries (anilist_id);
      CREATE INDEX mapping_entries_anidb ON mapping_entries (anidb_id);

      CREATE TABLE mapping_links (
        source      TEXT NOT NULL,
        entry       INTEGER NOT NULL,
        kind        TEXT NOT NULL CHECK (kind IN ('mal', 'anidb', 'tvdb', 'tmdb_show', 'tmdb_movie', 'imdb')),
        -- Text for every kind: IMDb ids keep their "tt" prefix.
        external_id TEXT NOT NULL,
        FOREIGN KEY (source, entry) REFERENCES mapping_entries (source, entry) ON DELETE CASCADE
      ) STRICT;
      CREATE INDEX mapping_links_entry ON mapping_links (source, entry);
      CREATE INDEX mapping_links_external ON mapping_links (kind, external_id);

      CREATE TABLE mapping_anidb_hops (
        anidb_id    INTEGER NOT NULL,
        anilist_id  INTEGER NOT NULL,
        -- The most trusted table that says so (Kometa before Fribb).
        via_source  TEXT NOT NULL,
        PRIMARY KEY (anidb_id, anilist_id)
      ) STRICT, WITHOUT ROWID;

      CREATE TABLE mapping_files (
        source        TEXT PRIMARY KEY,
        url           TEXT NOT NULL,
        etag          TEXT,
        last_modified TEXT,
        sha256        TEXT NOT NULL,
        bytes         INTEGER NOT NULL CHECK (bytes >= 0),
        fetched_at    INTEGER NOT NULL,
        built_at      INTEGER NOT NULL,
        entry_count   INTEGER NOT NULL CHECK (entry_count >= 0),
        link_count    INTEGER NOT NULL CHECK (link_count >= 0),
        season_count  INTEGER NOT NULL CHECK (season_count >= 0)
      ) STRICT;
    `);
  },
};
