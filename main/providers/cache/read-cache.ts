import type Database from 'better-sqlite3';
import type { z } from 'zod';
import type { Logger } from '../../app/ports';

/**
 * Cache keys as canonical JSON: object keys sorted and undefined parts dropped, so `{ page: 1, query: 'x' }`
 * and `{ query: 'x', page: 1, type: undefined }` are one key (the request they describe is the same), while
 * every part that changes the answer (query, type, page, ids) stays in it. Callers put the service in the
 * namespace, not here, so two services can never share an entry.
 */

export type KeyPart = string | number | boolean | null | undefined | readonly KeyPart[] | { readonly [name: string]: KeyPart };

export function cacheKey(part: KeyPart): string {
  return JSON.stringify(canonical(part)) ?? 'null';
}

function canonical(part: KeyPart): unknown {
  if (part === undefined) return null;
  if (part === null || typeof part !== 'object') {
    // NaN and Infinity would all print as null and collide; a key must tell them apart.
    if (typeof part === 'number' && !Number.isFinite(part)) return `number:${String(part)}`;
    return part;
  }
  if (Array.isArray(part)) return part.map((item: KeyPart) => canonical(item));
  const record = part as { readonly [name: string]: KeyPart };
  const sorted: Record<string, unknown> = {};
  for (const name of Object.keys(record).sort()) {
    const value = record[name];
    if (value !== undefined) sorted[name] = canonical(value);
  }
  return sorted;
}

/** Ids whose order and repeats do not change the answer (the clients sort lookups by id), as a sorted set. */
export function idSet(ids: readonly number[]): number[] {
  return [...new Set(ids)].sort((a, b) => a - b);
}

/** Searches are kept an hour: new titles and changed rankings show up within that (issue 4). */
export const SEARCH_TTL_MS = 60 * 60 * 1000;
/** Title metadata (posters, episode counts) a day: it changes rarely, and a day-old count is harmless. */
export const METADATA_TTL_MS = 24 * 60 * 60 * 1000;
/** How often, at most, a write also deletes every expired row, so the table does not grow without bound. */
export const SWEEP_INTERVAL_MS = 10 * 60 * 1000;

export interface ReadCacheOptions {
  db: Database.Database;
  /** Unix milliseconds; injected so tests can move time instead of waiting. */
  now?: () => number;
  logger?: Logger;
}

/**
 * A small TTL cache in SQLite (table read_cache, migration 003) for answers that are the same for every
 * account: searches and title metadata. Values go in as JSON and come back only through a zod schema, so a
 * damaged row, or one written by an older Kizuna in another shape, is a miss (logged), never a crash or a
 * wrong value. The cache never fails a read: a database error is logged and treated as a miss or a skipped
 * write, because the service can always be asked instead.
 */
export interface ReadCache {
  get<T>(namespace: string, key: KeyPart, schema: z.ZodType<T>): T | undefined;
  put(namespace: string, key: KeyPart, value: unknown, ttlMs: number): void;
  /** The cached answer, else `load()`'s, which is then kept for `ttlMs`. Failures of `load` are not kept. */
  through<T>(namespace: string, key: KeyPart, schema: z.ZodType<T>, ttlMs: number, load: () => Promise<T>): Promise<T>;
  /** Deletes every expired row; returns how many. */
  sweep(): number;
  /** Forgets one namespace, or everything (a "clear cache" button, or a test). */
  clear(namespace?: string): void;
}

interface Row {
  value: string;
  stored_at: number;
  expires_at: number;
}

export function createReadCache(options: ReadCacheOptions): ReadCache {
  const { db, logger } = options;
  const now = options.now ?? Date.now;
  const select = db.prepare<[string, string], Row>('SELECT value, stored_at, expires_at FROM read_cache WHERE namespace = ? AND key = ?');
  const remove = db.prepare<[string, string]>('DELETE FROM read_cache WHERE namespace = ? AND key = ?');
  const upsert = db.prepare<[string, string, string, number, number]>(
    `INSERT INTO read_cache (namespace, key, value, stored_at, expires_at) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (namespace, key) DO UPDATE SET value = excluded.value, stored_at = excluded.stored_at, expires_at = excluded.expires_at`,
  );
  const expired = db.prepare<[number]>('DELETE FROM read_cache WHERE expires_at <= ?');
  let lastSweep = Number.NEGATIVE_INFINITY;

  const warn = (message: string, namespace: string, error: unknown) =>
    logger?.warn(message, { namespace, reason: error instanceof Error ? error.message : String(error) });

  const cache: ReadCache = {
    get<T>(namespace: string, key: KeyPart, schema: z.ZodType<T>): T | undefined {
      const id = cacheKey(key);
      let row: Row | undefined;
      try {
        row = select.get(namespace, id);
      } catch (error) {
        warn('read cache unreadable; asking the service instead', namespace, error);
        return undefined;
      }
      if (!row) return undefined;
      const at = now();
      // A row stored "in the future" means the clock went back; its age is unknown, so it is not trusted.
      if (at >= row.expires_at || at < row.stored_at) {
        forget(namespace, id);
        return undefined;
      }
      let parsed: z.ZodSafeParseResult<T> | undefined;
      try {
        parsed = schema.safeParse(JSON.parse(row.value));
      } catch (error) {
        warn('read cache value is not JSON; treated as a miss', namespace, error);
      }
      if (parsed?.success) return parsed.data;
      if (parsed) warn('read cache value has an unexpected shape; treated as a miss', namespace, parsed.error.issues[0]?.message ?? 'invalid');
      forget(namespace, id);
      return undefined;
    },

    put(namespace, key, value, ttlMs) {
      const at = now();
      try {
        const json = JSON.stringify(value);
        if (json === undefined) return;
        upsert.run(namespace, cacheKey(key), json, at, at + ttlMs);
        if (at - lastSweep >= SWEEP_INTERVAL_MS) cache.sweep();
      } catch (error) {
        warn('read cache write failed; the answer is used but not kept', namespace, error);
      }
    },

    async through(namespace, key, schema, ttlMs, load) {
      const hit = cache.get(namespace, key, schema);
      if (hit !== undefined) return hit;
      const value = await load();
      cache.put(namespace, key, value, ttlMs);
      return value;
    },

    sweep() {
      const at = now();
      lastSweep = at;
      try {
        return expired.run(at).changes;
      } catch (error) {
        warn('read cache sweep failed', '*', error);
        return 0;
      }
    },

    clear(namespace) {
      if (namespace === undefined) db.prepare('DELETE FROM read_cache').run();
      else db.prepare('DELETE FROM read_cache WHERE namespace = ?').run(namespace);
    },
  };

  function forget(namespace: string, id: string): void {
    try {
      remove.run(namespace, id);
    } catch (error) {
      warn('read cache could not drop a stale row', namespace, error);
    }
  }

  return cache;
}
