import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import type { StartSteps } from '../../../scripts/start.mjs';
import { electronEnvironment, NATIVE_KEYTAR_ENV, NATIVE_SQLITE_ENV, start } from '../../../scripts/start.mjs';

const projectDir = join(import.meta.dirname, '..', '..', '..');
const binaries = { 'better-sqlite3': '/n/better_sqlite3.node', keytar: '/n/keytar.node' };

function steps(overrides: Partial<StartSteps> = {}) {
  const said: string[] = [];
  const all: StartSteps = {
    locate: vi.fn(() => ({ ok: true as const, path: '/electron/dist/electron' })),
    download: vi.fn(async () => ({ ok: true as const })),
    buildNative: vi.fn(async () => ({ binaries })),
    bundle: vi.fn(async () => 0),
    launch: vi.fn(async () => 0),
    say: (line: string) => void said.push(line),
    ...overrides,
  };
  return { steps: all, said };
}

describe('start', () => {
  it('without a binary and without a download, says so in one line, exits 1 and builds nothing', async () => {
    const { steps: s, said } = steps({
      locate: vi.fn(() => ({ ok: false as const, reason: 'not downloaded yet' })),
      download: vi.fn(async () => ({ ok: false as const, reason: 'fetch failed: getaddrinfo ENOTFOUND github.com' })),
    });
    expect(await start(s)).toBe(1);
    expect(said).toEqual([
      'Kizuna: the Electron binary is not installed and could not be downloaded (fetch failed: getaddrinfo ENOTFOUND github.com). Try `npm run serve` to use Kizuna in your browser.',
    ]);
    expect(s.download).toHaveBeenCalledOnce();
    expect(s.buildNative).not.toHaveBeenCalled();
    expect(s.bundle).not.toHaveBeenCalled();
    expect(s.launch).not.toHaveBeenCalled();
  });

  it('looks again after a download that claims success', async () => {
    const { steps: s, said } = steps({ locate: vi.fn(() => ({ ok: false as const, reason: 'not downloaded yet' })) });
    expect(await start(s)).toBe(1);
    expect(said).toEqual([expect.stringContaining('the installer finished but left no executable')]);
  });

  it('mentions a slow download once it takes a while', async () => {
    vi.useFakeTimers();
    try {
      let located = false;
      const { steps: s, said } = steps({
        locate: vi.fn(() => (located ? { ok: true as const, path: '/e' } : { ok: false as const, reason: 'not downloaded yet' })),
        download: vi.fn(() => new Promise<{ ok: true }>((resolve) => setTimeout(() => ((located = true), resolve({ ok: true })), 10_000))),
      });
      const running = start(s);
      await vi.advanceTimersByTimeAsync(10_000);
      expect(await running).toBe(0);
      expect(said).toEqual(['Kizuna: downloading Electron (first run only)…']);
    } finally {
      vi.useRealTimers();
    }
  });

  it('with a binary: builds the native modules, bundles, then runs Electron with their paths and the arguments', async () => {
    const { steps: s, said } = steps({ launch: vi.fn(async () => 3) });
    expect(await start(s, ['--inspect'])).toBe(3);
    expect(s.download).not.toHaveBeenCalled();
    expect(s.launch).toHaveBeenCalledWith('/electron/dist/electron', binaries, ['--inspect']);
    expect(said).toEqual([]);
  });

  it('stops with the bundler\'s exit code when the build fails', async () => {
    const { steps: s } = steps({ bundle: vi.fn(async () => 2) });
    expect(await start(s)).toBe(2);
    expect(s.launch).not.toHaveBeenCalled();
  });

  it('reports a failed native build and suggests the browser meanwhile', async () => {
    const { steps: s, said } = steps({ buildNative: vi.fn(async () => Promise.reject(new Error('Could not build keytar for electron 45.4.1'))) });
    expect(await start(s)).toBe(1);
    expect(said[0]).toMatch(/^Kizuna: Could not build keytar[\s\S]*npm run serve/);
    expect(s.bundle).not.toHaveBeenCalled();
  });
});

describe('electronEnvironment', () => {
  it('hands over the native paths and never lets Electron run as plain Node', () => {
    const env = electronEnvironment({ PATH: '/bin', ELECTRON_RUN_AS_NODE: '1' }, binaries);
    expect(env).toEqual({ PATH: '/bin', [NATIVE_SQLITE_ENV]: '/n/better_sqlite3.node', [NATIVE_KEYTAR_ENV]: '/n/keytar.node' });
  });
});

/** A loopback port with nothing listening, so a download attempt fails at once and never leaves the machine. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (typeof address !== 'object' || address === null) throw new Error('no port');
  return address.port;
}

describe('npm start for real, without an Electron binary', () => {
  it('prints exactly one line, exits non-zero, and fails fast', async () => {
    const mirror = `http://127.0.0.1:${await closedPort()}/`;
    // Pretend the binary is missing even on machines that have one, and send the download to a dead port.
    const env = {
      ...process.env,
      ELECTRON_OVERRIDE_DIST_PATH: mkdtempSync(join(tmpdir(), 'kizuna-no-electron-')),
      ELECTRON_MIRROR: mirror,
      npm_config_electron_mirror: mirror,
      electron_config_cache: mkdtempSync(join(tmpdir(), 'kizuna-electron-cache-')),
      KIZUNA_ELECTRON_DOWNLOAD_TIMEOUT_MS: '20000',
    };
    const distBefore = existsSync(join(projectDir, 'node_modules', 'electron', 'dist'));
    const started = Date.now();
    const child = spawn(process.execPath, [join(projectDir, 'scripts', 'start.mjs')], { cwd: projectDir, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (data) => (output += data));
    child.stderr.on('data', (data) => (output += data));
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));

    expect(code).not.toBe(0);
    const lines = output.trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^Kizuna: the Electron binary is not installed and could not be downloaded \(.+\)\. Try `npm run serve` to use Kizuna in your browser\.$/);
    expect(lines[0]).toContain('ECONNREFUSED');
    expect(Date.now() - started).toBeLessThan(20_000);
    expect(existsSync(join(projectDir, 'node_modules', 'electron', 'dist'))).toBe(distBefore);
  });
});
