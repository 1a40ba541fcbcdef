import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const projectRoot = fileURLToPath(new URL('../..', import.meta.url));
export const kizunaBin = fileURLToPath(new URL('../../bin/kizuna.mjs', import.meta.url));

/** Secrets in an encrypted file, so CLI tests do not depend on a keychain. */
export const fileSecretsEnv = { KIZUNA_SECRET_STORE: 'encrypted-file', KIZUNA_SECRET_KEY: 'cli-test-key-0123456789' };

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the real `kizuna` executable as a user would. */
export function runKizuna(args: string[], env: Record<string, string> = {}): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawnKizuna(args, env);
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

export function spawnKizuna(args: string[], env: Record<string, string> = {}): ChildProcessWithoutNullStreams {
  return spawn(process.execPath, [kizunaBin, ...args], { cwd: projectRoot, env: { ...process.env, ...fileSecretsEnv, ...env } });
}

/** Resolves with the first stdout line matching `pattern`, or rejects with what the process printed. */
export function waitForLine(child: ChildProcessWithoutNullStreams, pattern: RegExp, timeoutMs = 60_000): Promise<RegExpMatchArray> {
  return new Promise((resolve, reject) => {
    let seen = '';
    const timer = setTimeout(() => reject(new Error(`no line matching ${pattern} within ${timeoutMs} ms; output:\n${seen}`)), timeoutMs);
    const onData = (chunk: Buffer): void => {
      seen += chunk.toString();
      const match = seen.match(pattern);
      if (match) {
        clearTimeout(timer);
        child.stdout.off('data', onData);
        resolve(match);
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', (chunk: Buffer) => (seen += chunk.toString()));
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`kizuna exited with ${code} before printing ${pattern}; output:\n${seen}`));
    });
  });
}
