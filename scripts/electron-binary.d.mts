import type { ChildResult, RunOptions } from './electron-process.mjs';

export type Located = { ok: true; path: string } | { ok: false; reason: string };
export type Downloaded = { ok: true } | { ok: false; reason: string };

export const DEFAULT_DOWNLOAD_TIMEOUT_MS: number;
export function electronPackageDir(projectDir: string): string;
export function platformExecutable(platform: string): string;
export function locateElectronBinary(options: { electronDir: string; env?: NodeJS.ProcessEnv; platform?: string }): Located;
export function downloadTimeoutMs(env?: NodeJS.ProcessEnv): number;
export function downloadElectron(options: {
  electronDir: string;
  env?: NodeJS.ProcessEnv;
  timeoutMs?: number;
  run?: (command: string, args: string[], options: RunOptions) => Promise<ChildResult>;
  probe?: (url: string) => Promise<string | null>;
}): Promise<Downloaded>;
export function describeInstallFailure(stderr: string, code: number): string;
export function probeHost(url: string, timeoutMs?: number): Promise<string | null>;
export function missingBinaryMessage(reason: string): string;
