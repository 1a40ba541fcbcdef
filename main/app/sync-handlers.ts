import { AppError, type SyncStatus } from '../../shared/contract';
import { syncStatusSchema } from '../../shared/contract/sync';
import { readAppState, writeAppState } from '../db/app-state-repository';
import { createReadCache } from '../providers/cache/read-cache';
import { createSyncEngine, type SyncEngine } from '../sync/engine';
import { createSyncScheduler, validateCron, type SyncScheduler } from '../sync/schedule/index';
import {
  countOutbox,
  storedListCounts,
  journalRowView,
  listJournal,
  listListBackups,
  listOutbox,
  listRuns,
  outboxItemView,
  saveConflictAnswer,
} from '../sync/store/index';
import type { AccountsModule } from './accounts-handlers';
import type { Handlers } from './dispatcher';
import type { MatchingModule } from './matching-handlers';
import type { CorePorts, EventBus } from './ports';
import { createSyncSides } from './sync-sides';

type SyncMethods =
  | 'sync.status'
  | 'sync.plan'
  | 'sync.run'
  | 'sync.runs'
  | 'sync.journal'
  | 'sync.undo'
  | 'sync.backups'
  | 'sync.restore'
  | 'sync.resolveConflict'
  | 'sync.outbox'
  | 'sync.edit'
  | 'sync.pause'
  | 'sync.resume';

export interface SyncModule {
  handlers: Pick<Handlers, SyncMethods>;
  engine: SyncEngine;
  /** Started by the long-running hosts (desktop, server); the CLI runs syncs only when asked. */
  scheduler: SyncScheduler;
}

const LAST_RUN_KEY = 'sync.lastRunAt';

/** The sync engine and its schedule behind the contract (issue 6). */
export function createSyncModule(ports: CorePorts, events: EventBus, accounts: AccountsModule, matching: MatchingModule): SyncModule {
  const { db } = ports;
  const cache = createReadCache({ db, logger: ports.logger });
  const engine = createSyncEngine({
    db,
    logger: ports.logger,
    settings: () => ports.settings.read().sync,
    sides: createSyncSides({
      ports,
      pipelines: accounts.pipelines,
      cache,
      lookup: () => matching.lookup(),
      resolve: (query) => matching.resolve(query),
      recordUnmatched: (query, result, accountId) => matching.review.record({ origin: 'plex', accountId, query, result }),
      traktClientId: async () => (await accounts.clients.resolve('trakt')).clientId,
    }),
    progress: (event) => events.emit('sync.progress', event),
  });

  const schedule = createSyncScheduler<ReturnType<typeof setTimeout>>({
    now: Date.now,
    setTimer: (fn, ms) => setTimeout(fn, ms),
    clearTimer: (handle) => clearTimeout(handle),
    settings: () => ports.settings.read().schedule,
    lastRun: { get: () => readAppState(db, LAST_RUN_KEY) ?? null, set: (iso) => writeAppState(db, LAST_RUN_KEY, iso) },
    run: async () => {
      await engine.flushOutbox().catch((error: unknown) => ports.logger.warn('the outbox could not be sent on schedule', { message: (error as Error).message }));
      const result = await engine.run({});
      events.emit('sync.finished', result);
      return result;
    },
    logger: ports.logger,
    onChange: () => events.emit('sync.status', status()),
  });
  // Only hosts that stay up start the schedule; until then settings changes have nothing to reschedule
  // (the CLI and tests would otherwise see schedule events from a schedule nobody runs).
  let started = false;
  const scheduler: SyncScheduler = {
    ...schedule,
    start() {
      started = true;
      schedule.start();
    },
    stop() {
      started = false;
      schedule.stop();
    },
    settingsChanged() {
      if (started) schedule.settingsChanged();
    },
    pause() {
      if (started) schedule.pause();
    },
    resume() {
      if (started) schedule.resume();
    },
    wake() {
      if (started) schedule.wake();
    },
  };

  function status(): SyncStatus {
    const timing = schedule.status();
    return {
      running: engine.running,
      paused: ports.settings.read().schedule.paused,
      lastRunAt: readAppState(db, LAST_RUN_KEY) ?? null,
      nextRunAt: started ? timing.nextRunAt : null,
      waitingForNetwork: timing.waitingForNetwork,
      outbox: countOutbox(db),
      lists: storedListCounts(db).flatMap((list) => {
        const parsed = syncStatusSchema.shape.lists.element.safeParse(list);
        return parsed.success ? [parsed.data] : [];
      }),
    };
  }

  function setPaused(paused: boolean): SyncStatus {
    const settings = ports.settings.read();
    ports.settings.write({ ...settings, schedule: { ...settings.schedule, paused } });
    events.emit('settings.changed', ports.settings.read());
    if (paused) scheduler.pause();
    else scheduler.resume();
    return status();
  }

  events.subscribe((event) => {
    if (event === 'settings.changed') scheduler.settingsChanged();
  });

  return {
    engine,
    scheduler,
    handlers: {
      'sync.status': () => status(),
      'sync.plan': (input) => engine.plan(input ?? {}),
      'sync.run': async (input) => {
        const result = await engine.run(input ?? {});
        if (result.runId) {
          writeAppState(db, LAST_RUN_KEY, new Date().toISOString());
          scheduler.settingsChanged();
        }
        events.emit('sync.finished', result);
        return result;
      },
      'sync.runs': (input) => listRuns(db, { limit: input?.limit ?? 50, offset: input?.offset ?? 0 }),
      'sync.journal': ({ runId, titleKey }) => listJournal(db, runId, titleKey ? { titleKey } : {}).map(journalRowView),
      'sync.undo': async ({ runId, titleKey, confirm }) => {
        const result = await engine.undo(runId, { ...(titleKey ? { titleKey } : {}), confirm: confirm ?? false });
        events.emit('sync.finished', result);
        return result;
      },
      'sync.backups': (input) => listListBackups(db, input?.accountId ? { accountId: input.accountId } : {}),
      'sync.restore': async ({ backupId, confirm }) => {
        const result = await engine.restore(backupId, { confirm: confirm ?? false });
        events.emit('sync.finished', result);
        return result;
      },
      'sync.resolveConflict': ({ conflictId, accountId }) => {
        saveConflictAnswer(db, conflictId, accountId);
        return { saved: true };
      },
      'sync.outbox': () => listOutbox(db).map(outboxItemView),
      'sync.edit': ({ titleKey, changes }) => engine.edit(titleKey, changes),
      'sync.pause': () => setPaused(true),
      'sync.resume': () => setPaused(false),
    },
  };
}

/** Settings' cron is free text: checked here, where croner runs, before it is stored. */
export function checkCron(cron: string): void {
  const problem = cron === '' ? null : validateCron(cron);
  if (problem) throw new AppError('validation', problem, { issues: [{ path: 'schedule.cron', message: problem }] });
}
