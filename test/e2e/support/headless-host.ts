import { spawnSync, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { join } from 'node:path';
import { projectRoot, spawnKizuna, waitForLine } from '../../support/run-cli';

export interface RunningHost {
  baseUrl: string;
  loginUrl: string;
  stop(): Promise<void>;
}

/** Builds the UI if its sources changed since the last build (the same step `npm run serve` runs). */
export function ensureRendererBuilt(): void {
  const build = spawnSync(process.execPath, [join(projectRoot, 'scripts', 'build-renderer-if-stale.mjs')], { cwd: projectRoot, encoding: 'utf8' });
  if (build.status !== 0) throw new Error(`building the renderer failed:\n${build.stdout}\n${build.stderr}`);
}

/** Starts `kizuna serve --port 0` as a user would and reads the login link from its one line of output. */
export async function startHeadlessHost(dataDir: string, env: Record<string, string> = {}): Promise<RunningHost> {
  const child: ChildProcessWithoutNullStreams = spawnKizuna(['serve', '--port', '0', '--data-dir', dataDir], env);
  const match = await waitForLine(child, /(http:\/\/127\.0\.0\.1:\d+)\/\?token=[A-Za-z0-9_-]+/);
  const loginUrl = match[0];
  const baseUrl = match[1] ?? '';
  return {
    baseUrl,
    loginUrl,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
        setTimeout(() => child.kill('SIGKILL'), 5000).unref();
      }),
  };
}

export const screenshotDir = join(projectRoot, 'test-results', 'screenshots');
