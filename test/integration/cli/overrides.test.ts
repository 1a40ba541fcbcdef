import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runKizuna } from '../../support/run-cli';
import { useTempDirs } from '../../support/temp-dir';

describe('kizuna overrides', () => {
  const tempDir = useTempDirs();

  it('imports PlexAniSync mappings, exports them in both formats, and round-trips a backup into another data folder', async () => {
    const dir = tempDir();
    const yamlFile = join(dir, 'custom_mappings.yaml');
    writeFileSync(yamlFile, 'entries:\n  - title: "Re:ZERO"\n    tvdb-id: 305089\n    seasons:\n      - season: 2\n        anilist-id: 108632\n        start: 1\n      - season: 2\n        anilist-id: 119661\n        start: 14\n');
    const env = { KIZUNA_DATA_DIR: join(dir, 'a') };
    const imported = await runKizuna(['overrides', 'import', '--format', 'plexanisync', yamlFile], env);
    expect(imported.code, imported.stderr).toBe(0);
    expect(imported.stdout).toMatch(/Imported 4 decisions from 1 entries/);

    const anibridge = await runKizuna(['overrides', 'export', '--format', 'anibridge'], env);
    expect(JSON.parse(anibridge.stdout)).toEqual({ '108632': { tvdb_id: 305089, tvdb_mappings: { s2: 'e1-e13' } }, '119661': { tvdb_id: 305089, tvdb_mappings: { s2: 'e14-' } } });
    expect(anibridge.stderr).toMatch(/left out title:show:rezero:s2: a link by title/);

    const backup = await runKizuna(['overrides', 'export'], env);
    const backupFile = join(dir, 'decisions.json');
    writeFileSync(backupFile, backup.stdout);
    const restored = await runKizuna(['overrides', 'import', '--format', 'kizuna', backupFile], { KIZUNA_DATA_DIR: join(dir, 'b') });
    expect(restored.stdout).toMatch(/Imported 4 decisions/);

    const missing = await runKizuna(['overrides', 'import', '--format', 'kizuna', join(dir, 'nope.json')], env);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/Could not read/);
  }, 90_000);
});
