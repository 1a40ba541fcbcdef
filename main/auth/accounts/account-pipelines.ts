import type Database from 'better-sqlite3';
import { AppError } from '../../../shared/contract';
import type { Logger, SecretStore } from '../../app/ports';
import type { ServicesConfig } from '../../app/services-config';
import { findAccount, updateTokenExpiry, type StoredAccount } from '../../db/accounts-repository';
import { createServiceFetch, type AccountFetch } from '../../providers/http/create-service-fetch';
import type { ServiceClients } from '../clients/service-clients';
import { refreshMalToken } from '../flows/mal-flow';
import { plexHeaders } from '../flows/plex-servers';
import { refreshTraktToken } from '../flows/trakt-flow';
import { createAccountCredentials, type AccountCredentialsOptions } from './account-credentials';
import { writeTokens, type StoredTokens } from './stored-tokens';

/**
 * One request pipeline per account (issue 4 item 4), made on first use and kept, so the account's rate
 * limiter and refresh lock are shared by everything that talks to the service for it. Plex has one per
 * server, each with that server's token. A reconnect or disconnect forgets them.
 */
export interface AccountPipelines {
  fetchFor(accountId: string): AccountFetch;
  plexServerFetch(accountId: string, machineIdentifier: string): AccountFetch;
  forget(accountId: string): void;
}

export interface AccountPipelinesOptions {
  db: Database.Database;
  secrets: SecretStore;
  services: ServicesConfig;
  clients: ServiceClients;
  logger: Logger;
  plexClientIdentifier: () => string;
  /** The service refused the account's token. */
  onRejected(account: StoredAccount): void;
  fetchImpl?: typeof fetch;
  now?: () => number;
}

export function createAccountPipelines(options: AccountPipelinesOptions): AccountPipelines {
  const pipelines = new Map<string, AccountFetch>();

  function account(accountId: string): StoredAccount {
    const found = findAccount(options.db, accountId);
    if (!found) throw new AppError('not_found', `No connected account ${accountId}. It may have been disconnected; reload the accounts list.`);
    return found;
  }

  function refresherFor(stored: StoredAccount): AccountCredentialsOptions['refreshTokens'] {
    if (stored.service !== 'mal' && stored.service !== 'trakt') return undefined;
    const service = stored.service;
    return async (refreshToken, signal) => {
      const client = await options.clients.resolve(service);
      const common = { services: options.services, clientId: client.clientId, clientSecret: client.clientSecret, refreshToken, signal, logger: options.logger, fetch: options.fetchImpl, now: options.now };
      return service === 'mal' ? refreshMalToken(common) : refreshTraktToken(common);
    };
  }

  function build(key: string, stored: StoredAccount, service: 'anilist' | 'mal' | 'trakt' | 'plextv' | 'plex', headerFor?: (tokens: StoredTokens) => Record<string, string>): AccountFetch {
    const credentials = createAccountCredentials({
      accountId: stored.id,
      service: stored.service,
      secretKey: stored.secretKey,
      secrets: options.secrets,
      saveTokens: async (tokens) => {
        await writeTokens(options.secrets, stored.secretKey, tokens);
        updateTokenExpiry(options.db, stored.id, tokens.expiresAt);
      },
      refreshTokens: refresherFor(stored),
      onRejected: () => options.onRejected(stored),
      headerFor,
      now: options.now,
      logger: options.logger,
    });
    const pipeline = createServiceFetch({ service, credentials, logger: options.logger, account: stored.id, fetchImpl: options.fetchImpl });
    pipelines.set(key, pipeline);
    return pipeline;
  }

  return {
    fetchFor(accountId) {
      const existing = pipelines.get(accountId);
      if (existing) return existing;
      const stored = account(accountId);
      if (stored.service === 'plex') {
        return build(accountId, stored, 'plextv', (tokens) => plexHeaders(options.plexClientIdentifier(), tokens.accessToken));
      }
      return build(accountId, stored, stored.service);
    },
    plexServerFetch(accountId, machineIdentifier) {
      const key = `${accountId}#${machineIdentifier}`;
      const existing = pipelines.get(key);
      if (existing) return existing;
      const stored = account(accountId);
      return build(key, stored, 'plex', (tokens) => {
        const token = tokens.serverTokens?.[machineIdentifier];
        if (!token) throw new AppError('unauthenticated', 'Kizuna has no token for this Plex server. Refresh the server list under Plex, or connect Plex again.');
        return { 'X-Plex-Token': token };
      });
    },
    forget(accountId) {
      for (const key of [...pipelines.keys()]) if (key === accountId || key.startsWith(`${accountId}#`)) pipelines.delete(key);
    },
  };
}
