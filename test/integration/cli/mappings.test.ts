import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { realServices } from '../../../main/app/services-config';
import { fixtureRoute, serveFixtures, type FixtureServer } from '../../fixtures/mappings/serve-fixtures';
import { runKizuna } from '../../support/run-cli';
import { useTempDirs } from '../../support/temp-dir';

describe('kizuna mappings', () => {
  const tempDir = useTempDirs();
  let server: FixtureServer | undefined;
  afterEach(async () => {
    await server?.close();
  });

  it('says titles only at first, downloads the tables with --update, then lists them', async () => {
    server = await serveFixtures({ 'plexanibridge-v2.json': fixtureRoute('plexanibridge-v2.json'), 'kometa-anime_ids.json': fixtureRoute('kometa-anime_ids.json') });
    const dir = tempDir();
    const servicesFile = join(dir, 'services.json');
    const mappings = { 'anibridge-v3': null, 'plexanibridge-v2': server.url('plexanibridge-v2.json'), 'anime-lists': null, kometa: server.url('kometa-anime_ids.json'), fribb: null };
    writeFileSync(servicesFile, JSON.stringify({ ...realServices, mappings }));
    const env = { KIZUNA_SERVICES: servicesFile, KIZUNA_DATA_DIR: join(dir, 'data') };

    const before = await runKizuna(['mappings', '--json'], env);
    expect(before.code, before.stderr).toBe(0);
    expect(JSON.parse(before.stdout)).toMatchObject({ titlesOnly: true, sources: [] });

    const update = await runKizuna(['mappings', '--update'], env);
    expect(update.code, update.stderr).toBe(0);
    expect(update.stdout).toMatch(/plexanibridge-v2\s+updated/);
    expect(update.stdout).toMatch(/kometa\s+updated/);

    const after = await runKizuna(['mappings'], env);
    expect(after.stdout).toMatch(/plexanibridge-v2\s+\d+ entries/);
    expect(after.stdout).toMatch(/2 of 5 ID mapping tables in use/);
  }, 60_000);
});
