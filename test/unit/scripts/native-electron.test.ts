import { existsSync, mkdirSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import {
  buildEnvironment,
  buildKey,
  ELECTRON_HEADERS_URL,
  ensureNativeBuild,
  nativeModules,
  nodeGypArgs,
  prebuildInstallArgs,
  type NativeTarget,
} from '../../../scripts/native-electron.mjs';

const repoDir = join(import.meta.dirname, '..', '..', '..');
const electron: NativeTarget = { runtime: 'electron', version: '45.4.1', platform: 'linux', arch: 'x64' };
const addon = { name: 'hello-addon', binary: 'hello.node' };
const NODE_BUILD_SENTINEL = 'the Node build that npm install made; must never change';

/** A project with one tiny N-API addon whose node_modules copy already has a (pretend) Node build. */
function fixtureProject(version = '1.0.0') {
  const projectDir = mkdtempSync(join(tmpdir(), 'kizuna-native-'));
  const moduleDir = join(projectDir, 'node_modules', addon.name);
  mkdirSync(join(moduleDir, 'build', 'Release'), { recursive: true });
  writeFileSync(join(projectDir, 'package.json'), '{"name":"fixture","private":true}');
  writeFileSync(join(moduleDir, 'package.json'), JSON.stringify({ name: addon.name, version }));
  writeFileSync(join(moduleDir, 'binding.gyp'), "{ 'targets': [{ 'target_name': 'hello', 'sources': ['hello.c'] }] }");
  writeFileSync(
    join(moduleDir, 'hello.c'),
    `#include <node_api.h>
static napi_value Hello(napi_env env, napi_callback_info info) {
  napi_value result;
  napi_create_string_utf8(env, "built apart", NAPI_AUTO_LENGTH, &result);
  return result;
}
NAPI_MODULE_INIT() {
  napi_value fn;
  napi_create_function(env, "hello", NAPI_AUTO_LENGTH, Hello, NULL, &fn);
  napi_set_named_property(env, exports, "hello", fn);
  return exports;
}
`,
  );
  writeFileSync(join(moduleDir, 'build', 'Release', addon.binary), NODE_BUILD_SENTINEL);
  return { projectDir, moduleDir, root: join(projectDir, '.native-electron') };
}

describe('build recipe', () => {
  it('keys Electron builds by version, platform and arch, as native-bindings.ts expects', () => {
    expect(buildKey(electron)).toBe('45.4.1-linux-x64');
    expect(buildKey({ ...electron, runtime: 'node', version: '20.19.0' })).toBe('node-20.19.0-linux-x64');
    expect(nativeModules.map((module) => module.name)).toEqual(['better-sqlite3', 'keytar']);
  });

  it('compiles against Electron\'s headers for Electron', () => {
    expect(nodeGypArgs(electron)).toEqual(['rebuild', '--release', '--jobs=max', '--target=45.4.1', '--arch=x64', `--dist-url=${ELECTRON_HEADERS_URL}`]);
    expect(nodeGypArgs({ runtime: 'node', version: '20.19.0', platform: 'linux', arch: 'x64', nodedir: '/usr' })).toEqual([
      'rebuild', '--release', '--jobs=max', '--target=20.19.0', '--arch=x64', '--nodedir=/usr',
    ]);
  });

  it('asks for an Electron-ABI prebuilt binary, or the N-API one for N-API packages like keytar', () => {
    expect(prebuildInstallArgs(electron, {})).toEqual(['--runtime=electron', '--target=45.4.1', '--arch=x64', '--platform=linux', '--verbose']);
    expect(prebuildInstallArgs(electron, { binary: { napi_versions: [3] } })).toEqual(['--runtime=napi', '--target=3', '--arch=x64', '--platform=linux', '--verbose']);
  });

  it('drops npm settings that would silently build for Node instead (a user-wide nodedir)', () => {
    const env = { PATH: '/bin', npm_config_nodedir: '/usr', npm_config_target: '20.0.0', npm_config_runtime: 'node', NPM_CONFIG_ARCH: 'ia32', npm_config_cache: '/c' };
    expect(buildEnvironment(env, electron)).toEqual({ PATH: '/bin', npm_config_cache: '/c' });
    expect(buildEnvironment(env, { ...electron, runtime: 'node', nodedir: '/opt/node' })).toEqual({ PATH: '/bin', npm_config_cache: '/c', npm_config_nodedir: '/opt/node' });
  });
});

/** Stands in for prebuild-install and node-gyp: records the calls and "builds" by writing the binary. */
function fakeToolchain(options: { prebuilt?: boolean; compiles?: boolean } = {}) {
  const calls: Array<{ tool: string; args: string[]; cwd: string; env: NodeJS.ProcessEnv }> = [];
  const run = vi.fn(async (_command: string, args: string[], { cwd, env, logFile }: { cwd: string; env: NodeJS.ProcessEnv; logFile: string }) => {
    const tool = args[0]?.includes('prebuild-install') ? 'prebuild-install' : 'node-gyp';
    calls.push({ tool, args: args.slice(1), cwd, env });
    writeFileSync(logFile, `${tool} ran\n`, { flag: 'a' });
    const succeeds = tool === 'prebuild-install' ? options.prebuilt === true : options.compiles !== false;
    if (succeeds) {
      mkdirSync(join(cwd, 'build', 'Release'), { recursive: true });
      writeFileSync(join(cwd, 'build', 'Release', addon.binary), `${tool} output`);
    }
    return { code: succeeds ? 0 : 1, timedOut: false };
  });
  return { run, calls };
}

describe('ensureNativeBuild (fake toolchain)', () => {
  it('builds a copy in .native-electron, never in node_modules, for Electron\'s ABI', async () => {
    const { projectDir, moduleDir, root } = fixtureProject();
    const { run, calls } = fakeToolchain();
    const build = await ensureNativeBuild({ projectDir, toolsDir: repoDir, root, target: electron, modules: [addon], env: { npm_config_nodedir: '/usr' }, run, say: () => undefined });

    const buildDir = join(root, '45.4.1-linux-x64');
    expect(build).toEqual({ buildDir, binaries: { [addon.name]: join(buildDir, addon.name, 'build', 'Release', addon.binary) }, rebuilt: true });
    expect(calls.map((call) => call.tool)).toEqual(['prebuild-install', 'node-gyp']);
    expect(calls.every((call) => call.cwd === join(buildDir, addon.name))).toBe(true);
    expect(calls[1]?.args).toContain(`--dist-url=${ELECTRON_HEADERS_URL}`);
    expect(calls.every((call) => call.env.npm_config_nodedir === undefined)).toBe(true);
    expect(readFileSync(join(moduleDir, 'build', 'Release', addon.binary), 'utf8')).toBe(NODE_BUILD_SENTINEL);
    expect(readFileSync(build.binaries[addon.name] ?? '', 'utf8')).toBe('node-gyp output');
  });

  it('uses a prebuilt binary when one downloads, and compiles nothing', async () => {
    const { projectDir, root } = fixtureProject();
    const { run, calls } = fakeToolchain({ prebuilt: true });
    await ensureNativeBuild({ projectDir, toolsDir: repoDir, root, target: electron, modules: [addon], run, say: () => undefined });
    expect(calls.map((call) => call.tool)).toEqual(['prebuild-install']);
  });

  it('skips a finished build, and redoes it when the module or Electron version changes', async () => {
    const { projectDir, moduleDir, root } = fixtureProject();
    const { run } = fakeToolchain();
    const options = { projectDir, toolsDir: repoDir, root, modules: [addon], run, say: () => undefined, fromSource: true };
    await ensureNativeBuild({ ...options, target: electron });
    expect((await ensureNativeBuild({ ...options, target: electron })).rebuilt).toBe(false);
    expect(run).toHaveBeenCalledTimes(1);

    writeFileSync(join(moduleDir, 'package.json'), JSON.stringify({ name: addon.name, version: '1.0.1' }));
    expect((await ensureNativeBuild({ ...options, target: electron })).rebuilt).toBe(true);
    expect((await ensureNativeBuild({ ...options, target: { ...electron, version: '45.5.0' } })).rebuilt).toBe(true);
    expect(existsSync(join(root, '45.5.0-linux-x64'))).toBe(true);
  });

  it('fails with the end of the log, and leaves no stamp so the next run tries again', async () => {
    const { projectDir, root } = fixtureProject();
    const { run } = fakeToolchain({ compiles: false });
    const options = { projectDir, toolsDir: repoDir, root, target: electron, modules: [addon], run, say: () => undefined };
    await expect(ensureNativeBuild(options)).rejects.toThrow(/Could not build hello-addon for electron 45\.4\.1 \(node-gyp exited with 1\)[\s\S]*node-gyp ran/);
    expect(existsSync(join(root, '45.4.1-linux-x64', 'stamp.json'))).toBe(false);
    await expect(ensureNativeBuild(options)).rejects.toThrow();
    expect(run.mock.calls.filter(([, args]) => String(args[0]).includes('node-gyp'))).toHaveLength(2);
  });

  it('tells the user once per module what it is doing and where the log is', async () => {
    const { projectDir, root } = fixtureProject();
    const said: string[] = [];
    await ensureNativeBuild({ projectDir, toolsDir: repoDir, root, target: electron, modules: [addon], run: fakeToolchain().run, say: (line) => said.push(line) });
    expect(said).toEqual([expect.stringMatching(/^Kizuna: preparing hello-addon for electron 45\.4\.1 .*build\.log\)$/)]);
  });
});

/** Local Node headers (npm's nodedir), so the real compile needs no network. */
const nodedir = [process.env.npm_config_nodedir, '/usr', '/usr/local'].find((dir) => dir && existsSync(join(dir, 'include', 'node', 'node_api.h')));

describe.skipIf(!nodedir)('ensureNativeBuild (real node-gyp, Node target)', () => {
  it('compiles the copy apart, the result loads, and node_modules is untouched', async () => {
    const { projectDir, moduleDir, root } = fixtureProject();
    const nodeBuild = join(moduleDir, 'build', 'Release', addon.binary);
    const before = statSync(nodeBuild).mtimeMs;
    const target: NativeTarget = { runtime: 'node', version: process.versions.node, platform: process.platform, arch: process.arch, nodedir };
    const build = await ensureNativeBuild({ projectDir, toolsDir: repoDir, root, target, modules: [addon], fromSource: true, say: () => undefined });

    const loaded = createRequire(import.meta.url)(build.binaries[addon.name] ?? '') as { hello(): string };
    expect(loaded.hello()).toBe('built apart');
    expect(build.buildDir.startsWith(root)).toBe(true);
    expect(readFileSync(nodeBuild, 'utf8')).toBe(NODE_BUILD_SENTINEL);
    expect(statSync(nodeBuild).mtimeMs).toBe(before);
    expect((await ensureNativeBuild({ projectDir, toolsDir: repoDir, root, target, modules: [addon], fromSource: true, say: () => undefined })).rebuilt).toBe(false);
  }, 120_000);
});
