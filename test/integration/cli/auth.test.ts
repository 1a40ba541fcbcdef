import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { useTempDirs } from '../../support/temp-dir';
import { runKizuna, spawnKizuna, waitForLine } from '../../support/run-cli';
import { fakeBrowser, startAuthWorld, type AuthWorld } from '../auth/support';

describe('kizuna auth / logout against the emulators', () => {
  const tempDir = useTempDirs();
  let world: AuthWorld | undefined;
  afterEach(async () => {
    await world?.close();
    world = undefined;
  });

  async function setUp(): Promise<{ env: Record<string, string>; dataDir: string }> {
    world = await startAuthWorld({ autoApprove: true, realTime: true });
    const dir = tempDir();
    const dataDir = join(dir, 'data');
    const servicesFile = join(dir, 'services.json');
    writeFileSync(servicesFile, JSON.stringify(world.emulators.servicesConfig));
    const env = { KIZUNA_SERVICES: servicesFile, KIZUNA_DATA_DIR: dataDir, KIZUNA_NO_BROWSER: '1' };
    // The loopback port the emulators' clients were registered with, as a person would set it in Settings.
    const status = await runKizuna(['status'], env);
    expect(status.code, status.stderr).toBe(0);
    writeFileSync(join(dataDir, 'settings.json'), JSON.stringify({ signIn: { loopbackPort: world.port } }));
    return { env, dataDir };
  }

  it('connects MAL by a printed address and Trakt by device code, lists them, and logs out with a revoke', async () => {
    const { env, dataDir } = await setUp();
    const mal = spawnKizuna(['auth', 'mal'], env);
    const [line] = await waitForLine(mal, /Open this address in a browser to sign in to MyAnimeList: (\S+)/);
    const url = /(http\S+)/.exec(line)![1]!;
    await fakeBrowser({ decision: 'approve' }).visit(url);
    await waitForLine(mal, /Connected MyAnimeList as \S+/);

    const trakt = await runKizuna(['auth', 'trakt'], env);
    expect(trakt.code, trakt.stderr).toBe(0);
    expect(trakt.stdout).toMatch(/enter the code/);
    expect(trakt.stdout).toMatch(/Code: \S+/);
    expect(trakt.stdout).toMatch(/Connected Trakt as /);

    const listed = await runKizuna(['accounts', '--json'], env);
    const accounts = JSON.parse(listed.stdout) as Array<{ service: string; status: string }>;
    expect(accounts.map((account) => account.service).sort()).toEqual(['mal', 'trakt']);
    expect(accounts.every((account) => account.status === 'connected')).toBe(true);

    const logout = await runKizuna(['logout', 'trakt'], env);
    expect(logout.code, logout.stderr).toBe(0);
    expect(logout.stdout).toMatch(/Trakt revoked Kizuna's access/);
    const again = await runKizuna(['logout', 'trakt'], env);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/No Trakt account is connected/);

    // Nothing in the data folder is a token in plain text: the secrets file is encrypted.
    const text = readdirSync(dataDir, { recursive: true, encoding: 'utf8' })
      .map((name) => join(dataDir, name))
      .filter((path) => statSync(path).isFile())
      .map((path) => readFileSync(path).toString('latin1'))
      .join('\n');
    expect(text).not.toMatch(/access_token|refresh_token|accessToken/);
  }, 60_000);

  it('refuses mixed-up token options with exit 2', async () => {
    const { env } = await setUp();
    const run = await runKizuna(['auth', 'plex', '--token', 'abc'], env);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/--server-url and --token/);
    const trakt = await runKizuna(['auth', 'trakt', '--token', 'abc'], env);
    expect(trakt.code).toBe(2);
  });
});
