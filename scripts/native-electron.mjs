#!/usr/bin/env node
/**
 * Builds better-sqlite3 and keytar for Electron's ABI into .native-electron/<electron>-<platform>-<arch>/,
 * never touching node_modules: the packages' own builds there stay Node-ABI, so `npm test` (Node) and
 * `npm start` (Electron) both work after one `npm install`, in either order. The Electron host loads these
 * files by path (main/hosts/electron/native-bindings.ts; better-sqlite3's `nativeBinding` option, keytar's
 * .node directly). Each module is tried as a prebuilt download first, as its own install script does, and
 * compiled with node-gyp otherwise. A stamp written last marks a finished build, so a build interrupted
 * halfway is redone on the next run.
 */
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runLogged, tailOf } from './electron-process.mjs';

export const NATIVE_BUILD_ROOT = '.native-electron';
export const ELECTRON_HEADERS_URL = 'https://electronjs.org/headers';
/** Bump when the way modules are built changes, so every existing build is redone. */
export const RECIPE_VERSION = 1;
const STAMP_FILE = 'stamp.json';
const PREBUILT_TIMEOUT_MS = 120_000;
const COMPILE_TIMEOUT_MS = 30 * 60_000;

export const nativeModules = [
  { name: 'better-sqlite3', binary: 'better_sqlite3.node' },
  { name: 'keytar', binary: 'keytar.node' },
];

/** The Electron that `npm start` will run, for this machine. */
export function electronTarget(projectDir, platform = process.platform, arch = process.arch) {
  const version = readJson(join(projectDir, 'node_modules', 'electron', 'package.json')).version;
  return { runtime: 'electron', version, platform, arch };
}

export function buildKey(target) {
  const key = `${target.version}-${target.platform}-${target.arch}`;
  return target.runtime === 'electron' ? key : `${target.runtime}-${key}`;
}

export function binaryPathIn(buildDir, module) {
  return join(buildDir, module.name, 'build', 'Release', module.binary);
}

export function moduleSourceDir(projectDir, name) {
  return join(createRequire(join(projectDir, 'package.json')).resolve(`${name}/package.json`), '..');
}

export function expectedStamp(target, moduleVersions) {
  return { recipe: RECIPE_VERSION, runtime: target.runtime, version: target.version, platform: target.platform, arch: target.arch, modules: moduleVersions };
}

export function isBuildCurrent(buildDir, stamp, modules) {
  const stored = readJsonOrNull(join(buildDir, STAMP_FILE));
  if (!stored || JSON.stringify(stored) !== JSON.stringify(stamp)) return false;
  return modules.every((module) => existsSync(binaryPathIn(buildDir, module)));
}

/** Copies a package's sources without its own build output, prebuilds or nested node_modules. */
export function copyModuleSource(from, to) {
  const skipped = new Set(['build', 'prebuilds', 'node_modules']);
  rmSync(to, { recursive: true, force: true });
  mkdirSync(to, { recursive: true });
  cpSync(from, to, {
    recursive: true,
    filter: (path) => !skipped.has(relative(from, path).split(sep)[0] ?? ''),
  });
}

/**
 * npm exports its config to scripts as npm_config_* variables, and node-gyp and prebuild-install obey them.
 * A user-wide `nodedir` (or target/runtime/arch) would silently build against Node's headers instead of
 * Electron's, so those are dropped and the target is passed explicitly.
 */
export function buildEnvironment(env, target) {
  const overridden = /^npm_config_(nodedir|target|runtime|arch|platform|disturl|dist_url|build_from_source)$/i;
  const clean = Object.fromEntries(Object.entries(env).filter(([name]) => !overridden.test(name)));
  return target.nodedir ? { ...clean, npm_config_nodedir: target.nodedir } : clean;
}

export function nodeGypArgs(target) {
  const args = ['rebuild', '--release', '--jobs=max', `--target=${target.version}`, `--arch=${target.arch}`];
  if (target.runtime === 'electron') args.push(`--dist-url=${ELECTRON_HEADERS_URL}`);
  if (target.nodedir) args.push(`--nodedir=${target.nodedir}`);
  return args;
}

/** N-API packages (keytar) have one prebuilt binary for every runtime; the others need Electron's ABI. */
export function prebuildInstallArgs(target, packageJson) {
  const napiVersions = packageJson.binary?.napi_versions;
  const runtime = Array.isArray(napiVersions) && napiVersions.length > 0 ? ['--runtime=napi', `--target=${Math.max(...napiVersions)}`] : [`--runtime=${target.runtime}`, `--target=${target.version}`];
  return [...runtime, `--arch=${target.arch}`, `--platform=${target.platform}`, '--verbose'];
}

/**
 * Makes sure the current build for `target` exists and returns where its binaries are.
 * options: { projectDir, target, root?, modules?, fromSource?, env?, toolsDir?, run?, say? }; toolsDir is where
 * node-gyp and prebuild-install are found (default: projectDir).
 */
export async function ensureNativeBuild(options) {
  const { projectDir, target } = options;
  const toolsDir = options.toolsDir ?? projectDir;
  const modules = options.modules ?? nativeModules;
  const say = options.say ?? ((line) => process.stderr.write(`${line}\n`));
  const run = options.run ?? runLogged;
  const buildDir = join(options.root ?? join(projectDir, NATIVE_BUILD_ROOT), buildKey(target));
  const sources = Object.fromEntries(modules.map((module) => [module.name, moduleSourceDir(projectDir, module.name)]));
  const stamp = expectedStamp(target, Object.fromEntries(modules.map((module) => [module.name, readJson(join(sources[module.name], 'package.json')).version])));
  const binaries = Object.fromEntries(modules.map((module) => [module.name, binaryPathIn(buildDir, module)]));
  if (isBuildCurrent(buildDir, stamp, modules)) return { buildDir, binaries, rebuilt: false };

  rmSync(join(buildDir, STAMP_FILE), { force: true });
  mkdirSync(buildDir, { recursive: true });
  const logFile = join(buildDir, 'build.log');
  writeFileSync(logFile, '');
  const env = buildEnvironment(options.env ?? process.env, target);
  for (const module of modules) {
    say(`Kizuna: preparing ${module.name} for ${target.runtime} ${target.version} (once per version; details in ${logFile})`);
    const dir = join(buildDir, module.name);
    copyModuleSource(sources[module.name], dir);
    if (!options.fromSource && (await tryPrebuilt(run, toolsDir, dir, target, env, logFile)) && existsSync(binaries[module.name])) continue;
    const compiled = await run(process.execPath, [nodeGypBin(toolsDir), ...nodeGypArgs(target)], { cwd: dir, env, logFile, timeoutMs: COMPILE_TIMEOUT_MS });
    if (compiled.code !== 0 || !existsSync(binaries[module.name])) {
      throw new Error(`Could not build ${module.name} for ${target.runtime} ${target.version} (${compiled.timedOut ? 'timed out' : `node-gyp exited with ${compiled.code}`}). ` + `The end of ${logFile}:\n${tailOf(logFile, 15)}`);
    }
  }
  writeFileSync(join(buildDir, STAMP_FILE), `${JSON.stringify(stamp, null, 2)}\n`);
  return { buildDir, binaries, rebuilt: true };
}

async function tryPrebuilt(run, toolsDir, dir, target, env, logFile) {
  const bin = resolveFrom(dir, 'prebuild-install/bin.js') ?? resolveFrom(toolsDir, 'prebuild-install/bin.js');
  if (!bin) return false;
  const result = await run(process.execPath, [bin, ...prebuildInstallArgs(target, readJson(join(dir, 'package.json')))], { cwd: dir, env, logFile, timeoutMs: PREBUILT_TIMEOUT_MS });
  return result.code === 0;
}

/** node-gyp from the project (a dependency of @electron/rebuild), else the copy bundled with npm. */
export function nodeGypBin(projectDir) {
  const local = resolveFrom(projectDir, 'node-gyp/bin/node-gyp.js');
  if (local) return local;
  const npmCli = process.env.npm_execpath;
  const bundled = npmCli ? join(npmCli, '..', '..', 'node_modules', 'node-gyp', 'bin', 'node-gyp.js') : null;
  if (bundled && existsSync(bundled)) return bundled;
  throw new Error('node-gyp was not found; run `npm install` first.');
}

function resolveFrom(dir, request) {
  try {
    return createRequire(join(dir, 'package.json')).resolve(request);
  } catch {
    return null;
  }
}

function readJson(file) {
  return JSON.parse(readFileSync(file, 'utf8'));
}

function readJsonOrNull(file) {
  try {
    return readJson(file);
  } catch {
    return null;
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const projectDir = fileURLToPath(new URL('..', import.meta.url));
  ensureNativeBuild({ projectDir, target: electronTarget(projectDir), fromSource: process.argv.includes('--from-source') })
    .then(({ binaries }) => {
      for (const [name, file] of Object.entries(binaries)) process.stdout.write(`${name}: ${file}\n`);
    })
    .catch((error) => {
      process.stderr.write(`${error.message}\n`);
      process.exitCode = 1;
    });
}
