import { createServer } from 'node:net';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../main/db/open-database';
import type { TableSourceName } from '../../../main/mapping/data/index';
import { readCopyMeta, updateMappingData, type UpdateMappingDataOptions } from '../../../main/mapping/download/index';
import { createMappingLookup } from '../../../main/mapping/index/index';
import { fixtureRoute, serveFixtures, type FixtureServer } from '../../fixtures/mappings/serve-fixtures';
import { useTempDirs } from '../../support/temp-dir';

/** Two tables are enough to show a failing one never disturbs the other. */
const files: Partial<Record<TableSourceName, string>> = { kometa: 'kometa-anime_ids.json', fribb: 'fribb-anime-list-full.json' };
const only = (sources: Partial<Record<TableSourceName, string | null>>) => ({ 'anibridge-v3': null, 'plexanibridge-v2': null, 'anime-lists': null, ...sources });

/** A port nobody listens on: bound, then closed. */
async function refusedUrl(): Promise<string> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as { port: number };
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return `http://127.0.0.1:${port}/anime_ids.json`;
}

describe('updateMappingData when things go wrong', () => {
  const tempDir = useTempDirs();
  let server: FixtureServer;
  afterEach(async () => server.close());

  async function setUp() {
    server = await serveFixtures({ [files.kometa as string]: fixtureRoute(files.kometa as string), [files.fribb as string]: fixtureRoute(files.fribb as string) });
    const dataDir = tempDir();
    const db = openDatabase(join(dataDir, 'kizuna.db'));
    const sources = only({ kometa: server.url(files.kometa as string), fribb: server.url(files.fribb as string) });
    const update = (extra: Partial<UpdateMappingDataOptions> = {}) => updateMappingData({ db, dataDir, sources, now: () => new Date('2026-11-20T10:00:00Z'), ...extra });
    await update();
    // The server publishes a new version from here on, so nothing answers 304.
    server.set(files.kometa as string, { etag: '"new"', lastModified: null });
    const kometa = (result: Awaited<ReturnType<typeof update>>) => result.sources.find((source) => source.source === 'kometa');
    return { dataDir, db, sources, update, kometa };
  }

  it('stops at the size limit, by Content-Length or while streaming, and keeps the last good copy', async () => {
    const { dataDir, db, update, kometa } = await setUp();
    const declared = kometa(await update({ maxBytes: 1000 }));
    expect(declared?.status).toBe('failed');
    expect(declared?.message).toMatch(/^Could not update \(file is \d+ bytes, over the 1000-byte limit\); using the copy from 2026-11-20 \(13 entries\)\.$/);
    server.set(files.kometa as string, { mode: 'chunked' });
    expect(kometa(await update({ maxBytes: 1000 }))?.message).toMatch(/over the 1000-byte limit; stopped reading/);
    expect(readCopyMeta(dataDir, 'kometa')?.etag).toBe('"kometa-anime_ids.json-v1"');
    expect(createMappingLookup(db).byExternalId('anidb', '16177')).toContainEqual({ anilistId: 131681, source: 'kometa' });
  });

  it('rejects a malformed file with its name and entry, keeping the copy and the index', async () => {
    const { db, update, kometa } = await setUp();
    server.set(files.kometa as string, { text: '{"23": {"tvdb_id": "seventy"}}' });
    const status = kometa(await update());
    expect(status?.status).toBe('failed');
    expect(status?.message).toMatch(/kometa kometa\.json: AniDB "23": tvdb_id: .*using the copy from 2026-11-20/);
    expect(createMappingLookup(db).linksOf(1).map((links) => links.source)).toEqual(['kometa', 'fribb']);
  });

  it('keeps the copy when the file arrives truncated: cut short in transit, or published cut', async () => {
    const { dataDir, update, kometa } = await setUp();
    server.set(files.kometa as string, { mode: 'drop' });
    const dropped = kometa(await update());
    expect(dropped?.status).toBe('failed');
    expect(dropped?.message).toMatch(/^Could not update \(.+\); using the copy from 2026-11-20/);
    const whole = fixtureRoute(files.kometa as string).body;
    server.set(files.kometa as string, { mode: 'normal', body: whole.subarray(0, whole.length - 40) });
    expect(kometa(await update())?.message).toMatch(/not valid JSON \(truncated or damaged\?\)/);
    server.set(files.kometa as string, { text: '{"23": {"tvdb_id": 76885, "tvdb_season": 1, "anilist_id": 1}}' });
    expect(kometa(await update())?.message).toMatch(/the new file has 1 entries, under half of the 13 in the kept copy/);
    expect(readCopyMeta(dataDir, 'kometa')).toMatchObject({ entries: 13, fetchedAt: Date.parse('2026-11-20T10:00:00Z') });
  });

  it('keeps the copy on HTTP errors and refused connections, and rebuilds a fresh index from it', async () => {
    const { dataDir, sources, kometa } = await setUp();
    server.set(files.kometa as string, { status: 503 });
    const freshDb = openDatabase(join(tempDir(), 'kizuna.db'));
    const offline = await updateMappingData({ db: freshDb, dataDir, sources: { ...sources, kometa: await refusedUrl() } });
    expect(kometa(offline)?.status).toBe('failed');
    expect(kometa(offline)?.message).toMatch(/^Could not update \(fetch failed: .*ECONNREFUSED.*\); using the copy from 2026-11-20 \(13 entries\)\.$/);
    expect(offline.titlesOnly).toBe(false);
    expect(createMappingLookup(freshDb).byExternalId('anidb', '16177')).toContainEqual({ anilistId: 131681, source: 'kometa' });
    const http = await updateMappingData({ db: freshDb, dataDir, sources });
    expect(kometa(http)?.message).toMatch(/^Could not update \(HTTP 503/);
  });

  it('with no network and no copy, says matching uses titles only', async () => {
    server = await serveFixtures({});
    const dataDir = tempDir();
    const refused = await refusedUrl();
    const result = await updateMappingData({
      db: openDatabase(join(dataDir, 'kizuna.db')),
      dataDir,
      sources: { 'anibridge-v3': refused, 'plexanibridge-v2': refused, 'anime-lists': refused, kometa: refused, fribb: refused },
    });
    expect(result.titlesOnly).toBe(true);
    expect(result.message).toBe('No ID table could be downloaded and none was kept from before: matching uses titles only until a download succeeds.');
    expect(result.sources.every((source) => source.status === 'failed' && source.entries === null)).toBe(true);
    expect(result.sources[0]?.message).toMatch(/there is no earlier copy: this table is not used\.$/);
  });
});
