import type { MenuItemConstructorOptions } from 'electron';

export type TrayItemId = 'status' | 'open' | 'sync-now' | 'toggle-schedule' | 'quit';

export type TrayMenuItem =
  | { type: 'normal'; id: TrayItemId; label: string; enabled: boolean; toolTip?: string }
  | { type: 'separator' };

export interface TrayState {
  /** What the tray says first: progress, paused, or last and next sync (tray-status.ts). */
  statusLine?: string;
  /** False until the contract has a sync method; the item stays visible so users know it is coming. */
  syncAvailable: boolean;
  syncRunning: boolean;
  schedulePaused: boolean;
}

export const SYNC_UNAVAILABLE_HINT = 'Syncing is not available in this version yet';

/** The tray menu as plain data, a pure function of app state, so every state can be tested without Electron. */
export function buildTrayMenu(state: TrayState): TrayMenuItem[] {
  const sync: TrayMenuItem = state.syncAvailable
    ? { type: 'normal', id: 'sync-now', label: state.syncRunning ? 'Syncing…' : 'Sync now', enabled: !state.syncRunning }
    : // Linux trays show neither tooltips nor sublabels, so the hint is in the label itself.
      { type: 'normal', id: 'sync-now', label: 'Sync now (not available yet)', enabled: false, toolTip: SYNC_UNAVAILABLE_HINT };
  const status: TrayMenuItem[] = state.statusLine ? [{ type: 'normal', id: 'status', label: state.statusLine, enabled: false }, { type: 'separator' }] : [];
  return [
    ...status,
    { type: 'normal', id: 'open', label: 'Open Kizuna', enabled: true },
    { type: 'separator' },
    sync,
    { type: 'normal', id: 'toggle-schedule', label: state.schedulePaused ? 'Resume schedule' : 'Pause schedule', enabled: true },
    { type: 'separator' },
    { type: 'normal', id: 'quit', label: 'Quit Kizuna', enabled: true },
  ];
}

/** Turns the plain menu into Menu.buildFromTemplate input, routing every click by item id. */
export function toMenuTemplate(items: readonly TrayMenuItem[], onClick: (id: TrayItemId) => void): MenuItemConstructorOptions[] {
  return items.map((item): MenuItemConstructorOptions => {
    if (item.type === 'separator') return { type: 'separator' };
    const template: MenuItemConstructorOptions = { id: item.id, label: item.label, enabled: item.enabled, click: () => onClick(item.id) };
    if (item.toolTip) template.toolTip = item.toolTip;
    return template;
  });
}
