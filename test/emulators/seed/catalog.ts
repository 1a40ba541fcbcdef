import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import type { MediaFormat } from './world';

/**
 * The committed seed catalogue (test/fixtures/seed/catalog.json.gz): one row per AniList anime entry, derived
 * from the community mapping data by scripts/generate-seed-catalog.ts. The mapping data itself is not
 * committed (it lives in ../shared), so this file is what lets a fresh clone build seed worlds.
 *
 * Rows are arrays rather than objects to keep the file small; this module is the one place that knows the
 * column order, shared by the generator (encode) and the world builder (decode).
 */

export const CATALOG_FORMAT = 'kizuna-seed-catalog/1';

/** A stretch of a TVDB season holding some of an entry's episodes, in the entry's episode order. */
export interface CatalogPiece {
  season: number;
  /** TVDB episodes of this season before the stretch starts. */
  episodeOffset: number;
  episodes: number;
}

export interface CatalogEntry {
  anilist: number;
  mal: number | null;
  anidb: number;
  tvdb: number | null;
  /** Empty unless tvdb is set; movies never have pieces (they live in movie libraries). */
  pieces: CatalogPiece[];
  tmdbShow: number | null;
  tmdbMovie: number | null;
  imdb: string | null;
  romaji: string;
  english: string | null;
  format: MediaFormat;
  /** Null for a few still-airing entries without a TVDB link (AniList shows null there too). */
  episodes: number | null;
  year: number;
  isAdult: boolean;
}

export interface CatalogSource {
  dataset: string;
  repo: string;
  commit: string;
  commitDate: string;
  files: string[];
  licence: string;
}

export interface CatalogFile {
  format: typeof CATALOG_FORMAT;
  note: string;
  sources: CatalogSource[];
  columns: readonly string[];
  rows: CatalogRow[];
}

type CatalogRow = [
  anilist: number,
  mal: number | null,
  anidb: number,
  tvdb: number | null,
  pieces: number[],
  tmdbShow: number | null,
  tmdbMovie: number | null,
  imdb: string | null,
  romaji: string,
  english: string | null,
  format: MediaFormat,
  episodes: number | null,
  year: number,
  isAdult: 0 | 1,
];

export const CATALOG_COLUMNS = ['anilist', 'mal', 'anidb', 'tvdb', 'pieces(season,offset,episodes)*', 'tmdbShow', 'tmdbMovie', 'imdb', 'romaji', 'english', 'format', 'episodes', 'year', 'isAdult'] as const;

export function encodeEntry(entry: CatalogEntry): CatalogRow {
  const pieces = entry.pieces.flatMap((piece) => [piece.season, piece.episodeOffset, piece.episodes]);
  return [entry.anilist, entry.mal, entry.anidb, entry.tvdb, pieces, entry.tmdbShow, entry.tmdbMovie, entry.imdb, entry.romaji, entry.english, entry.format, entry.episodes, entry.year, entry.isAdult ? 1 : 0];
}

export function decodeRow(row: CatalogRow): CatalogEntry {
  const [anilist, mal, anidb, tvdb, flat, tmdbShow, tmdbMovie, imdb, romaji, english, format, episodes, year, isAdult] = row;
  const pieces: CatalogPiece[] = [];
  for (let i = 0; i + 2 < flat.length; i += 3) pieces.push({ season: flat[i] ?? 0, episodeOffset: flat[i + 1] ?? 0, episodes: flat[i + 2] ?? 0 });
  return { anilist, mal, anidb, tvdb, pieces, tmdbShow, tmdbMovie, imdb, romaji, english, format, episodes, year, isAdult: isAdult === 1 };
}

/**
 * One row per line: the gzip stays small either way, and a developer who gunzips the file can read and
 * diff it. Key order is fixed, so the same entries always give the same bytes.
 */
export function serializeCatalog(file: Omit<CatalogFile, 'rows'>, entries: readonly CatalogEntry[]): string {
  const head = JSON.stringify({ format: file.format, note: file.note, sources: file.sources, columns: file.columns }, null, 2);
  const rows = entries.map((entry) => JSON.stringify(encodeEntry(entry))).join(',\n');
  return `${head.slice(0, -2)},\n  "rows": [\n${rows}\n]}\n`;
}

export function parseCatalog(text: string): { file: CatalogFile; entries: CatalogEntry[] } {
  const file = JSON.parse(text) as CatalogFile;
  if (file.format !== CATALOG_FORMAT) throw new Error(`seed catalogue: expected format ${CATALOG_FORMAT}, got ${String(file.format)}`);
  return { file, entries: file.rows.map(decodeRow) };
}

/** The committed catalogue; scripts/generate-seed-catalog.ts writes it. */
export const catalogPath = fileURLToPath(new URL('../../fixtures/seed/catalog.json.gz', import.meta.url));

export interface Catalog {
  file: Omit<CatalogFile, 'rows'>;
  entries: CatalogEntry[];
  byAnilist: Map<number, CatalogEntry>;
}

let cached: Catalog | undefined;

/** Read once per process: every seed world is built from the same catalogue. */
export function loadCatalog(): Catalog {
  if (cached) return cached;
  const { file, entries } = parseCatalog(gunzipSync(readFileSync(catalogPath)).toString('utf8'));
  const { rows: _rows, ...header } = file;
  cached = { file: header, entries, byAnilist: new Map(entries.map((entry) => [entry.anilist, entry])) };
  return cached;
}

/** A landmark the seed relies on: missing means the catalogue was regenerated from data that dropped it. */
export function requireEntry(catalog: Catalog, anilist: number): CatalogEntry {
  const entry = catalog.byAnilist.get(anilist);
  if (!entry) throw new Error(`seed catalogue has no AniList ${anilist}; the seed's landmarks need it`);
  return entry;
}