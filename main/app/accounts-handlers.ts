import type { Handlers } from './dispatcher';
import type { CorePorts, EventBus } from './ports';
import { createServiceClients, type ServiceClients } from '../auth/clients/service-clients';
import { createAccountPipelines, type AccountPipelines } from '../auth/accounts/account-pipelines';
import { createAccountService, type AccountService } from '../auth/accounts/account-service';
import { plexClientIdentifier } from '../db/app-state-repository';
import { listPlexServerViews, selectPlexServer, setPlexLibraryHolds } from '../db/plex-repository';

type AccountMethods =
  | 'accounts.connect'
  | 'accounts.cancel'
  | 'accounts.connectWithToken'
  | 'accounts.disconnect'
  | 'clients.list'
  | 'clients.set'
  | 'clients.reset'
  | 'plex.servers'
  | 'plex.selectServer'
  | 'plex.setLibrary';

export interface AccountsModule {
  handlers: Pick<Handlers, AccountMethods>;
  service: AccountService;
  pipelines: AccountPipelines;
  /** The API client (own or built in) each service is used with; the sync needs Trakt's client id. */
  clients: ServiceClients;
}

const noBrowser = { open: () => Promise.resolve(false) };

/** Wires the account service, the per-account pipelines and the API-client registry to the contract. */
export function createAccountsModule(ports: CorePorts, events: EventBus): AccountsModule {
  const { db, secrets, logger } = ports;
  const services = ports.services.config;
  const plexId = () => plexClientIdentifier(db);
  const loopbackPort = () => ports.settings.read().signIn.loopbackPort;
  const clients = createServiceClients({ db, secrets, builtIn: ports.builtInClients ?? services.clients ?? {}, plexClientIdentifier: plexId });
  const pipelines = createAccountPipelines({
    db,
    secrets,
    services,
    clients,
    logger,
    plexClientIdentifier: plexId,
    fetchImpl: ports.signIn?.fetchImpl,
    now: ports.signIn?.now,
    // Called only once requests flow, long after `accounts` below exists.
    onRejected: (account) => accounts.markNeedsSignIn(account),
  });
  const accounts: AccountService = createAccountService({
    db,
    secrets,
    services,
    clients,
    pipelines,
    logger,
    events,
    browser: ports.browser ?? noBrowser,
    loopbackPort,
    plexClientIdentifier: plexId,
    fetchImpl: ports.signIn?.fetchImpl,
    now: ports.signIn?.now,
    sleep: ports.signIn?.sleep,
    loopbackTimeoutMs: ports.signIn?.loopbackTimeoutMs,
  });

  return {
    service: accounts,
    pipelines,
    clients,
    handlers: {
      'accounts.connect': (input) => accounts.connect(input),
      'accounts.cancel': ({ attemptId }) => ({ cancelled: accounts.cancel(attemptId) }),
      'accounts.connectWithToken': (input) => accounts.connectWithToken(input),
      'accounts.disconnect': ({ accountId }) => accounts.disconnect(accountId),
      'clients.list': () => clients.list(loopbackPort()),
      'clients.set': async ({ service: name, clientId, clientSecret }) => {
        await clients.set(name, clientId, clientSecret);
        return clients.describe(name, loopbackPort());
      },
      'clients.reset': async ({ service: name }) => {
        await clients.reset(name);
        return clients.describe(name, loopbackPort());
      },
      'plex.servers': ({ accountId, refresh }) => accounts.plexServers(accountId, refresh ?? false),
      'plex.selectServer': ({ accountId, machineIdentifier, selected }) => {
        selectPlexServer(db, accountId, machineIdentifier, selected);
        return listPlexServerViews(db, accountId);
      },
      'plex.setLibrary': ({ accountId, machineIdentifier, key, holds }) => {
        setPlexLibraryHolds(db, accountId, machineIdentifier, key, holds);
        return listPlexServerViews(db, accountId);
      },
    },
  };
}
