/**
 * Loads the benchmark's catalog.json (AniDB titles keyed by AniList id, no years) into the matcher's pool.
 * Only the dev harness and tests use it; the app feeds the pool from AniList data instead.
 */
import { readFileSync } from 'node:fs';
import type { TitleRecord } from './title-pool';

interface CatalogTitle {
  t: string;
  lang: string | null;
  kind: string;
}

interface CatalogEntry {
  anilist_id: number;
  type: string | null;
  titles: CatalogTitle[];
}

/** Main titles sort first so a record's first title is its name; fans' short names sort last. */
const KIND_ORDER: Record<string, number> = { anidb_main: 0, aod_main: 1, anidb_official: 2, anidb_synonym: 3, anidb_short: 10 };

function isCatalogEntry(value: unknown): value is CatalogEntry {
  if (typeof value !== 'object' || value === null) return false;
  const entry = value as Record<string, unknown>;
  return typeof entry.anilist_id === 'number' && Array.isArray(entry.titles);
}

/** Turns the benchmark catalog's entries into records; duplicate spellings are dropped. */
export function recordsFromCatalog(document: unknown): TitleRecord[] {
  const entries = (document as { entries?: unknown }).entries;
  if (!Array.isArray(entries)) throw new Error('catalog: no entries array');
  const records: TitleRecord[] = [];
  for (const entry of entries) {
    if (!isCatalogEntry(entry)) continue;
    const sorted = [...entry.titles]
      .filter((title) => typeof title.t === 'string' && title.t.trim() !== '')
      .sort((a, b) => (KIND_ORDER[a.kind] ?? 9) - (KIND_ORDER[b.kind] ?? 9));
    const titles: string[] = [];
    const seen = new Set<string>();
    let informalFrom: number | undefined;
    for (const title of sorted) {
      if (seen.has(title.t)) continue;
      seen.add(title.t);
      if (title.kind === 'anidb_short') informalFrom ??= titles.length;
      titles.push(title.t);
    }
    const record: TitleRecord = { anilistId: entry.anilist_id, titles };
    if (informalFrom !== undefined) record.informalFrom = informalFrom;
    if (entry.type && entry.type !== 'UNKNOWN') record.format = entry.type;
    records.push(record);
  }
  return records;
}

/** Reads /work/shared/bench/catalog.json (or a file of the same shape). */
export function loadBenchCatalog(path: string): TitleRecord[] {
  return recordsFromCatalog(JSON.parse(readFileSync(path, 'utf8')) as unknown);
}
