import { z } from 'zod';
import { AppError } from '../../../shared/contract';
import { call, parseAnswer } from './http';
import type { FlowDeps, ResolvedDeps } from './types';
import { resolveDeps } from './types';

/**
 * Plex servers the person can reach: from plex.tv's resources after a PIN sign-in, or typed in by hand
 * (server URL + token) where plex.tv cannot be used. Each server has its own access token (API-NOTES §2
 * "Reaching a server").
 */

export interface PlexConnection {
  uri: string;
  local: boolean;
  relay: boolean;
}

export interface PlexServer {
  name: string;
  machineIdentifier: string;
  /** The server's own token; null when plex.tv gave none (a share without access). */
  accessToken: string | null;
  owned: boolean;
  /** Best first: local, then remote, relay last ("use relay only as a last resort"). */
  connections: PlexConnection[];
}

const resourcesAnswer = z.array(
  z
    .object({
      name: z.string(),
      clientIdentifier: z.string(),
      provides: z.string(),
      accessToken: z.string().nullable().optional(),
      owned: z.boolean().optional(),
      connections: z.array(z.object({ uri: z.string(), local: z.boolean(), relay: z.boolean().optional() }).passthrough()).default([]),
    })
    .passthrough(),
);

export function plexHeaders(clientIdentifier: string, token?: string): Record<string, string> {
  return { 'X-Plex-Product': 'Kizuna', 'X-Plex-Client-Identifier': clientIdentifier, ...(token ? { 'X-Plex-Token': token } : {}) };
}

function rank(connection: PlexConnection): number {
  return connection.relay ? 2 : connection.local ? 0 : 1;
}

/** GET {plextv.api}/resources with the user token: the servers (not players) with their connections. */
export async function listPlexServers(deps: ResolvedDeps, api: string, clientIdentifier: string, userToken: string): Promise<PlexServer[]> {
  const result = await call(deps, { service: 'plex', step: 'the server list', url: `${api}/resources?includeHttps=1&includeRelay=1&includeIPv6=1`, headers: plexHeaders(clientIdentifier, userToken) });
  if (result.status === 401) throw new AppError('unauthenticated', 'plex.tv did not accept the new sign-in when listing servers. Sign in to Plex again.');
  if (result.status !== 200) throw new AppError('unavailable', `plex.tv failed to list your servers: HTTP ${result.status}. Try again later.`);
  return parseAnswer(resourcesAnswer, result.json, 'plex', 'the server list')
    .filter((resource) => resource.provides.split(',').includes('server'))
    .map((resource) => ({
      name: resource.name,
      machineIdentifier: resource.clientIdentifier,
      accessToken: resource.accessToken ?? null,
      owned: resource.owned ?? false,
      connections: resource.connections.map((connection) => ({ uri: connection.uri, local: connection.local, relay: connection.relay ?? false })).sort((a, b) => rank(a) - rank(b)),
    }));
}

const identityAnswer = z.object({ MediaContainer: z.object({ machineIdentifier: z.string().min(1) }).passthrough() });

export interface ManualPlexOptions extends Omit<FlowDeps, 'browser' | 'onPrompt'> {
  serverUrl: string;
  token: string;
  clientIdentifier: string;
}

/**
 * The fallback: a server URL and a token typed in. /identity names the server (it needs no token), then
 * /library/sections proves the token, since only a call that needs one can.
 */
export async function connectPlexManually(options: ManualPlexOptions): Promise<PlexServer> {
  const deps = resolveDeps({ ...options, browser: { open: () => Promise.resolve(false) } });
  let base: URL;
  try {
    base = new URL(options.serverUrl.trim());
  } catch {
    throw new AppError('validation', `"${options.serverUrl}" is not a server address. Enter it like http://192.168.1.10:32400.`);
  }
  if (base.protocol !== 'http:' && base.protocol !== 'https:') throw new AppError('validation', 'A Plex server address starts with http:// or https://.');
  const root = base.toString().replace(/\/+$/, '');
  const identity = await call(deps, { service: 'plex', step: 'the server check', url: `${root}/identity`, headers: plexHeaders(options.clientIdentifier) });
  if (identity.status !== 200) throw new AppError('unavailable', `${root} did not answer like a Plex server (HTTP ${identity.status} from /identity). Check the address and port.`);
  const { MediaContainer } = parseAnswer(identityAnswer, identity.json, 'plex', 'the server check');
  const sections = await call(deps, { service: 'plex', step: 'the token check', url: `${root}/library/sections`, headers: plexHeaders(options.clientIdentifier, options.token) });
  if (sections.status === 401) throw new AppError('unauthenticated', `The Plex server at ${root} refused this token. Copy the token again (Plex's "View XML" link shows it) and retry.`);
  if (sections.status !== 200) throw new AppError('unavailable', `The Plex server at ${root} failed to list its libraries: HTTP ${sections.status}.`);
  deps.logger?.info('plex server connected by hand', { service: 'plex', server: root });
  const local = ['127.0.0.1', 'localhost', '[::1]'].includes(base.hostname) || /^(10\.|192\.168\.|172\.(1[6-9]|2\d|3[01])\.)/.test(base.hostname);
  return { name: base.host, machineIdentifier: MediaContainer.machineIdentifier, accessToken: options.token, owned: true, connections: [{ uri: root, local, relay: false }] };
}
