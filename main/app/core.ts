import { applySettingsPatch, type EventName, type EventPayload } from '../../shared/contract';
import { listAccounts } from '../db/accounts-repository';
import { createAccountsModule, type AccountsModule } from './accounts-handlers';
import { createDispatcher, type Dispatch, type Handlers } from './dispatcher';
import { createEventBus } from './event-bus';
import { createMappingDataHandlers } from './mapping-data-handlers';
import { listLibrary } from '../library/library-list';
import { createWatchlistHandlers } from './watchlist-handlers';
import { createMatchingModule, type MatchingModule } from './matching-handlers';
import type { CorePorts, EventBus, EventListener } from './ports';
import { checkCron, createSyncModule, type SyncModule } from './sync-handlers';

export interface Core {
  dispatch: Dispatch;
  subscribe(listener: EventListener): () => void;
  emit<E extends EventName>(event: E, payload: EventPayload<E>): void;
  readonly ports: CorePorts;
  /** Sign-ins and per-account request pipelines, for the CLI and the sync engine. */
  readonly accounts: AccountsModule;
  /** The review queue and overrides, for the sync engine. */
  readonly matching: MatchingModule;
  /** The sync engine and its schedule (hosts that stay up start the schedule). */
  readonly sync: SyncModule;
  close(): void;
}

/** The composition root: every host builds its ports and gets the same engine back. */
export function createCore(ports: CorePorts): Core {
  const events: EventBus = ports.events ?? createEventBus(ports.logger);
  const accounts = createAccountsModule(ports, events);
  const matching = createMatchingModule(ports, events, accounts.pipelines);
  const sync = createSyncModule(ports, events, accounts, matching);

  const handlers: Handlers = {
    'app.info': () => ({
      name: 'Kizuna',
      version: ports.version,
      host: ports.host,
      platform: process.platform,
      dataDir: ports.dataDir,
      services: { source: ports.services.file ? 'file' : 'real', file: ports.services.file },
      secretStore: { kind: ports.secrets.kind, detail: ports.secrets.detail },
    }),
    'settings.get': () => ports.settings.read(),
    'settings.update': (patch) => {
      if (patch.schedule?.cron !== undefined) checkCron(patch.schedule.cron);
      const next = applySettingsPatch(ports.settings.read(), patch);
      ports.settings.write(next);
      events.emit('settings.changed', next);
      return next;
    },
    'accounts.list': () => listAccounts(ports.db),
    ...accounts.handlers,
    ...matching.handlers,
    ...sync.handlers,
    ...createMappingDataHandlers(ports),
    'library.list': () => listLibrary(ports.db),
    ...createWatchlistHandlers(ports, accounts),
  };

  return {
    dispatch: createDispatcher(handlers, ports.logger),
    subscribe: (listener) => events.subscribe(listener),
    emit: (event, payload) => events.emit(event, payload),
    ports,
    accounts,
    matching,
    sync,
    close() {
      sync.scheduler.stop();
      accounts.service.close();
      if (ports.db.open) ports.db.close();
    },
  };
}
