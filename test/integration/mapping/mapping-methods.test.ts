import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../../main/app/core';
import { createLogger } from '../../../main/app/logger';
import { createRedactor } from '../../../main/app/redact';
import { realServices } from '../../../main/app/services-config';
import { createSettingsStore } from '../../../main/app/settings-store';
import { openDatabase } from '../../../main/db/open-database';
import { fixtureRoute, serveFixtures, type FixtureServer } from '../../fixtures/mappings/serve-fixtures';
import { memorySecretStore } from '../../support/memory-secret-store';
import { useTempDirs } from '../../support/temp-dir';
import { call } from '../accounts/support';

const files = {
  'anibridge-v3': 'anibridge-v3.edits.yaml',
  'plexanibridge-v2': 'plexanibridge-v2.json',
  'anime-lists': 'anime-list-master.xml',
  kometa: 'kometa-anime_ids.json',
  fribb: 'fribb-anime-list-full.json',
} as const;

describe('mapping.status and mapping.update through the core (local file server)', () => {
  const tempDir = useTempDirs();
  let server: FixtureServer | undefined;
  let core: Core | undefined;
  afterEach(async () => {
    core?.close();
    await server?.close();
  });

  function start(mappings: Record<string, string | null>): Core {
    const dataDir = tempDir();
    const logger = createLogger({ redactor: createRedactor(), level: 'error', sink: () => undefined });
    return createCore({
      host: 'server',
      version: '0.0.0-test',
      dataDir,
      db: openDatabase(join(dataDir, 'kizuna.db')),
      secrets: memorySecretStore().store,
      settings: createSettingsStore({ store: {} }),
      logger,
      services: { config: { ...realServices, mappings }, file: null },
    });
  }

  it('says titles only before any table, downloads the tables, and asks again with validators', async () => {
    server = await serveFixtures(Object.fromEntries(Object.values(files).map((file) => [file, fixtureRoute(file)])));
    core = start(Object.fromEntries(Object.entries(files).map(([source, file]) => [source, server!.url(file)])));
    expect(await call(core, 'mapping.status')).toMatchObject({ titlesOnly: true, sources: [], message: expect.stringMatching(/titles are matched by name only/) });

    const first = await call<{ sources: Array<{ source: string; status: string; entries: number | null }>; titlesOnly: boolean }>(core, 'mapping.update');
    expect(first.titlesOnly).toBe(false);
    expect(first.sources.map((source) => source.status)).toEqual(['updated', 'updated', 'updated', 'updated', 'updated']);
    const status = await call<{ sources: Array<{ source: string; entries: number; url: string }> }>(core, 'mapping.status');
    expect(status.sources).toHaveLength(5);
    expect(status.sources.every((source) => source.entries > 0 && source.url.startsWith('http://127.0.0.1:'))).toBe(true);

    // Two requests at once share one update; the files did not change, so every source answers 304.
    const before = server.requests.length;
    const [again, same] = await Promise.all([call<{ sources: Array<{ status: string }> }>(core, 'mapping.update'), call<{ sources: Array<{ status: string }> }>(core, 'mapping.update')]);
    expect(again).toEqual(same);
    expect(again.sources.map((source) => source.status)).toEqual(['not-modified', 'not-modified', 'not-modified', 'not-modified', 'not-modified']);
    expect(server.requests.length - before).toBe(5);
    expect(server.requests.slice(before).every((request) => request.headers['if-none-match'] !== undefined)).toBe(true);
  });

  it('leaves out sources set to null, as the demo does, and still answers', async () => {
    core = start({ 'anibridge-v3': null, 'plexanibridge-v2': null, 'anime-lists': null, kometa: null, fribb: null });
    const result = await call<{ sources: unknown[]; titlesOnly: boolean; message: string }>(core, 'mapping.update');
    expect(result.titlesOnly).toBe(true);
    expect(result.message.length).toBeGreaterThan(0);
  });
});
