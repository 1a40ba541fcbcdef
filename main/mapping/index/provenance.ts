import type Database from 'better-sqlite3';
import type { MappingSourceName } from '../model';
import type { BuildCounts, FileProvenance } from './build';

export interface IndexedFile extends FileProvenance, BuildCounts {
  source: MappingSourceName;
  builtAt: number;
}

interface Row {
  source: MappingSourceName;
  url: string;
  etag: string | null;
  last_modified: string | null;
  sha256: string;
  bytes: number;
  fetched_at: number;
  built_at: number;
  entry_count: number;
  link_count: number;
  season_count: number;
}

function toFile(row: Row): IndexedFile {
  return {
    source: row.source,
    url: row.url,
    etag: row.etag,
    lastModified: row.last_modified,
    sha256: row.sha256,
    bytes: row.bytes,
    fetchedAt: row.fetched_at,
    builtAt: row.built_at,
    entries: row.entry_count,
    links: row.link_count,
    seasons: row.season_count,
  };
}

/** Which files the index holds, with where and when each came from (the settings screen and `kizuna status` show it). */
export function listIndexedFiles(db: Database.Database): IndexedFile[] {
  return db.prepare<[], Row>('SELECT * FROM mapping_files ORDER BY source').all().map(toFile);
}

export function indexedFile(db: Database.Database, source: MappingSourceName): IndexedFile | null {
  const row = db.prepare<[string], Row>('SELECT * FROM mapping_files WHERE source = ?').get(source);
  return row ? toFile(row) : null;
}
