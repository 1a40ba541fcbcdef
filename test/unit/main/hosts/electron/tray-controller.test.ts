import { describe, expect, it, vi } from 'vitest';
import { createTrayController, SYNC_NOW_METHOD } from '../../../../../main/hosts/electron/tray-controller';
import type { TrayMenuItem } from '../../../../../main/hosts/electron/tray-menu';
import { realCore } from './support/real-core';

function label(items: TrayMenuItem[] | undefined, id: string): string | undefined {
  const found = items?.find((entry) => entry.type === 'normal' && entry.id === id);
  return found?.type === 'normal' ? found.label : undefined;
}

async function setup(options: { syncAvailable?: boolean } = {}) {
  const { core, lines } = realCore();
  const renders: TrayMenuItem[][] = [];
  const openWindow = vi.fn();
  const quit = vi.fn();
  const dispatch = vi.fn(core.dispatch);
  const controller = await createTrayController({
    dispatch,
    subscribe: core.subscribe,
    render: (items) => renders.push(items),
    openWindow,
    quit,
    logger: core.ports.logger,
    isMethodAvailable: () => options.syncAvailable ?? false,
  });
  return { core, controller, renders, openWindow, quit, dispatch, lines };
}

describe('createTrayController', () => {
  it('draws the menu from the stored settings at start', async () => {
    const { core } = realCore();
    await core.dispatch('settings.update', { schedule: { paused: true } });
    const renders: TrayMenuItem[][] = [];
    await createTrayController({ dispatch: core.dispatch, subscribe: core.subscribe, render: (items) => renders.push(items), openWindow: vi.fn(), quit: vi.fn(), logger: core.ports.logger });
    expect(label(renders.at(-1), 'toggle-schedule')).toBe('Resume schedule');
  });

  it('pauses and resumes the schedule through the contract, and redraws from the event', async () => {
    const { core, controller, renders, dispatch } = await setup();
    await controller.click('toggle-schedule');
    expect(dispatch).toHaveBeenCalledWith('settings.update', { schedule: { paused: true } });
    expect(core.ports.settings.read().schedule.paused).toBe(true);
    expect(label(renders.at(-1), 'toggle-schedule')).toBe('Resume schedule');
    await controller.click('toggle-schedule');
    expect(core.ports.settings.read().schedule.paused).toBe(false);
    expect(label(renders.at(-1), 'toggle-schedule')).toBe('Pause schedule');
  });

  it('follows changes made elsewhere (the settings screen)', async () => {
    const { core, renders } = await setup();
    await core.dispatch('settings.update', { schedule: { paused: true } });
    expect(label(renders.at(-1), 'toggle-schedule')).toBe('Resume schedule');
  });

  it('opens the window and quits on request', async () => {
    const { controller, openWindow, quit } = await setup();
    await controller.click('open');
    await controller.click('quit');
    expect(openWindow).toHaveBeenCalledOnce();
    expect(quit).toHaveBeenCalledOnce();
  });

  it('does nothing for Sync now while sync does not exist in the contract', async () => {
    const { controller, dispatch } = await setup();
    expect(controller.state().syncAvailable).toBe(false);
    await controller.click('sync-now');
    expect(dispatch).not.toHaveBeenCalledWith(SYNC_NOW_METHOD, expect.anything());
  });

  it('once sync exists, calls it, shows it running, and logs a failure', async () => {
    const { core, controller, renders, lines, dispatch } = await setup({ syncAvailable: true });
    dispatch.mockImplementation(async (method, input) =>
      method === SYNC_NOW_METHOD ? { ok: false as const, error: { code: 'network' as const, message: 'AniList did not answer.', retryable: true } } : core.dispatch(method, input),
    );
    const pending = controller.click('sync-now');
    expect(label(renders.at(-1), 'sync-now')).toBe('Syncing…');
    await pending;
    expect(label(renders.at(-1), 'sync-now')).toBe('Sync now');
    // A failed sync comes back as data and is logged, never thrown into the tray.
    expect(lines.some((line) => line.level === 'warn' && line.entry.code === 'network')).toBe(true);
  });

  it('stops listening when disposed', async () => {
    const { core, controller, renders } = await setup();
    controller.dispose();
    const before = renders.length;
    await core.dispatch('settings.update', { schedule: { paused: true } });
    expect(renders.length).toBe(before);
  });
});
