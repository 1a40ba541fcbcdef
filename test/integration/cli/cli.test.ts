import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { upsertAccount } from '../../../main/db/accounts-repository';
import { openDatabase } from '../../../main/db/open-database';
import { runKizuna, spawnKizuna, waitForLine } from '../../support/run-cli';
import { useTempDirs } from '../../support/temp-dir';

const tempDir = useTempDirs();

describe('kizuna CLI', () => {
  it('--help lists the commands and exits 0', async () => {
    const run = await runKizuna(['--help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/Usage: kizuna/);
    expect(run.stdout).toMatch(/status/);
    expect(run.stdout).toMatch(/serve/);
  });

  it('status --json prints the data folder, the secret store and no accounts', async () => {
    const dataDir = tempDir();
    const run = await runKizuna(['status', '--json', '--data-dir', dataDir]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout) as { app: { dataDir: string; secretStore: { kind: string } }; accounts: unknown[]; settings: { schedule: { intervalMinutes: number } } };
    expect(report.app.dataDir).toBe(dataDir);
    expect(report.app.secretStore.kind).toBe('encrypted-file');
    expect(report.accounts).toEqual([]);
    expect(report.settings.schedule.intervalMinutes).toBe(60);
  });

  it('status reads the data folder from KIZUNA_DATA_DIR and prints a human summary', async () => {
    const dataDir = tempDir();
    const run = await runKizuna(['status'], { KIZUNA_DATA_DIR: dataDir });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`Data folder:  ${dataDir}`);
    expect(run.stdout).toContain('Accounts:     none connected yet');
  });

  it('status names a KIZUNA_SERVICES file, and a broken one stops start-up with a clear message', async () => {
    const dataDir = tempDir();
    const file = join(dataDir, 'services.json');
    const local = { anilist: { api: 'http://127.0.0.1:9/graphql', auth: 'http://127.0.0.1:9/api/v2/oauth' }, mal: { api: 'http://127.0.0.1:9/v2', auth: 'http://127.0.0.1:9/v1/oauth2' }, trakt: { api: 'http://127.0.0.1:9', auth: 'http://127.0.0.1:9' }, plextv: { api: 'http://127.0.0.1:9/api/v2', auth: 'http://127.0.0.1:9/auth' } };
    writeFileSync(file, JSON.stringify(local));
    const run = await runKizuna(['status', '--json', '--data-dir', dataDir], { KIZUNA_SERVICES: file });
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout).app.services).toEqual({ source: 'file', file });

    writeFileSync(file, '{"anilist": 1}');
    const broken = await runKizuna(['status', '--data-dir', dataDir], { KIZUNA_SERVICES: file });
    expect(broken.code).toBe(1);
    expect(broken.stderr).toMatch(/^kizuna: KIZUNA_SERVICES file .* is not a services file/);
  });

  it('accounts lists what the database holds, as text or JSON', async () => {
    const dataDir = tempDir();
    expect((await runKizuna(['accounts', '--data-dir', dataDir])).stdout.trim()).toBe('No accounts connected yet.');
    const db = openDatabase(join(dataDir, 'kizuna.db'));
    upsertAccount(db, { service: 'trakt', externalUserId: 'yui-h', userName: 'yui-h', avatarUrl: null, tokenExpiresAt: '2026-11-29T00:00:00.000Z' });
    db.close();
    const text = await runKizuna(['accounts', '--data-dir', dataDir]);
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/^Trakt\s+yui-h {2}\(sign-in expires 2026-11-29T00:00:00.000Z\)$/m);
    const json = await runKizuna(['accounts', '--json', '--data-dir', dataDir]);
    expect(JSON.parse(json.stdout)).toMatchObject([{ id: 'trakt:yui-h', service: 'trakt', userName: 'yui-h' }]);
  });

  it('an unknown command exits 2 with a pointer to --help', async () => {
    const run = await runKizuna(['synk']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/unknown command 'synk'/);
    expect(run.stderr).toMatch(/kizuna --help/);
  });

  it('a damaged database exits 1 with a message saying what to do, not a stack trace', async () => {
    const dataDir = tempDir();
    writeFileSync(join(dataDir, 'kizuna.db'), 'not a database at all, not even close'.repeat(50));
    const run = await runKizuna(['status', '--data-dir', dataDir]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^kizuna: The database .* is damaged/);
    expect(run.stderr).toMatch(/Restore it from a backup/);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  it('serve prints one login line, refuses requests without a session and stops cleanly on SIGTERM', async () => {
    const child = spawnKizuna(['serve', '--port', '0', '--data-dir', tempDir()]);
    try {
      const [, base, token] = await waitForLine(child, /(http:\/\/127\.0\.0\.1:\d+)\/\?token=([A-Za-z0-9_-]+)/);
      expect(token?.length).toBeGreaterThanOrEqual(32);
      const refused = await fetch(`${base}/rpc/app.info`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
      expect(refused.status).toBe(401);
      const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
    } finally {
      child.kill('SIGKILL');
    }
  });
});
