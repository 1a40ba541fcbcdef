import type Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import type { Logger } from '../../app/ports';
import { PARSERS, TABLE_SOURCES, type TableSourceName } from '../data/index';
import { indexedFile, listIndexedFiles, replaceSourceIndex } from '../index/index';
import { DownloadError, fetchConditional } from './fetch-file';
import { decodeText, readCopy, writeCopy, type LocalCopy } from './local-copy';
import { copyFileName, DEFAULT_MAPPING_URLS, DEFAULT_MAX_BYTES, MIN_ENTRY_SHARE } from './sources';

/**
 * Refreshes the ID tables (DESIGN §6): a conditional GET per source, then parse and validate the whole file
 * before anything is replaced; only then the copy on disk and the source's rows in the index change. Any
 * failure keeps the last good copy (on disk and in the index). With no copy of anything and no network the
 * app still works, by titles alone, and the result says so.
 */
export interface UpdateMappingDataOptions {
  db: Database.Database;
  /** The app data folder; copies go to <dataDir>/mappings/. */
  dataDir: string;
  /** URL per source (settings); a missing key uses the published URL, null leaves the source out. */
  sources?: Partial<Record<TableSourceName, string | null>>;
  fetch?: typeof fetch;
  now?: () => Date;
  logger?: Logger;
  maxBytes?: number;
  timeoutMs?: number;
}

export interface MappingSourceStatus {
  source: TableSourceName;
  status: 'updated' | 'not-modified' | 'failed';
  /** One sentence for the person: what happened and what is in use now. */
  message: string;
  /** Entries in use for this source after the update; null when none. */
  entries: number | null;
}

export interface UpdateMappingDataResult {
  sources: MappingSourceStatus[];
  /** No table is in use at all: matching falls back to titles only. */
  titlesOnly: boolean;
  message: string;
}

const sha256 = (data: Buffer | string): string => createHash('sha256').update(data).digest('hex');
const day = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

/** Makes the index hold the kept copy (a new database, or an index rebuilt from elsewhere); returns its entry count. */
function indexCopy(db: Database.Database, source: TableSourceName, copy: LocalCopy, now: number): number {
  const indexed = indexedFile(db, source);
  if (indexed?.sha256 === copy.meta.sha256) return indexed.entries;
  const links = PARSERS[source](copy.text, `${source} kept copy ${copy.meta.file}`);
  const { url, etag, lastModified, sha256: hash, bytes, fetchedAt } = copy.meta;
  return replaceSourceIndex(db, source, links, { url, etag, lastModified, sha256: hash, bytes, fetchedAt }, now).entries;
}

async function updateOne(options: UpdateMappingDataOptions, source: TableSourceName, url: string): Promise<MappingSourceStatus> {
  const { db, dataDir } = options;
  const now = (options.now ?? (() => new Date()))().getTime();
  const copy = readCopy(dataDir, source);
  const validators = copy && copy.meta.url === url ? { etag: copy.meta.etag, lastModified: copy.meta.lastModified } : null;
  try {
    const outcome = await fetchConditional(options.fetch ?? fetch, url, validators, options.maxBytes ?? DEFAULT_MAX_BYTES, options.timeoutMs ?? 60_000);
    if (outcome.status === 'not-modified') {
      if (!copy || !validators) throw new DownloadError('the server answered 304 Not Modified but there is no copy to keep');
      const entries = indexCopy(db, source, copy, now);
      return { source, status: 'not-modified', message: `Unchanged since ${day(copy.meta.fetchedAt)} (${entries} entries).`, entries };
    }
    const hash = sha256(outcome.body);
    if (copy && copy.meta.sha256 === hash && copy.meta.url === url) {
      const entries = indexCopy(db, source, copy, now);
      writeCopy(dataDir, source, outcome.body, { ...copy.meta, etag: outcome.etag, lastModified: outcome.lastModified, fetchedAt: now });
      return { source, status: 'not-modified', message: `Downloaded again, same content (${entries} entries).`, entries };
    }
    const text = decodeText(outcome.body);
    const file = copyFileName(source, text);
    const links = PARSERS[source](text, `${source} ${file}`);
    if (copy && links.length < copy.meta.entries * MIN_ENTRY_SHARE) {
      throw new DownloadError(`the new file has ${links.length} entries, under half of the ${copy.meta.entries} in the kept copy (truncated upstream?)`);
    }
    const meta = { url, file, etag: outcome.etag, lastModified: outcome.lastModified, sha256: hash, bytes: outcome.body.length, fetchedAt: now, entries: links.length };
    writeCopy(dataDir, source, outcome.body, meta);
    replaceSourceIndex(db, source, links, meta, now);
    return { source, status: 'updated', message: `Updated: ${links.length} entries.`, entries: links.length };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    options.logger?.warn('mapping table update failed', { source, url, reason });
    return { source, status: 'failed', ...keepLastGood(db, source, copy, reason, now) };
  }
}

function keepLastGood(db: Database.Database, source: TableSourceName, copy: LocalCopy | null, reason: string, now: number): { message: string; entries: number | null } {
  if (copy) {
    try {
      const entries = indexCopy(db, source, copy, now);
      return { message: `Could not update (${reason}); using the copy from ${day(copy.meta.fetchedAt)} (${entries} entries).`, entries };
    } catch (copyError) {
      return { message: `Could not update (${reason}), and the kept copy is unreadable (${(copyError as Error).message}).`, entries: null };
    }
  }
  const indexed = indexedFile(db, source);
  if (indexed) return { message: `Could not update (${reason}); using what the index already holds from ${day(indexed.fetchedAt)}.`, entries: indexed.entries };
  return { message: `Could not download (${reason}) and there is no earlier copy: this table is not used.`, entries: null };
}

export async function updateMappingData(options: UpdateMappingDataOptions): Promise<UpdateMappingDataResult> {
  const results: MappingSourceStatus[] = [];
  for (const source of TABLE_SOURCES) {
    const configured = options.sources?.[source];
    const url = configured === undefined ? DEFAULT_MAPPING_URLS[source] : configured;
    if (url === null) continue;
    results.push(await updateOne(options, source, url));
  }
  const titlesOnly = listIndexedFiles(options.db).length === 0;
  const count = (status: MappingSourceStatus['status']): number => results.filter((result) => result.status === status).length;
  const message = titlesOnly
    ? 'No ID table could be downloaded and none was kept from before: matching uses titles only until a download succeeds.'
    : `ID tables: ${count('updated')} updated, ${count('not-modified')} unchanged, ${count('failed')} failed.`;
  options.logger?.info('mapping tables checked', { titlesOnly, updated: count('updated'), unchanged: count('not-modified'), failed: count('failed') });
  return { sources: results, titlesOnly, message };
}
