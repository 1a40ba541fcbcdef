import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bootstrap } from '../../../main/app/bootstrap';
import type { Core } from '../../../main/app/core';
import { startServer, type RunningServer, type StartServerOptions } from '../../../main/hosts/server';
import { rawRequest } from './http-client';

export const INDEX_HTML = '<!doctype html><html><head><title>Kizuna test UI</title><script type="module" src="/assets/app-abc123.js"></script></head><body><div id="root"></div></body></html>';
export const SECRET_OUTSIDE = 'secret outside the renderer folder';

export interface Fixture {
  core: Core;
  dir: string;
  /** Every log line written so far (already redacted, as it would reach the file). */
  logged: string[];
  /** A renderer folder with index.html, a script, a stylesheet and a symlink leading out of it. */
  rendererDir: string;
  start(overrides?: Partial<StartServerOptions>): Promise<RunningServer>;
  /** Opens the login link and returns the `name=value` cookie to send back. */
  signIn(server: RunningServer): Promise<string>;
  close(): Promise<void>;
}

/** A real core on a real SQLite file in a temp folder, and real servers on 127.0.0.1 port 0. */
export async function createFixture(): Promise<Fixture> {
  const dir = mkdtempSync(join(tmpdir(), 'kizuna-server-'));
  const dataDir = join(dir, 'data');
  const rendererDir = join(dir, 'renderer');
  mkdirSync(join(rendererDir, 'assets'), { recursive: true });
  writeFileSync(join(rendererDir, 'index.html'), INDEX_HTML);
  writeFileSync(join(rendererDir, 'assets', 'app-abc123.js'), 'console.log("kizuna");\n');
  writeFileSync(join(rendererDir, 'assets', 'app-abc123.css'), 'body { margin: 0; }\n');
  writeFileSync(join(rendererDir, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  writeFileSync(join(rendererDir, '.env'), 'HIDDEN=1\n');
  writeFileSync(join(dir, 'secret.txt'), SECRET_OUTSIDE);
  symlinkSync(join(dir, 'secret.txt'), join(rendererDir, 'assets', 'leak.txt'));

  const logged: string[] = [];
  const core = await bootstrap({
    host: 'server',
    dataDir,
    env: { KIZUNA_SECRET_STORE: 'encrypted-file', KIZUNA_SECRET_KEY: 'test-key-0123456789abcdef' },
    logLevel: 'debug',
    logSink: (line) => logged.push(line),
  });
  const servers: RunningServer[] = [];

  return {
    core,
    dir,
    logged,
    rendererDir,
    async start(overrides = {}) {
      const server = await startServer({ core, rendererDir, logger: core.ports.logger, ...overrides });
      servers.push(server);
      return server;
    },
    async signIn(server) {
      const login = new URL(server.loginUrl);
      const response = await rawRequest({ port: server.port, path: `${login.pathname}${login.search}` });
      const cookie = String(response.headers['set-cookie']?.[0] ?? '').split(';')[0];
      if (response.status !== 303 || !cookie) throw new Error(`sign-in failed: ${response.status} ${response.body}`);
      return cookie;
    },
    async close() {
      await Promise.all(servers.map((server) => server.close()));
      core.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
