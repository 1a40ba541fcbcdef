import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../main/db/open-database';
import type { TableSourceName } from '../../../main/mapping/data/index';
import { readCopyMeta, updateMappingData } from '../../../main/mapping/download/index';
import { createMappingLookup, listIndexedFiles } from '../../../main/mapping/index/index';
import { fixtureRoute, serveFixtures, type FixtureServer } from '../../fixtures/mappings/serve-fixtures';
import { useTempDirs } from '../../support/temp-dir';

const files: Record<TableSourceName, string> = {
  'anibridge-v3': 'anibridge-v3.edits.yaml',
  'plexanibridge-v2': 'plexanibridge-v2.json',
  'anime-lists': 'anime-list-master.xml',
  kometa: 'kometa-anime_ids.json',
  fribb: 'fribb-anime-list-full.json',
};

describe('updateMappingData against a local server', () => {
  const tempDir = useTempDirs();
  let server: FixtureServer;
  afterEach(async () => server.close());

  async function setUp() {
    server = await serveFixtures(Object.fromEntries(Object.values(files).map((file) => [file, fixtureRoute(file)])));
    const dataDir = tempDir();
    const db = openDatabase(join(dataDir, 'kizuna.db'));
    const sources = Object.fromEntries(Object.entries(files).map(([source, file]) => [source, server.url(file)]));
    const update = (extra: { maxBytes?: number; sources?: typeof sources } = {}) =>
      updateMappingData({ db, dataDir, sources, now: () => new Date('2026-11-22T04:00:00Z'), ...extra });
    return { dataDir, db, sources, update };
  }

  it('downloads every table, keeps each copy with its validators, and builds a working index', async () => {
    const { dataDir, db, update } = await setUp();
    const result = await update();
    expect(result.titlesOnly).toBe(false);
    expect(result.sources.map((source) => [source.source, source.status])).toEqual([
      ['anibridge-v3', 'updated'],
      ['plexanibridge-v2', 'updated'],
      ['anime-lists', 'updated'],
      ['kometa', 'updated'],
      ['fribb', 'updated'],
    ]);
    expect(result.sources.find((source) => source.source === 'plexanibridge-v2')?.message).toBe('Updated: 15 entries.');
    expect(readCopyMeta(dataDir, 'kometa')).toMatchObject({ file: 'kometa.json', etag: '"kometa-anime_ids.json-v1"', entries: 13 });
    expect(existsSync(join(dataDir, 'mappings', 'anime-lists.xml'))).toBe(true);
    expect(existsSync(join(dataDir, 'mappings', 'anibridge-v3.yaml'))).toBe(true);
    expect(createMappingLookup(db).bySeason('tvdb', '76885', 1).map((hit) => hit.anilistId)).toEqual([1, 1, 1, 1]);
    expect(listIndexedFiles(db).map((file) => file.url)).toContain(server.url(files.fribb));
  });

  it('reads a file saved with a byte-order mark, and keeps it readable as the copy', async () => {
    const { dataDir, db, update } = await setUp();
    const route = fixtureRoute(files.kometa);
    server.set(files.kometa, { body: Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), route.body]) });
    expect((await update()).sources.find((source) => source.source === 'kometa')?.status).toBe('updated');
    const freshDb = openDatabase(join(tempDir(), 'kizuna.db'));
    const offline = await updateMappingData({ db: freshDb, dataDir, sources: { kometa: 'http://127.0.0.1:1/none', 'anibridge-v3': null, 'plexanibridge-v2': null, 'anime-lists': null, fribb: null } });
    expect(offline.sources[0]?.message).toMatch(/using the copy from 2026-11-22 \(13 entries\)/);
    expect(createMappingLookup(db).byExternalId('anidb', '23')).toContainEqual({ anilistId: 1, source: 'kometa' });
  });

  it('asks with If-None-Match and takes a 304 as unchanged', async () => {
    const { update } = await setUp();
    await update();
    const second = await update();
    expect(second.sources.every((source) => source.status === 'not-modified')).toBe(true);
    expect(second.sources[0]?.message).toBe('Unchanged since 2026-11-22 (6 entries).');
    expect(server.requests.at(-1)?.headers['if-none-match']).toBe('"fribb-anime-list-full.json-v1"');
  });

  it('asks with If-Modified-Since when the server gives only Last-Modified', async () => {
    const { update } = await setUp();
    for (const file of Object.values(files)) server.set(file, { etag: null });
    await update();
    const second = await update();
    expect(second.sources.map((source) => source.status)).toEqual(Array(5).fill('not-modified'));
    const last = server.requests.at(-1)?.headers;
    expect(last?.['if-modified-since']).toBe(new Date(Date.UTC(2026, 0, 1)).toUTCString());
    expect(last?.['if-none-match']).toBeUndefined();
  });

  it('replaces a table when the server has a new version', async () => {
    const { db, update } = await setUp();
    await update();
    server.set(files['plexanibridge-v2'], { etag: '"v2"', text: readFileSync(join(import.meta.dirname, '../../fixtures/mappings', files['plexanibridge-v2']), 'utf8').replace('"tvdb_mappings": { "s1": "" } },\n  "5"', '"tvdb_mappings": { "s2": "" } },\n  "5"') });
    const result = await update();
    expect(result.sources.find((source) => source.source === 'plexanibridge-v2')?.status).toBe('updated');
    expect(createMappingLookup(db).bySeason('tvdb', '76885', 2).map((hit) => [hit.source, hit.anilistId])).toEqual([['plexanibridge-v2', 1]]);
  });
});
