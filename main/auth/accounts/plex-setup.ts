import type { PlexServerView } from '../../../shared/contract';
import type { Logger, SecretStore } from '../../app/ports';
import type { ServicesConfig } from '../../app/services-config';
import type { StoredAccount } from '../../db/accounts-repository';
import type Database from 'better-sqlite3';
import { listPlexServerViews, plexServerConnections, recordPlexServerCheck, savePlexLibraries, savePlexServers } from '../../db/plex-repository';
import { createPlexServerClient } from '../../providers/plex/client';
import { listPlexServers, type PlexServer } from '../flows/plex-servers';
import { resolveDeps } from '../flows/types';
import type { AccountPipelines } from './account-pipelines';
import { readTokens, writeTokens } from './stored-tokens';

/** An account connected with a server URL and token typed in has no plex.tv user to ask for servers. */
export const MANUAL_PLEX_PREFIX = 'server:';

export interface PlexSetupDeps {
  db: Database.Database;
  secrets: SecretStore;
  services: ServicesConfig;
  pipelines: AccountPipelines;
  plexClientIdentifier: () => string;
  logger: Logger;
  fetchImpl?: typeof fetch;
}

/** Stores the servers (tokens with the account's secret, the rest in SQLite). */
export async function rememberPlexServers(deps: PlexSetupDeps, account: StoredAccount, servers: readonly PlexServer[]): Promise<void> {
  const tokens = await readTokens(deps.secrets, account.secretKey);
  if (tokens) {
    const serverTokens = { ...tokens.serverTokens };
    for (const server of servers) if (server.accessToken) serverTokens[server.machineIdentifier] = server.accessToken;
    await writeTokens(deps.secrets, account.secretKey, { ...tokens, serverTokens });
  }
  savePlexServers(deps.db, account.id, servers);
  deps.pipelines.forget(account.id);
}

/**
 * Asks plex.tv for the servers again (not for hand-entered servers), then every selected server for its
 * libraries, trying its addresses best first. A server that does not answer keeps its old libraries and
 * says why, so one offline server does not hide the others.
 */
export async function refreshPlexServers(deps: PlexSetupDeps, account: StoredAccount, signal?: AbortSignal): Promise<PlexServerView[]> {
  if (!account.externalUserId.startsWith(MANUAL_PLEX_PREFIX)) {
    const tokens = await readTokens(deps.secrets, account.secretKey);
    if (tokens) {
      const flowDeps = resolveDeps({ browser: { open: () => Promise.resolve(false) }, fetch: deps.fetchImpl, signal, logger: deps.logger });
      await rememberPlexServers(deps, account, await listPlexServers(flowDeps, deps.services.plextv.api, deps.plexClientIdentifier(), tokens.accessToken));
    }
  }
  return readSelectedLibraries(deps, account);
}

export async function readSelectedLibraries(deps: PlexSetupDeps, account: StoredAccount): Promise<PlexServerView[]> {
  for (const server of listPlexServerViews(deps.db, account.id)) {
    if (server.selected) await readLibraries(deps, account, server.machineIdentifier);
  }
  return listPlexServerViews(deps.db, account.id);
}

async function readLibraries(deps: PlexSetupDeps, account: StoredAccount, machineIdentifier: string): Promise<void> {
  const fetch = deps.pipelines.plexServerFetch(account.id, machineIdentifier);
  let lastProblem = 'The server lists no address.';
  for (const connection of plexServerConnections(deps.db, account.id, machineIdentifier)) {
    try {
      const client = createPlexServerClient({ baseUrl: connection.uri, fetch, clientIdentifier: deps.plexClientIdentifier() });
      const sections = await client.sections();
      savePlexLibraries(deps.db, account.id, machineIdentifier, sections.map(({ key, title, type }) => ({ key, title, type })));
      recordPlexServerCheck(deps.db, account.id, machineIdentifier, { address: connection.uri, problem: null });
      return;
    } catch (error) {
      lastProblem = (error as Error).message;
      deps.logger.info('plex server address did not answer', { account: account.id, server: machineIdentifier, address: connection.uri });
    }
  }
  recordPlexServerCheck(deps.db, account.id, machineIdentifier, { address: null, problem: lastProblem });
}
