import type { Downloaded, Located } from './electron-binary.mjs';
import type { NativeBuild } from './native-electron.mjs';

export interface StartSteps {
  locate(): Located;
  download(): Promise<Downloaded>;
  buildNative(): Promise<Pick<NativeBuild, 'binaries'>>;
  bundle(): Promise<number>;
  launch(binary: string, native: Record<string, string>, args: string[]): Promise<number>;
  say(line: string): void;
}

export const NATIVE_SQLITE_ENV: string;
export const NATIVE_KEYTAR_ENV: string;
export function defaultSteps(projectDir: string, env: NodeJS.ProcessEnv): StartSteps;
export function start(steps: StartSteps, args?: string[]): Promise<number>;
export function electronEnvironment(env: NodeJS.ProcessEnv, binaries: Record<string, string>): NodeJS.ProcessEnv;
