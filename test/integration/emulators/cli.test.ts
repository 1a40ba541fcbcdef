import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadServicesConfig } from '../../../main/app/services-config';
import { projectRoot, waitForLine } from '../../support/run-cli';
import { useTempDirs } from '../../support/temp-dir';

const tempDir = useTempDirs();

describe('npm run emulators', () => {
  it('prints one `<name> <base URL>` line per service, then ready, and writes a services file the app accepts', async () => {
    const file = join(tempDir(), 'services.json');
    const child = spawn(process.execPath, ['--import', 'tsx', 'test/emulators/cli.ts', '--seed', 'small', '--auto-approve', '--write-services', file], { cwd: projectRoot });
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    try {
      await waitForLine(child, /^ready$/m, 90_000);
      const lines = stdout.trim().split('\n');
      expect(lines.map((line) => line.split(' ')[0])).toEqual(['anilist', 'mal', 'trakt', 'plex', 'plextv', 'ready']);
      for (const line of lines.slice(0, 5)) expect(line).toMatch(/^[a-z]+ http:\/\/127\.0\.0\.1:\d+$/);

      const config = loadServicesConfig({ KIZUNA_SERVICES: file });
      const anilistBase = lines[0]?.split(' ')[1];
      expect(config.anilist.api).toBe(`${anilistBase}/graphql`);
      expect(JSON.parse(readFileSync(file, 'utf8')).emulators.plex).toBe(lines[3]?.split(' ')[1]);

      const answer = await fetch(config.anilist.api, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ Page { media(search: "bebop") { id } } }' }) });
      expect(answer.status).toBe(200);
      expect(((await answer.json()) as { data: { Page: { media: unknown[] } } }).data.Page.media.length).toBeGreaterThan(0);
    } finally {
      const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
    }
  });
});
