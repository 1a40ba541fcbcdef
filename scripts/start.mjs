#!/usr/bin/env node
/**
 * `npm start`: find (or fetch) Electron, build the native modules for its ABI, bundle the app with
 * electron-vite, and run it. Without an Electron binary it says so in one line and points to
 * `npm run serve`, which needs no Electron at all.
 */
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { downloadElectron, electronPackageDir, locateElectronBinary, missingBinaryMessage } from './electron-binary.mjs';
import { electronTarget, ensureNativeBuild } from './native-electron.mjs';

/** Read by main/hosts/electron/native-bindings.ts. */
export const NATIVE_SQLITE_ENV = 'KIZUNA_NATIVE_SQLITE';
export const NATIVE_KEYTAR_ENV = 'KIZUNA_NATIVE_KEYTAR';
const SLOW_DOWNLOAD_NOTICE_MS = 3_000;

/** Every step is injectable so the decisions can be tested without Electron, a network or a compiler. */
export function defaultSteps(projectDir, env) {
  const electronDir = electronPackageDir(projectDir);
  return {
    locate: () => locateElectronBinary({ electronDir, env }),
    download: () => downloadElectron({ electronDir, env }),
    buildNative: () => ensureNativeBuild({ projectDir, target: electronTarget(projectDir) }),
    bundle: () => runInheriting(process.execPath, [electronViteBin(projectDir), 'build'], { cwd: projectDir, env }),
    launch: (binary, native, args) => runInheriting(binary, [projectDir, ...args], { cwd: projectDir, env: electronEnvironment(env, native) }),
    say: (line) => process.stderr.write(`${line}\n`),
  };
}

/** Resolves with the exit code for the process. */
export async function start(steps, args = []) {
  let binary = steps.locate();
  if (!binary.ok) {
    const notice = setTimeout(() => steps.say('Kizuna: downloading Electron (first run only)…'), SLOW_DOWNLOAD_NOTICE_MS);
    const download = await steps.download().finally(() => clearTimeout(notice));
    binary = steps.locate();
    if (!binary.ok) {
      steps.say(missingBinaryMessage(download.ok ? 'the installer finished but left no executable' : download.reason));
      return 1;
    }
  }
  let native;
  try {
    native = await steps.buildNative();
  } catch (error) {
    steps.say(`Kizuna: ${error.message}\nTry \`npm run serve\` to use Kizuna in your browser meanwhile.`);
    return 1;
  }
  const bundled = await steps.bundle();
  if (bundled !== 0) return bundled;
  return steps.launch(binary.path, native.binaries, args);
}

/** Electron must not run as plain Node, and gets the Electron-ABI binaries just built. */
export function electronEnvironment(env, binaries) {
  const next = { ...env, [NATIVE_SQLITE_ENV]: binaries['better-sqlite3'], [NATIVE_KEYTAR_ENV]: binaries.keytar };
  delete next.ELECTRON_RUN_AS_NODE;
  return next;
}

function electronViteBin(projectDir) {
  const packageJson = createRequire(join(projectDir, 'package.json')).resolve('electron-vite/package.json');
  return join(packageJson, '..', 'bin', 'electron-vite.js');
}

/** Runs in the foreground; Ctrl+C reaches the child through the terminal, and its exit code is ours. */
function runInheriting(command, args, { cwd, env }) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd, env, stdio: 'inherit' });
    const forward = (signal) => child.kill(signal);
    process.on('SIGTERM', forward);
    child.on('error', (error) => {
      process.stderr.write(`Kizuna: could not run ${command}: ${error.message}\n`);
      resolve(1);
    });
    child.on('close', (code, signal) => {
      process.off('SIGTERM', forward);
      resolve(code ?? (signal ? 1 : 0));
    });
  });
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const projectDir = fileURLToPath(new URL('..', import.meta.url));
  start(defaultSteps(projectDir, process.env), process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
