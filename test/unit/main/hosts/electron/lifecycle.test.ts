import { describe, expect, it, vi } from 'vitest';
import { createShutdown, revealWindow, shouldHideOnClose, type RevealableWindow } from '../../../../../main/hosts/electron/lifecycle';
import { recordingLogger } from './support/real-core';

function fakeWindow(state: { destroyed?: boolean; minimized?: boolean } = {}) {
  const calls: string[] = [];
  const window: RevealableWindow = {
    isDestroyed: () => state.destroyed ?? false,
    isMinimized: () => state.minimized ?? false,
    restore: () => calls.push('restore'),
    show: () => calls.push('show'),
    focus: () => calls.push('focus'),
  };
  return { window, calls };
}

describe('revealWindow', () => {
  it('restores, shows and focuses an existing window (second instance, tray Open)', () => {
    const { window, calls } = fakeWindow({ minimized: true });
    const create = vi.fn();
    revealWindow(window, create);
    expect(calls).toEqual(['restore', 'show', 'focus']);
    expect(create).not.toHaveBeenCalled();
  });

  it('creates the window when there is none or it was destroyed', () => {
    const create = vi.fn();
    revealWindow(null, create);
    revealWindow(fakeWindow({ destroyed: true }).window, create);
    expect(create).toHaveBeenCalledTimes(2);
  });
});

describe('shouldHideOnClose', () => {
  it('hides to the tray only when asked to, a tray exists and the user is not quitting', () => {
    expect(shouldHideOnClose({ closeToTray: true, quitting: false, trayAvailable: true })).toBe(true);
    expect(shouldHideOnClose({ closeToTray: true, quitting: true, trayAvailable: true })).toBe(false);
    expect(shouldHideOnClose({ closeToTray: true, quitting: false, trayAvailable: false })).toBe(false);
    expect(shouldHideOnClose({ closeToTray: false, quitting: false, trayAvailable: true })).toBe(false);
  });
});

describe('createShutdown', () => {
  it('runs steps once, newest first, and keeps going past a failing step', () => {
    const { logger, lines } = recordingLogger();
    const shutdown = createShutdown(logger);
    const order: string[] = [];
    shutdown.add('core', () => order.push('core'));
    shutdown.add('ipc', () => {
      throw new Error('already removed');
    });
    shutdown.add('tray', () => order.push('tray'));
    shutdown.run();
    shutdown.run();
    expect(order).toEqual(['tray', 'core']);
    expect(lines.find((line) => line.entry.step === 'ipc')?.level).toBe('error');
  });
});
