import { createServer } from 'node:http';
import { AppError } from '../../../shared/contract';
import type { Core } from '../../app/core';
import type { Logger } from '../../app/ports';
import { linkHost, listen, resolveBinding } from './binding';
import { createEventStreams } from './event-streams';
import { createLoginRateLimiter } from './login-rate-limiter';
import { createLoginToken } from './credentials';
import { createRequestHandler } from './request-handler';
import { createSessionStore } from './sessions';
import { createStaticFiles } from './static-files';

export const DEFAULT_MAX_BODY_BYTES = 1024 * 1024;
/** How long close() lets in-flight calls finish before cutting their connections. */
const CLOSE_GRACE_MS = 2000;

export interface StartServerOptions {
  core: Core;
  /** Default 127.0.0.1. Anything but loopback needs allowRemote and a password. */
  host?: string;
  /** Default 0: any free port. */
  port?: number;
  /** The built renderer (index.html and assets/). */
  rendererDir: string;
  allowRemote?: boolean;
  /** At least 12 characters; turns on password sign-in at /login. */
  password?: string;
  /** Extra host names accepted in the Host header when remote (e.g. `nas.local`, a reverse proxy's name). */
  allowedHosts?: readonly string[];
  logger: Logger;
  maxBodyBytes?: number;
  sessionIdleMs?: number;
  heartbeatMs?: number;
}

export interface RunningServer {
  /** The base URL, e.g. http://127.0.0.1:41234/ */
  url: string;
  /** The base URL with the one-time sign-in token. Print it; never log it. */
  loginUrl: string;
  port: number;
  /** What the user must be told (e.g. that remote traffic is not encrypted); print each on its own line. */
  warnings: string[];
  close(): Promise<void>;
}

function checkPort(port: number): number {
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new AppError('validation', `The port must be a whole number from 0 to 65535 (0 picks a free one), not ${port}.`);
  return port;
}

/** The headless host: wires sessions, routes and the core into one node:http server and starts it. */
export async function startServer(options: StartServerOptions): Promise<RunningServer> {
  const binding = resolveBinding(options);
  const requestedPort = checkPort(options.port ?? 0);
  const logger = options.logger;
  const sessions = createSessionStore({ idleMs: options.sessionIdleMs });
  const token = createLoginToken();
  const events = createEventStreams({ core: options.core, logger, heartbeatMs: options.heartbeatMs, sessionAlive: (id) => sessions.touch(id) });
  let port = requestedPort;

  const handler = createRequestHandler({
    binding,
    port: () => port,
    sessions,
    login: { token, sessions, password: binding.password, limiter: createLoginRateLimiter(), logger },
    rpc: { core: options.core, logger, maxBodyBytes: options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES },
    events,
    statics: createStaticFiles(options.rendererDir, logger),
    logger,
  });
  // requireHostHeader off: a request without Host gets our own 403 and explanation, not Node's bare 400.
  const server = createServer({ requireHostHeader: false }, handler);
  // Slow-drip clients must not hold sockets open for Node's default five minutes.
  server.headersTimeout = 20_000;
  server.requestTimeout = 30_000;

  port = await listen(server, binding.listenHost, requestedPort);
  const url = `http://${linkHost(binding)}:${port}/`;
  logger.info('server listening', { url, remote: !binding.loopback, passwordLogin: binding.password !== undefined });
  for (const warning of binding.warnings) logger.warn(warning);

  let closing: Promise<void> | undefined;
  return {
    url,
    loginUrl: `${url}?token=${token.value}`,
    port,
    warnings: [...binding.warnings],
    close() {
      closing ??= new Promise<void>((resolve) => {
        events.closeAll();
        sessions.clear();
        server.close(() => resolve());
        server.closeIdleConnections();
        setTimeout(() => server.closeAllConnections(), CLOSE_GRACE_MS).unref();
      });
      return closing;
    },
  };
}

/** The one line `kizuna serve` prints. */
export function formatLoginLine(loginUrl: string): string {
  return `Kizuna is running at ${loginUrl} (open this link in your browser; it works once)`;
}
