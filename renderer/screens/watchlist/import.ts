import Papa from 'papaparse';
import type { WatchlistImportRef } from '../../../shared/contract/watchlist';

export interface ParsedImport {
  refs: WatchlistImportRef[];
  /** Lines that name no id Kizuna can look up, by line number (1 is the first data line). */
  skipped: number[];
}

const typeOf = (value: unknown): 'movie' | 'show' | undefined => {
  const text = String(value ?? '').toLowerCase();
  if (text === 'movie' || text === 'film') return 'movie';
  if (text === 'show' || text === 'tv' || text === 'series') return 'show';
  return undefined;
};

const number = (value: unknown): number | undefined => {
  const parsed = Number(String(value ?? '').trim());
  return Number.isInteger(parsed) && parsed > 0 ? parsed : undefined;
};

/** One row or object as a reference: any of the Trakt, IMDb, TMDB or TVDB ids, the type when given. */
function refOf(row: Record<string, unknown>): WatchlistImportRef | null {
  const ids = (typeof row.ids === 'object' && row.ids !== null ? row.ids : row) as Record<string, unknown>;
  const pick = (...names: string[]) => names.map((name) => ids[name] ?? row[name]).find((value) => value !== undefined && value !== null && String(value).trim() !== '');
  const imdbText = String(pick('imdb', 'imdb_id', 'const') ?? '').trim();
  const ref: WatchlistImportRef = {
    ...(typeOf(pick('type', 'title_type')) ? { type: typeOf(pick('type', 'title_type')) } : {}),
    ...(number(pick('trakt', 'trakt_id')) ? { trakt: number(pick('trakt', 'trakt_id')) } : {}),
    ...(/^tt\d+$/.test(imdbText) ? { imdb: imdbText } : {}),
    ...(number(pick('tmdb', 'tmdb_id')) ? { tmdb: number(pick('tmdb', 'tmdb_id')) } : {}),
    ...(number(pick('tvdb', 'tvdb_id')) ? { tvdb: number(pick('tvdb', 'tvdb_id')) } : {}),
    ...(typeof row.title === 'string' ? { title: row.title } : {}),
  };
  return ref.trakt || ref.imdb || ref.tmdb || ref.tvdb ? ref : null;
}

/**
 * A watchlist file as references to look up: Kizuna's own CSV or JSON export, or any CSV/JSON with columns
 * named for the ids (trakt, imdb, tmdb, tvdb, with or without "_id"; IMDb's "const"). Never throws: a file
 * that is neither gives no references and says so through `skipped` being everything.
 */
export function parseWatchlistImport(text: string, fileName: string): ParsedImport {
  const trimmed = text.trim();
  let rows: Array<Record<string, unknown>>;
  if (fileName.toLowerCase().endsWith('.json') || trimmed.startsWith('[') || trimmed.startsWith('{')) {
    try {
      const value: unknown = JSON.parse(trimmed);
      const list = Array.isArray(value) ? value : typeof value === 'object' && value !== null && Array.isArray((value as { items?: unknown }).items) ? (value as { items: unknown[] }).items : [];
      rows = list.filter((item): item is Record<string, unknown> => typeof item === 'object' && item !== null);
    } catch {
      rows = [];
    }
  } else {
    rows = Papa.parse<Record<string, unknown>>(trimmed, { header: true, skipEmptyLines: true, transformHeader: (header) => header.trim().toLowerCase().replace(/\s+/g, '_') }).data;
  }
  const refs: WatchlistImportRef[] = [];
  const skipped: number[] = [];
  rows.forEach((row, index) => {
    const ref = refOf(row);
    if (ref) refs.push(ref);
    else skipped.push(index + 1);
  });
  return { refs, skipped };
}
