import type Database from 'better-sqlite3';
import type { AnimeLinks, MappingSourceName } from '../model';

/**
 * Reads the whole index back into AnimeLinks, each with its AniList id settled: the entry's own, or for an
 * AniDB-keyed entry every AniList id the hop table gives (one copy per id). Entries with neither are left out:
 * nothing can be looked up through them. The JSON was written by build.ts from validated loader output, so it
 * is trusted here; a row that is not an object is skipped rather than failing every lookup.
 */
type EntryRow = [source: MappingSourceName, anilistId: number | null, anidbId: number | null, links: string];

export function loadResolvedEntries(db: Database.Database): AnimeLinks[] {
  const hops = new Map<number, number[]>();
  for (const row of db.prepare<[], { anidb_id: number; anilist_id: number }>('SELECT anidb_id, anilist_id FROM mapping_anidb_hops').iterate()) {
    const list = hops.get(row.anidb_id);
    if (list) list.push(row.anilist_id);
    else hops.set(row.anidb_id, [row.anilist_id]);
  }
  const resolved: AnimeLinks[] = [];
  // Raw rows and one JSON.parse each, nothing else per row: this runs over every entry of every table.
  const rows = db.prepare<[], EntryRow>('SELECT source, anilist_id, anidb_id, links FROM mapping_entries').raw().all();
  for (const [source, anilistId, anidbId, json] of rows) {
    const links = JSON.parse(json) as AnimeLinks | null;
    if (typeof links !== 'object' || links === null) continue;
    links.source = source;
    if (anilistId !== null) resolved.push(links);
    else if (anidbId !== null) for (const hop of hops.get(anidbId) ?? []) resolved.push({ ...links, anilistId: hop });
  }
  return resolved;
}

/** AniDB id → AniList id → the table that gave that hop; for evidence ("AniDB 69 → AniList 21 via Kometa"). */
export function loadAnidbHops(db: Database.Database): Map<number, Map<number, MappingSourceName>> {
  const hops = new Map<number, Map<number, MappingSourceName>>();
  const rows = db.prepare<[], { anidb_id: number; anilist_id: number; via_source: MappingSourceName }>('SELECT * FROM mapping_anidb_hops').all();
  for (const row of rows) {
    const forAnidb = hops.get(row.anidb_id) ?? new Map<number, MappingSourceName>();
    forAnidb.set(row.anilist_id, row.via_source);
    hops.set(row.anidb_id, forAnidb);
  }
  return hops;
}
