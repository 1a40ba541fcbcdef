import type Database from 'better-sqlite3';
import type { Logger } from '../../app/ports';
import { listEntrySchema } from '../../providers/cache/value-schemas';
import { readListIfChanged, storeListSnapshot } from '../../providers/cache/list-freshness';
import type { ListMarkerSource } from '../../providers/cache/list-markers';
import type { ListEntry } from '../../providers/model/list-entry';

export interface KeptListOptions {
  db: Database.Database;
  accountId: string;
  /** Which of the account's lists: 'anime' or 'manga'. */
  list: string;
  marker(request: { signal?: AbortSignal }): ListMarkerSource;
  readAll(request: { signal?: AbortSignal }): Promise<ListEntry[]>;
  logger?: Logger;
}

/** A list read only when its marker moved (DESIGN §5.1), remembered, and stored again after the app wrote to it. */
export interface KeptList {
  read(signal: AbortSignal | undefined, full: boolean): Promise<ListEntry[]>;
  /** The list as last read or stored; null before the first read. */
  last(): ListEntry[] | null;
  /** Stores the list as the app's writes left it, with the marker as it is now (list-freshness.ts). */
  store(entries: ListEntry[], signal?: AbortSignal): Promise<void>;
}

export function createKeptList(options: KeptListOptions): KeptList {
  let last: ListEntry[] | null = null;
  const base = { db: options.db, accountId: options.accountId, list: options.list };
  return {
    async read(signal, full) {
      const request = signal ? { signal } : {};
      const read = await readListIfChanged({ ...base, ...options.marker(request), readAll: () => options.readAll(request), entrySchema: listEntrySchema, full, ...(options.logger ? { logger: options.logger } : {}) });
      last = read.entries;
      return read.entries;
    },
    last: () => last,
    async store(entries, signal) {
      last = entries;
      await storeListSnapshot({ ...base, entries, ...options.marker(signal ? { signal } : {}) });
    },
  };
}
