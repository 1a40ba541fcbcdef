/**
 * Finding, and if need be fetching, the Electron executable. The electron package (45+) downloads its
 * binary lazily through node_modules/electron/install.js instead of at `npm install`, and requiring
 * 'electron' from Node would start that download with no time limit, so this module never does.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCaptured } from './electron-process.mjs';

export const DEFAULT_DOWNLOAD_TIMEOUT_MS = 5 * 60_000;
const DEFAULT_MIRROR = 'https://github.com/electron/electron/releases/download/';
const MAX_REASON_LENGTH = 160;

export function electronPackageDir(projectDir) {
  return join(projectDir, 'node_modules', 'electron');
}

/** Mirrors getPlatformPath() in node_modules/electron/install.js. */
export function platformExecutable(platform) {
  if (platform === 'darwin' || platform === 'mas') return 'Electron.app/Contents/MacOS/Electron';
  if (platform === 'win32') return 'electron.exe';
  return 'electron';
}

/** { ok: true, path } when the executable is on disk, else { ok: false, reason }. */
export function locateElectronBinary({ electronDir, env = process.env, platform = process.platform }) {
  if (!existsSync(join(electronDir, 'package.json'))) return { ok: false, reason: 'the electron package is missing; run `npm install`' };
  let executable = platformExecutable(platform);
  try {
    executable = readFileSync(join(electronDir, 'path.txt'), 'utf8').trim() || executable;
  } catch {
    // No path.txt yet: the binary was never downloaded.
  }
  const dist = env.ELECTRON_OVERRIDE_DIST_PATH || join(electronDir, 'dist');
  const path = join(dist, executable);
  return existsSync(path) ? { ok: true, path } : { ok: false, reason: 'not downloaded yet' };
}

export function downloadTimeoutMs(env = process.env) {
  const configured = Number(env.KIZUNA_ELECTRON_DOWNLOAD_TIMEOUT_MS);
  return Number.isFinite(configured) && configured > 0 ? configured : DEFAULT_DOWNLOAD_TIMEOUT_MS;
}

/**
 * Runs electron's own installer once, with a time limit (its fetch has none for a stalled transfer).
 * Resolves with { ok: true } or { ok: false, reason } where reason is short enough for one line.
 */
export async function downloadElectron({ electronDir, env = process.env, timeoutMs = downloadTimeoutMs(env), run = runCaptured, probe = probeHost }) {
  const result = await run(process.execPath, [join(electronDir, 'install.js')], { cwd: electronDir, env, timeoutMs });
  if (result.timedOut) return { ok: false, reason: `no download finished within ${Math.round(timeoutMs / 1000)} s` };
  if (result.code === 0) return { ok: true };
  let reason = describeInstallFailure(result.stderr, result.code);
  // Node's fetch says only "fetch failed"; asking the host once more tells the user which part failed.
  if (reason === 'fetch failed') {
    const cause = await probe(env.ELECTRON_MIRROR || env.npm_config_electron_mirror || DEFAULT_MIRROR);
    if (cause) reason = `fetch failed: ${cause}`;
  }
  return { ok: false, reason: oneLine(reason) };
}

/** The error message install.js printed (it prints a stack), else its last line, else the exit code. */
export function describeInstallFailure(stderr, code) {
  const lines = String(stderr ?? '').split(/\r?\n/).map((line) => line.trim()).filter(Boolean);
  const errorLine = lines.find((line) => /^[\w.]*Error\b.*:/.test(line));
  if (errorLine) return oneLine(errorLine.replace(/^[\w.]*Error(\s*\[[^\]]*\])?:\s*/, ''));
  const last = lines.filter((line) => !line.startsWith('at ')).at(-1);
  return last ? oneLine(last) : `the installer exited with code ${code}`;
}

/** Why a host cannot be reached, or null when it answers (or the question itself fails oddly). */
export async function probeHost(url, timeoutMs = 5_000) {
  try {
    await fetch(url, { method: 'HEAD', signal: AbortSignal.timeout(timeoutMs) });
    return null;
  } catch (error) {
    if (error?.name === 'TimeoutError') return `no answer from ${new URL(url).host} within ${timeoutMs / 1000} s`;
    const cause = error?.cause;
    return cause?.message ?? cause?.code ?? null;
  }
}

export function missingBinaryMessage(reason) {
  return `Kizuna: the Electron binary is not installed and could not be downloaded (${oneLine(reason)}). Try \`npm run serve\` to use Kizuna in your browser.`;
}

function oneLine(text) {
  const flat = String(text).replace(/\s+/g, ' ').trim();
  return flat.length > MAX_REASON_LENGTH ? `${flat.slice(0, MAX_REASON_LENGTH - 1)}…` : flat;
}
