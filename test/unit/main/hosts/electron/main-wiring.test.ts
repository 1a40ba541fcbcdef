import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { methodNames } from '../../../../../shared/contract';

const repoDir = join(import.meta.dirname, '..', '..', '..', '..', '..');
const driver = join(import.meta.dirname, 'support', 'run-electron-main.mjs');

/** Runs the real main.ts against a recording fake of the electron module and returns what it saw. */
async function runMain(): Promise<{ report: Record<string, unknown>; stderr: string; code: number | null; dataDir: string }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'kizuna-electron-main-'));
  const env = {
    ...process.env,
    KIZUNA_DATA_DIR: dataDir,
    KIZUNA_SECRET_STORE: 'encrypted-file',
    KIZUNA_SECRET_KEY: 'a test key that is long enough',
    // Under plain Node the packages' own (Node-ABI) builds are the right ones.
    KIZUNA_NATIVE_SQLITE: join(repoDir, 'node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node'),
    KIZUNA_NATIVE_KEYTAR: join(repoDir, 'node_modules', 'keytar', 'build', 'Release', 'keytar.node'),
  };
  const child = spawn(process.execPath, ['--import', 'tsx', driver], { cwd: repoDir, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (data) => (stdout += data));
  child.stderr.on('data', (data) => (stderr += data));
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  const last = stdout.trim().split('\n').at(-1) ?? '{}';
  return { report: JSON.parse(last) as Record<string, unknown>, stderr, code, dataDir };
}

describe('main.ts wiring (real core, fake electron module)', () => {
  it('starts, serves IPC and the tray, and shuts down cleanly', async () => {
    const { report, stderr, code, dataDir } = await runMain();
    expect(code, stderr).toBe(0);
    expect(report.dialogs).toEqual([]);

    expect(report.schemes).toEqual([{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
    expect(report.channels).toEqual(methodNames.map((method) => `kizuna:rpc:${method}`));
    expect(report.loaded).toBe('app://kizuna/index.html');
    expect(report.windowOptions).toMatchObject({ show: false, webPreferences: { contextIsolation: true, sandbox: true, nodeIntegration: false } });
    expect((report.page as { csp: string }).csp).toMatch(/^default-src 'none'; script-src 'self';/);

    expect(report.info).toMatchObject({ ok: true, value: { host: 'electron', dataDir } });
    expect(report.foreign).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(report.paused).toBe(true);
    // Pausing reaches the window as the new settings, and as the schedule's status (the app runs the schedule).
    expect(report.sentEvents).toEqual(
      expect.arrayContaining([
        { channel: 'kizuna:event', keys: ['event', 'payload'], event: 'settings.changed' },
        { channel: 'kizuna:event', keys: ['event', 'payload'], event: 'sync.status' },
      ]),
    );
    // The status line first (paused, never synced), then the actions.
    expect(report.trayLabels).toEqual(['Paused', '---', 'Open Kizuna', '---', 'Sync now', 'Resume schedule', '---', 'Quit Kizuna']);

    expect(report.windowOpen).toEqual({ action: 'deny' });
    expect(report.navigationPrevented).toBe(true);
    expect(report.opened).toContain('https://anilist.co/anime/1');

    // closeToTray is on by default: closing hides; Quit from the tray really closes and releases everything.
    expect(report.hiddenNotClosed).toBe(true);
    expect(report.afterQuit).toEqual({ windowDestroyed: true, trayDestroyed: true, quitCalls: 1 });
    expect(report.channelsAfterQuit).toEqual([]);
    expect(existsSync(join(dataDir, 'kizuna.db'))).toBe(true);
    expect(existsSync(join(dataDir, 'settings.json'))).toBe(true);
  }, 60_000);
});
