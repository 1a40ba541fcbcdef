export interface ChildResult {
  code: number;
  timedOut: boolean;
  stdout: string;
  stderr: string;
}
export interface RunOptions {
  cwd: string;
  env: NodeJS.ProcessEnv;
  timeoutMs: number;
}
export function runLogged(command: string, args: string[], options: RunOptions & { logFile: string }): Promise<ChildResult>;
export function runCaptured(command: string, args: string[], options: RunOptions): Promise<ChildResult>;
export function tailOf(file: string, lines: number): string;
