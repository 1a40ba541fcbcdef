import type { ChildResult, RunOptions } from './electron-process.mjs';

export interface NativeTarget {
  runtime: 'electron' | 'node';
  version: string;
  platform: string;
  arch: string;
  /** Headers folder for a node target (npm's `nodedir`); Electron headers are downloaded by node-gyp. */
  nodedir?: string;
}
export interface NativeModule {
  name: string;
  binary: string;
}
export interface NativeBuild {
  buildDir: string;
  /** Module name -> absolute path of its .node file. */
  binaries: Record<string, string>;
  rebuilt: boolean;
}
export interface EnsureNativeBuildOptions {
  projectDir: string;
  target: NativeTarget;
  root?: string;
  modules?: NativeModule[];
  fromSource?: boolean;
  env?: NodeJS.ProcessEnv;
  /** Where node-gyp and prebuild-install are resolved from; defaults to projectDir. */
  toolsDir?: string;
  run?: (command: string, args: string[], options: RunOptions & { logFile: string }) => Promise<Pick<ChildResult, 'code' | 'timedOut'>>;
  say?: (line: string) => void;
}

export const NATIVE_BUILD_ROOT: string;
export const ELECTRON_HEADERS_URL: string;
export const RECIPE_VERSION: number;
export const nativeModules: NativeModule[];
export function electronTarget(projectDir: string, platform?: string, arch?: string): NativeTarget;
export function buildKey(target: NativeTarget): string;
export function binaryPathIn(buildDir: string, module: NativeModule): string;
export function moduleSourceDir(projectDir: string, name: string): string;
export function expectedStamp(target: NativeTarget, moduleVersions: Record<string, string>): Record<string, unknown>;
export function isBuildCurrent(buildDir: string, stamp: Record<string, unknown>, modules: NativeModule[]): boolean;
export function copyModuleSource(from: string, to: string): void;
export function buildEnvironment(env: NodeJS.ProcessEnv, target: NativeTarget): NodeJS.ProcessEnv;
export function nodeGypArgs(target: NativeTarget): string[];
export function prebuildInstallArgs(target: NativeTarget, packageJson: { binary?: { napi_versions?: number[] } }): string[];
export function ensureNativeBuild(options: EnsureNativeBuildOptions): Promise<NativeBuild>;
export function nodeGypBin(projectDir: string): string;
