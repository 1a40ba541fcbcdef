import type Database from 'better-sqlite3';
import type { AnimeLinks, IdKind, MappingSourceName } from '../model';

/**
 * A counter per connection, bumped whenever a source is rebuilt, so a lookup on the same connection knows to
 * reload its in-memory maps without asking SQLite on every query. Writes from other connections are caught by
 * `PRAGMA data_version` in the lookup.
 */
const generations = new WeakMap<Database.Database, number>();

export function indexGeneration(db: Database.Database): number {
  return generations.get(db) ?? 0;
}

/** Where a loaded file came from, kept beside its rows (mapping_files). */
export interface FileProvenance {
  url: string;
  etag: string | null;
  lastModified: string | null;
  sha256: string;
  bytes: number;
  fetchedAt: number;
}

export interface BuildCounts {
  entries: number;
  links: number;
  seasons: number;
}

/** The tables that may give an AniDB → AniList hop, most trusted first (SOURCE_PRECEDENCE order). */
const HOP_SOURCES: readonly MappingSourceName[] = ['kometa', 'fribb'];

function externalIds(links: AnimeLinks): [Exclude<IdKind, 'anilist'>, string][] {
  return [
    ...links.malIds.map((id): [Exclude<IdKind, 'anilist'>, string] => ['mal', String(id)]),
    ...(links.anidbId === null ? [] : [['anidb', String(links.anidbId)] as [Exclude<IdKind, 'anilist'>, string]]),
    ...(links.tvdbId === null ? [] : [['tvdb', String(links.tvdbId)] as [Exclude<IdKind, 'anilist'>, string]]),
    ...links.tmdbShowIds.map((id): [Exclude<IdKind, 'anilist'>, string] => ['tmdb_show', String(id)]),
    ...links.tmdbMovieIds.map((id): [Exclude<IdKind, 'anilist'>, string] => ['tmdb_movie', String(id)]),
    ...links.imdbIds.map((id): [Exclude<IdKind, 'anilist'>, string] => ['imdb', id]),
  ];
}

/** Rebuilds every AniDB → AniList hop from the hop tables' own pairs; the first table to give a pair keeps it. */
function rebuildHops(db: Database.Database): void {
  db.prepare('DELETE FROM mapping_anidb_hops').run();
  const insert = db.prepare(`INSERT OR IGNORE INTO mapping_anidb_hops (anidb_id, anilist_id, via_source)
    SELECT anidb_id, anilist_id, source FROM mapping_entries WHERE source = ? AND anidb_id IS NOT NULL AND anilist_id IS NOT NULL`);
  for (const source of HOP_SOURCES) insert.run(source);
}

/**
 * Replaces one source's rows with a freshly parsed file, atomically: readers see the old rows or the new ones,
 * never a mix, and a failure part-way leaves the old rows. Parse and validate before calling this.
 */
export function replaceSourceIndex(db: Database.Database, source: MappingSourceName, entries: readonly AnimeLinks[], file: FileProvenance, builtAt: number): BuildCounts {
  const insertEntry = db.prepare('INSERT INTO mapping_entries (source, entry, anilist_id, anidb_id, links) VALUES (?, ?, ?, ?, ?)');
  const insertLink = db.prepare('INSERT INTO mapping_links (source, entry, kind, external_id) VALUES (?, ?, ?, ?)');
  const counts: BuildCounts = { entries: 0, links: 0, seasons: 0 };
  db.transaction(() => {
    for (const table of ['mapping_links', 'mapping_entries']) db.prepare(`DELETE FROM ${table} WHERE source = ?`).run(source);
    entries.forEach((links, index) => {
      const entry = index + 1;
      const { source: _source, ...rest } = links;
      insertEntry.run(source, entry, links.anilistId, links.anidbId, JSON.stringify(rest));
      const ids = externalIds(links);
      for (const [kind, id] of ids) insertLink.run(source, entry, kind, id);
      counts.entries += 1;
      counts.links += ids.length;
      counts.seasons += links.seasons.length;
    });
    rebuildHops(db);
    db.prepare(
      `INSERT OR REPLACE INTO mapping_files (source, url, etag, last_modified, sha256, bytes, fetched_at, built_at, entry_count, link_count, season_count)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(source, file.url, file.etag, file.lastModified, file.sha256, file.bytes, file.fetchedAt, builtAt, counts.entries, counts.links, counts.seasons);
  })();
  generations.set(db, indexGeneration(db) + 1);
  return counts;
}
