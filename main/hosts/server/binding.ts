import type { Server } from 'node:http';
import { isIP } from 'node:net';
import { networkInterfaces, type NetworkInterfaceInfo } from 'node:os';
import { AppError } from '../../../shared/contract';

export const MIN_PASSWORD_LENGTH = 12;
const LOOPBACK = new Set(['127.0.0.1', '::1']);
const WILDCARD = new Set(['0.0.0.0', '::']);

export interface BindRequest {
  host?: string;
  allowRemote?: boolean;
  password?: string;
  /** Extra names a remote browser may use in Host (e.g. `nas.local`, or a reverse proxy's name). */
  allowedHosts?: readonly string[];
}

export interface Binding {
  /** Passed to listen(). */
  listenHost: string;
  /** How the host appears in a URL or a Host header: IPv6 in brackets. */
  urlHost: string;
  loopback: boolean;
  /** Listening on every interface: Host may then name any of this machine's IP addresses. */
  wildcard: boolean;
  allowedHosts: readonly string[];
  /** Password sign-in is offered only when a password was given. */
  password: string | undefined;
  /** Things the user must be told at start-up. */
  warnings: string[];
}

export function formatUrlHost(host: string): string {
  return isIP(host) === 6 ? `[${host}]` : host;
}

/**
 * Decides where to listen and refuses anything that would expose the server without a password.
 * `localhost` becomes 127.0.0.1 so there is exactly one origin: the session cookie, the Host check and
 * the Origin check all agree on it, and it does not depend on whether localhost resolves to IPv4 or IPv6.
 */
export function resolveBinding(request: BindRequest): Binding {
  const requested = (request.host ?? '127.0.0.1').trim().toLowerCase().replace(/^\[(.*)\]$/, '$1');
  const listenHost = requested === 'localhost' ? '127.0.0.1' : requested;
  if (!listenHost) throw new AppError('validation', 'The address to listen on is empty. Leave it out to use 127.0.0.1.');
  const loopback = LOOPBACK.has(listenHost);
  const password = request.password === undefined || request.password === '' ? undefined : request.password;

  if (password !== undefined && password.length < MIN_PASSWORD_LENGTH) {
    throw new AppError('validation', `The password is too short: use at least ${MIN_PASSWORD_LENGTH} characters.`);
  }
  if (!loopback && !request.allowRemote) {
    throw new AppError(
      'validation',
      `Kizuna listens only on this computer (127.0.0.1) unless told otherwise. Listening on ${listenHost} would let other machines reach it: pass --allow-remote and set a password of at least ${MIN_PASSWORD_LENGTH} characters (KIZUNA_SERVE_PASSWORD).`,
    );
  }
  if (!loopback && password === undefined) {
    throw new AppError(
      'validation',
      `Listening on ${listenHost} needs a password of at least ${MIN_PASSWORD_LENGTH} characters (KIZUNA_SERVE_PASSWORD), so that only you can sign in from another machine.`,
    );
  }

  const warnings = loopback
    ? []
    : [
        `Kizuna is reachable from other machines on ${listenHost}. Traffic is plain HTTP, not encrypted: anyone on the network path can read your lists and your session. Put a reverse proxy with TLS (for example Caddy or nginx) in front of it.`,
      ];
  return {
    listenHost,
    urlHost: formatUrlHost(listenHost),
    loopback,
    wildcard: WILDCARD.has(listenHost),
    allowedHosts: (request.allowedHosts ?? []).map((name) => name.trim().toLowerCase()).filter(Boolean),
    password,
    warnings,
  };
}

/**
 * The host to put in the printed link. A wildcard address cannot be browsed to, so the link names this
 * machine's first external IPv4 address instead (the Host check accepts any of its IP addresses).
 */
export function linkHost(binding: Binding, interfaces: NodeJS.Dict<NetworkInterfaceInfo[]> = networkInterfaces()): string {
  if (!binding.wildcard) return binding.urlHost;
  for (const list of Object.values(interfaces)) {
    const external = list?.find((info) => info.family === 'IPv4' && !info.internal);
    if (external) return external.address;
  }
  return '127.0.0.1';
}

/** Listens, turning the usual socket errors into messages that say what to do. Resolves with the bound port. */
export function listen(server: Server, host: string, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException): void => {
      server.off('listening', onListening);
      reject(explainListenError(error, host, port));
    };
    const onListening = (): void => {
      server.off('error', onError);
      const address = server.address();
      resolve(typeof address === 'object' && address !== null ? address.port : port);
    };
    server.once('error', onError);
    server.once('listening', onListening);
    server.listen({ host, port, exclusive: true });
  });
}

function explainListenError(error: NodeJS.ErrnoException, host: string, port: number): AppError {
  switch (error.code) {
    case 'EADDRINUSE':
      return new AppError('unavailable', `Port ${port} on ${host} is already in use. Choose another with --port, or --port 0 for any free port.`, { cause: error });
    case 'EACCES':
      return new AppError('forbidden', `Not allowed to listen on port ${port}: ports below 1024 need administrator rights. Choose a port above 1024.`, { cause: error });
    case 'EADDRNOTAVAIL':
    case 'ENOTFOUND':
      return new AppError('validation', `${host} is not an address of this machine. Use 127.0.0.1, or one of this machine's own addresses.`, { cause: error });
    default:
      return new AppError('unavailable', `Could not listen on ${host}:${port}: ${error.message}`, { cause: error });
  }
}
