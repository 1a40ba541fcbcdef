/**
 * electron-builder `beforeBuild` hook (see electron-builder.yml). electron-builder's own step would rebuild
 * native dependencies for Electron inside node_modules, in place, which breaks `npm test` (Node) until the
 * next `npm rebuild`. Instead this builds them with scripts/native-electron.mjs beside node_modules, copies
 * the two .node files into out/native/ (build output, so `files` picks them up and asarUnpack extracts
 * them), and returns false to tell electron-builder that node_modules needs nothing more.
 */
import { copyFileSync, mkdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { electronTarget, ensureNativeBuild } from './native-electron.mjs';

/** Must match PACKAGED_NATIVE_DIR in main/hosts/electron/native-bindings.ts (a test pins it). */
export const PACKAGED_NATIVE_DIR = join('out', 'native');

/** Where each binary goes in the packaged app: out/native/<file name>. */
export function packagedBinaryCopies(projectDir, binaries) {
  return Object.values(binaries).map((from) => ({ from, to: join(projectDir, PACKAGED_NATIVE_DIR, basename(from)) }));
}

export function packagingTarget(context, projectDir) {
  const platform = context.platform?.nodeName ?? process.platform;
  if (platform !== process.platform) {
    throw new Error(`Kizuna's native modules cannot be cross-compiled: build the ${platform} app on ${platform}.`);
  }
  return { runtime: 'electron', version: context.electronVersion ?? electronTarget(projectDir).version, platform, arch: context.arch };
}

export async function beforeBuild(context) {
  const projectDir = context.appDir;
  const { binaries } = await ensureNativeBuild({ projectDir, target: packagingTarget(context, projectDir) });
  mkdirSync(join(projectDir, PACKAGED_NATIVE_DIR), { recursive: true });
  for (const { from, to } of packagedBinaryCopies(projectDir, binaries)) copyFileSync(from, to);
  return false;
}

export default beforeBuild;
