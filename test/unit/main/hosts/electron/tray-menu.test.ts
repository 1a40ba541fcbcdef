import { describe, expect, it, vi } from 'vitest';
import { buildTrayMenu, SYNC_UNAVAILABLE_HINT, toMenuTemplate, type TrayMenuItem, type TrayState } from '../../../../../main/hosts/electron/tray-menu';

const base: TrayState = { syncAvailable: false, syncRunning: false, schedulePaused: false };
const item = (items: TrayMenuItem[], id: string) => items.find((entry) => entry.type === 'normal' && entry.id === id);

describe('buildTrayMenu', () => {
  it('offers Open, Sync now, Pause schedule and Quit, in that order', () => {
    const ids = buildTrayMenu(base).map((entry) => (entry.type === 'normal' ? entry.id : '---'));
    expect(ids).toEqual(['open', '---', 'sync-now', 'toggle-schedule', '---', 'quit']);
  });

  it('keeps Sync now visible but disabled, with a hint, until sync exists', () => {
    expect(item(buildTrayMenu(base), 'sync-now')).toEqual({ type: 'normal', id: 'sync-now', label: 'Sync now (not available yet)', enabled: false, toolTip: SYNC_UNAVAILABLE_HINT });
  });

  it('enables Sync now once sync exists, and disables it while a sync runs', () => {
    expect(item(buildTrayMenu({ ...base, syncAvailable: true }), 'sync-now')).toMatchObject({ label: 'Sync now', enabled: true });
    expect(item(buildTrayMenu({ ...base, syncAvailable: true, syncRunning: true }), 'sync-now')).toMatchObject({ label: 'Syncing…', enabled: false });
  });

  it('offers to pause a running schedule and to resume a paused one', () => {
    expect(item(buildTrayMenu({ ...base, schedulePaused: false }), 'toggle-schedule')).toMatchObject({ label: 'Pause schedule', enabled: true });
    expect(item(buildTrayMenu({ ...base, schedulePaused: true }), 'toggle-schedule')).toMatchObject({ label: 'Resume schedule', enabled: true });
  });

  it('is pure: the same state gives an equal menu, and the state is not touched', () => {
    const state = Object.freeze({ ...base });
    expect(buildTrayMenu(state)).toEqual(buildTrayMenu({ ...base }));
  });
});

describe('toMenuTemplate', () => {
  it('keeps ids, labels and enabled flags and routes each click by id', () => {
    const onClick = vi.fn();
    const template = toMenuTemplate(buildTrayMenu(base), onClick);
    expect(template.map(({ id, label, enabled, type }) => ({ id, label, enabled, type }))).toEqual([
      { id: 'open', label: 'Open Kizuna', enabled: true, type: undefined },
      { id: undefined, label: undefined, enabled: undefined, type: 'separator' },
      { id: 'sync-now', label: 'Sync now (not available yet)', enabled: false, type: undefined },
      { id: 'toggle-schedule', label: 'Pause schedule', enabled: true, type: undefined },
      { id: undefined, label: undefined, enabled: undefined, type: 'separator' },
      { id: 'quit', label: 'Quit Kizuna', enabled: true, type: undefined },
    ]);
    for (const entry of template) (entry.click as (() => void) | undefined)?.();
    expect(onClick.mock.calls.map(([id]) => id)).toEqual(['open', 'sync-now', 'toggle-schedule', 'quit']);
  });
});
