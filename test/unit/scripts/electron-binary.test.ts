import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import {
  DEFAULT_DOWNLOAD_TIMEOUT_MS,
  describeInstallFailure,
  downloadElectron,
  downloadTimeoutMs,
  locateElectronBinary,
  missingBinaryMessage,
  platformExecutable,
} from '../../../scripts/electron-binary.mjs';

function electronPackage(options: { pathTxt?: string; binary?: string } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'kizuna-electron-'));
  writeFileSync(join(dir, 'package.json'), '{"name":"electron","version":"45.4.1"}');
  if (options.pathTxt !== undefined) writeFileSync(join(dir, 'path.txt'), options.pathTxt);
  if (options.binary) {
    mkdirSync(join(dir, 'dist', options.binary, '..'), { recursive: true });
    writeFileSync(join(dir, 'dist', options.binary), '');
  }
  return dir;
}

describe('locateElectronBinary', () => {
  it('finds the executable named in path.txt under dist/', () => {
    const dir = electronPackage({ pathTxt: 'electron', binary: 'electron' });
    expect(locateElectronBinary({ electronDir: dir, env: {}, platform: 'linux' })).toEqual({ ok: true, path: join(dir, 'dist', 'electron') });
  });

  it('falls back to the platform name when path.txt is missing', () => {
    const dir = electronPackage({ binary: 'electron.exe' });
    expect(locateElectronBinary({ electronDir: dir, env: {}, platform: 'win32' })).toEqual({ ok: true, path: join(dir, 'dist', 'electron.exe') });
  });

  it('reports a binary that was never downloaded (Electron 45 fetches it lazily)', () => {
    const dir = electronPackage({ pathTxt: 'electron' });
    expect(locateElectronBinary({ electronDir: dir, env: {}, platform: 'linux' })).toEqual({ ok: false, reason: 'not downloaded yet' });
  });

  it('honours ELECTRON_OVERRIDE_DIST_PATH like the electron package does', () => {
    const dir = electronPackage({ pathTxt: 'electron', binary: 'electron' });
    const elsewhere = mkdtempSync(join(tmpdir(), 'kizuna-dist-'));
    expect(locateElectronBinary({ electronDir: dir, env: { ELECTRON_OVERRIDE_DIST_PATH: elsewhere }, platform: 'linux' }).ok).toBe(false);
  });

  it('says to run npm install when the electron package itself is missing', () => {
    const result = locateElectronBinary({ electronDir: join(tmpdir(), 'no-such-electron'), env: {} });
    expect(result).toEqual({ ok: false, reason: expect.stringContaining('npm install') });
  });

  it('knows each platform\'s executable', () => {
    expect(platformExecutable('darwin')).toBe('Electron.app/Contents/MacOS/Electron');
    expect(platformExecutable('win32')).toBe('electron.exe');
    expect(platformExecutable('linux')).toBe('electron');
  });
});

describe('describeInstallFailure', () => {
  it.each([
    ['TypeError: fetch failed\n    at node:internal/deps/undici:1:1\n    at async FetchDownloader.download (x.js:46:30)', 'fetch failed'],
    ['HTTPError: Response code 404 (Not Found) for https://github.com/electron/...\n    at x', 'Response code 404 (Not Found) for https://github.com/electron/...'],
    ['RequestError [ERR_STREAM_PREMATURE_CLOSE]: Premature close', 'Premature close'],
    ['Error: EACCES: permission denied, mkdir \'/root/.cache/electron\'', "EACCES: permission denied, mkdir '/root/.cache/electron'"],
    ['something odd happened\n    at x.js:1:1', 'something odd happened'],
    ['', 'the installer exited with code 1'],
  ])('turns %j into %j', (stderr, reason) => {
    expect(describeInstallFailure(stderr, 1)).toBe(reason);
  });
});

describe('downloadElectron', () => {
  const electronDir = '/project/node_modules/electron';

  it('runs electron\'s installer with a time limit', async () => {
    const run = vi.fn(async () => ({ code: 0, timedOut: false, stdout: '', stderr: '' }));
    expect(await downloadElectron({ electronDir, env: {}, timeoutMs: 1234, run })).toEqual({ ok: true });
    expect(run).toHaveBeenCalledWith(process.execPath, [join(electronDir, 'install.js')], { cwd: electronDir, env: {}, timeoutMs: 1234 });
  });

  it('reports a download that ran out of time', async () => {
    const run = async () => ({ code: 137, timedOut: true, stdout: '', stderr: '' });
    expect(await downloadElectron({ electronDir, env: {}, timeoutMs: 300_000, run })).toEqual({ ok: false, reason: 'no download finished within 300 s' });
  });

  it('asks the mirror why a fetch failed, so the reason names the real cause', async () => {
    const run = async () => ({ code: 1, timedOut: false, stdout: '', stderr: 'TypeError: fetch failed\n    at x' });
    const probe = vi.fn(async () => 'getaddrinfo ENOTFOUND github.com');
    expect(await downloadElectron({ electronDir, env: {}, run, probe })).toEqual({ ok: false, reason: 'fetch failed: getaddrinfo ENOTFOUND github.com' });
    expect(probe).toHaveBeenCalledWith('https://github.com/electron/electron/releases/download/');
    await downloadElectron({ electronDir, env: { ELECTRON_MIRROR: 'https://mirror.example/electron/' }, run, probe });
    expect(probe).toHaveBeenLastCalledWith('https://mirror.example/electron/');
  });

  it('reads the time limit from KIZUNA_ELECTRON_DOWNLOAD_TIMEOUT_MS, ignoring nonsense', () => {
    expect(downloadTimeoutMs({ KIZUNA_ELECTRON_DOWNLOAD_TIMEOUT_MS: '60000' })).toBe(60_000);
    expect(downloadTimeoutMs({ KIZUNA_ELECTRON_DOWNLOAD_TIMEOUT_MS: 'soon' })).toBe(DEFAULT_DOWNLOAD_TIMEOUT_MS);
    expect(downloadTimeoutMs({})).toBe(DEFAULT_DOWNLOAD_TIMEOUT_MS);
  });
});

describe('missingBinaryMessage', () => {
  it('is one line that gives the reason and points to npm run serve', () => {
    const message = missingBinaryMessage('fetch failed:\n  getaddrinfo ENOTFOUND github.com');
    expect(message).toBe(
      'Kizuna: the Electron binary is not installed and could not be downloaded (fetch failed: getaddrinfo ENOTFOUND github.com). Try `npm run serve` to use Kizuna in your browser.',
    );
    expect(missingBinaryMessage('x'.repeat(1000)).length).toBeLessThan(300);
  });
});
