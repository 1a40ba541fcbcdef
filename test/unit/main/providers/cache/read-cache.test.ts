import { afterEach, describe, expect, it } from 'vitest';
import type Database from 'better-sqlite3';
import { z } from 'zod';
import { cacheKey, createReadCache, METADATA_TTL_MS, SEARCH_TTL_MS, SWEEP_INTERVAL_MS } from '../../../../../main/providers/cache/read-cache';
import { capturingLogger, manualTime, useDatabases } from './support';

const openDb = useDatabases();
const opened: Database.Database[] = [];
afterEach(() => {
  for (const db of opened.splice(0)) if (db.open) db.close();
});

function setup() {
  const db = openDb();
  opened.push(db);
  const clock = manualTime();
  const logger = capturingLogger();
  const cache = createReadCache({ db, now: clock.now, logger });
  return { db, clock, logger, cache };
}

const page = z.object({ titles: z.array(z.string()) });
const rows = (db: Database.Database) => db.prepare<[], { n: number }>('SELECT count(*) AS n FROM read_cache').get()?.n;

describe('read cache', () => {
  it('keeps the TTLs the issue asks for: search an hour, metadata a day', () => {
    expect(SEARCH_TTL_MS).toBe(3_600_000);
    expect(METADATA_TTL_MS).toBe(86_400_000);
  });

  it('answers within the TTL and misses from the moment it ends', () => {
    const { clock, cache } = setup();
    cache.put('anilist.search.v1', { query: 'frieren' }, { titles: ['Frieren'] }, SEARCH_TTL_MS);
    clock.advance(SEARCH_TTL_MS - 1);
    expect(cache.get('anilist.search.v1', { query: 'frieren' }, page)).toEqual({ titles: ['Frieren'] });
    clock.advance(1);
    expect(cache.get('anilist.search.v1', { query: 'frieren' }, page)).toBeUndefined();
  });

  it('drops an expired row when it is read, so it is not read again', () => {
    const { db, clock, cache } = setup();
    cache.put('mal.details.v1', { id: 1 }, { titles: [] }, 1000);
    clock.advance(1000);
    expect(cache.get('mal.details.v1', { id: 1 }, page)).toBeUndefined();
    expect(rows(db)).toBe(0);
  });

  it('keeps namespaces (services) and every key part apart', () => {
    const { cache } = setup();
    cache.put('anilist.search.v1', { query: 'x', type: 'ANIME', page: 1 }, { titles: ['anilist anime p1'] }, SEARCH_TTL_MS);
    cache.put('mal.search.v1', { query: 'x', type: 'ANIME', page: 1 }, { titles: ['mal'] }, SEARCH_TTL_MS);
    cache.put('anilist.search.v1', { query: 'x', type: 'MANGA', page: 1 }, { titles: ['anilist manga'] }, SEARCH_TTL_MS);
    cache.put('anilist.search.v1', { query: 'x', type: 'ANIME', page: 2 }, { titles: ['anilist anime p2'] }, SEARCH_TTL_MS);
    expect(cache.get('anilist.search.v1', { page: 1, type: 'ANIME', query: 'x' }, page)?.titles).toEqual(['anilist anime p1']);
    expect(cache.get('mal.search.v1', { query: 'x', type: 'ANIME', page: 1 }, page)?.titles).toEqual(['mal']);
    expect(cache.get('anilist.search.v1', { query: 'x', type: 'MANGA', page: 1 }, page)?.titles).toEqual(['anilist manga']);
    expect(cache.get('anilist.search.v1', { query: 'x', type: 'ANIME', page: 2 }, page)?.titles).toEqual(['anilist anime p2']);
    expect(cache.get('anilist.search.v1', { query: 'X', type: 'ANIME', page: 1 }, page)).toBeUndefined();
    expect(cache.get('trakt.search.v1', { query: 'x', type: 'ANIME', page: 1 }, page)).toBeUndefined();
  });

  it('builds keys canonically: key order and undefined parts do not matter, values do', () => {
    expect(cacheKey({ b: 1, a: 'x', c: undefined })).toBe(cacheKey({ a: 'x', b: 1 }));
    expect(cacheKey({ id: 1 })).not.toBe(cacheKey({ id: '1' }));
    expect(cacheKey([1, 2])).not.toBe(cacheKey([2, 1]));
    expect(cacheKey({ n: Number.NaN })).not.toBe(cacheKey({ n: null }));
  });

  it('treats a value that is not JSON as a miss, logs it, and drops the row', () => {
    const { db, logger, cache } = setup();
    cache.put('anilist.media.v1', 21, { titles: ['One Piece'] }, METADATA_TTL_MS);
    db.prepare("UPDATE read_cache SET value = '{\"titles\": [' ").run();
    expect(cache.get('anilist.media.v1', 21, page)).toBeUndefined();
    expect(logger.lines).toEqual([expect.objectContaining({ level: 'warn', message: expect.stringMatching(/not JSON/), fields: expect.objectContaining({ namespace: 'anilist.media.v1' }) })]);
    expect(rows(db)).toBe(0);
  });

  it('treats JSON of another shape (an older Kizuna, a damaged row) as a miss, and logs it', () => {
    const { db, logger, cache } = setup();
    cache.put('anilist.media.v1', 21, { titles: [42] }, METADATA_TTL_MS);
    expect(cache.get('anilist.media.v1', 21, page)).toBeUndefined();
    expect(logger.lines.map((line) => line.message)).toEqual([expect.stringMatching(/unexpected shape/)]);
    expect(rows(db)).toBe(0);
  });

  it('does not trust a row stored after "now": the clock went back', () => {
    const { clock, cache } = setup();
    clock.advance(60_000);
    cache.put('mal.search.v1', 'q', { titles: [] }, SEARCH_TTL_MS);
    clock.advance(-120_000);
    expect(cache.get('mal.search.v1', 'q', page)).toBeUndefined();
  });

  it('sweeps every expired row, on demand and on a write once the sweep interval has passed', () => {
    const { db, clock, cache } = setup();
    cache.put('a.v1', 1, { titles: [] }, 1000);
    cache.put('a.v1', 2, { titles: [] }, SEARCH_TTL_MS);
    clock.advance(1000);
    expect(cache.sweep()).toBe(1);
    expect(db.prepare('SELECT key FROM read_cache').all()).toEqual([{ key: '2' }]);

    cache.put('a.v1', 3, { titles: [] }, 1000);
    clock.advance(SEARCH_TTL_MS);
    // Both rows are expired now; a write within the interval of the last sweep leaves them be…
    expect(rows(db)).toBe(2);
    clock.advance(SWEEP_INTERVAL_MS);
    cache.put('a.v1', 4, { titles: [] }, 1000);
    // …and one after it sweeps them, keeping only the fresh row.
    expect(db.prepare('SELECT key FROM read_cache').all()).toEqual([{ key: '4' }]);
  });

  it('through: loads once within the TTL, and never keeps a failure', async () => {
    const { cache } = setup();
    let calls = 0;
    const load = async () => ({ titles: [`call ${++calls}`] });
    expect(await cache.through('t.v1', 'k', page, SEARCH_TTL_MS, load)).toEqual({ titles: ['call 1'] });
    expect(await cache.through('t.v1', 'k', page, SEARCH_TTL_MS, load)).toEqual({ titles: ['call 1'] });
    await expect(cache.through('t.v1', 'other', page, SEARCH_TTL_MS, () => Promise.reject(new Error('down')))).rejects.toThrow('down');
    expect(await cache.through('t.v1', 'other', page, SEARCH_TTL_MS, load)).toEqual({ titles: ['call 2'] });
  });

  it('never fails a read because the database does: a closed database is a miss and a skipped write, logged', async () => {
    const { db, logger, cache } = setup();
    db.close();
    expect(cache.get('t.v1', 'k', page)).toBeUndefined();
    expect(() => cache.put('t.v1', 'k', { titles: [] }, 1000)).not.toThrow();
    expect(await cache.through('t.v1', 'k', page, 1000, async () => ({ titles: ['live'] }))).toEqual({ titles: ['live'] });
    expect(logger.lines.length).toBeGreaterThanOrEqual(2);
    expect(logger.lines.every((line) => line.level === 'warn')).toBe(true);
  });
});
