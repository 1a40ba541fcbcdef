import { isMethodName, type Result, type Settings } from '../../../shared/contract';
import type { Dispatch } from '../../app/dispatcher';
import type { EventListener, Logger } from '../../app/ports';
import type { SyncProgressEvent, SyncStatus } from '../../../shared/contract';
import { buildTrayMenu, type TrayItemId, type TrayMenuItem, type TrayState } from './tray-menu';
import { trayStatusLine } from './tray-status';

/** The method the tray's "Sync now" calls once sync lands in the contract; until then the item is disabled. */
export const SYNC_NOW_METHOD = 'sync.run';

export interface TrayControllerOptions {
  dispatch: Dispatch;
  subscribe: (listener: EventListener) => () => void;
  /** Draws the menu; called on start and whenever the state changes. */
  render: (items: TrayMenuItem[]) => void;
  openWindow: () => void;
  quit: () => void;
  logger: Logger;
  isMethodAvailable?: (name: string) => boolean;
  /** An ISO time on the person's clock; the locale's short time by default. */
  formatTime?: (iso: string) => string;
}

export interface TrayController {
  click(id: TrayItemId): Promise<void>;
  state(): TrayState;
  dispose(): void;
}

/**
 * Keeps the tray menu in step with the core: it reads settings through the same dispatcher every window
 * uses, redraws on settings.changed, and turns clicks into contract calls.
 */
export async function createTrayController(options: TrayControllerOptions): Promise<TrayController> {
  const available = options.isMethodAvailable ?? isMethodName;
  const settings = await options.dispatch('settings.get', {});
  let state: TrayState = {
    syncAvailable: available(SYNC_NOW_METHOD),
    syncRunning: false,
    schedulePaused: settings.ok ? (settings.value as Settings).schedule.paused : false,
  };
  const update = (next: Partial<TrayState>): void => {
    state = { ...state, ...next };
    options.render(buildTrayMenu(state));
  };
  const report = (what: string, result: Result<unknown>): void => {
    if (!result.ok) options.logger.warn(`tray: ${what} failed`, { code: result.error.code, message: result.error.message });
  };

  const format = options.formatTime ?? ((iso: string) => new Date(iso).toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' }));
  let status: SyncStatus | null = null;
  let progress: SyncProgressEvent | null = null;
  const line = () => ({ statusLine: trayStatusLine(status, progress, format) });
  const initial = await options.dispatch('sync.status', {});
  if (initial.ok) status = initial.value as SyncStatus;
  state = { ...state, ...line() };

  const unsubscribe = options.subscribe((event, payload) => {
    if (event === 'settings.changed') update({ schedulePaused: (payload as Settings).schedule.paused });
    if (event === 'sync.status') {
      status = payload as SyncStatus;
      update({ ...line(), syncRunning: status.running, schedulePaused: status.paused });
    }
    if (event === 'sync.progress') {
      progress = payload as SyncProgressEvent;
      if (progress.phase === 'finished') progress = null;
      update(line());
    }
    if (event === 'sync.finished') {
      progress = null;
      update(line());
    }
  });
  options.render(buildTrayMenu(state));

  return {
    async click(id) {
      switch (id) {
        case 'open':
          options.openWindow();
          return;
        case 'status':
          return;
        case 'quit':
          options.quit();
          return;
        case 'toggle-schedule':
          report('pausing the schedule', await options.dispatch('settings.update', { schedule: { paused: !state.schedulePaused } }));
          return;
        case 'sync-now': {
          if (!state.syncAvailable || state.syncRunning) return;
          update({ syncRunning: true });
          const result = await options.dispatch(SYNC_NOW_METHOD, {});
          update({ syncRunning: false });
          report('sync', result);
          return;
        }
      }
    },
    state: () => state,
    dispose: unsubscribe,
  };
}
