import { describe, expect, it, vi } from 'vitest';
import { isMethodName } from '../../../shared/contract';
import { createBridge, exposeBridge, type BridgeDeps, type KizunaBridge } from '../../../preload/bridge';

type IpcListener = (event: unknown, message: unknown) => void;

/** Stands in for ipcRenderer: records invokes and lets the test push messages on a channel. */
function fakeIpcRenderer() {
  const listeners = new Map<string, Set<IpcListener>>();
  const invoke = vi.fn(async (channel: string, input: unknown) => ({ ok: true, value: { channel, input } }));
  const ipcRenderer: BridgeDeps['ipcRenderer'] = {
    invoke,
    on: (channel, listener) => listeners.set(channel, (listeners.get(channel) ?? new Set()).add(listener)),
    removeListener: (channel, listener) => listeners.get(channel)?.delete(listener),
  };
  const ipcEvent = { sender: { send: vi.fn() }, senderId: 0, ports: [] };
  const push = (channel: string, message: unknown) => {
    for (const listener of listeners.get(channel) ?? []) listener(ipcEvent, message);
  };
  return { ipcRenderer, invoke, push, listeners, ipcEvent };
}

function setup() {
  const ipc = fakeIpcRenderer();
  const exposed = new Map<string, KizunaBridge>();
  const contextBridge = { exposeInMainWorld: (key: string, api: KizunaBridge) => void exposed.set(key, api) };
  exposeBridge({ contextBridge, ipcRenderer: ipc.ipcRenderer, isMethodName });
  const bridge = exposed.get('kizuna');
  if (!bridge) throw new Error('nothing exposed');
  return { ...ipc, exposed, bridge };
}

describe('preload bridge', () => {
  it('exposes window.kizuna with invoke and on, and nothing else', () => {
    const { exposed, bridge } = setup();
    expect([...exposed.keys()]).toEqual(['kizuna']);
    expect(Object.keys(bridge).sort()).toEqual(['invoke', 'on']);
  });

  it('invokes a contract method on its own channel with the input untouched', async () => {
    const { bridge, invoke } = setup();
    const result = await bridge.invoke('settings.update', { schedule: { paused: true } });
    expect(invoke).toHaveBeenCalledWith('kizuna:rpc:settings.update', { schedule: { paused: true } });
    expect(result).toEqual({ ok: true, value: { channel: 'kizuna:rpc:settings.update', input: { schedule: { paused: true } } } });
  });

  it.each<[string, unknown]>([
    ['a name outside the contract', 'app.quit'],
    ['a channel-shaped name', 'kizuna:rpc:settings.get'],
    ['an object property name', '__proto__'],
    ['another event channel', '../event'],
    ['a non-string', { toString: () => 'settings.get' }],
    ['nothing', undefined],
  ])('refuses %s without touching IPC', async (_name, method) => {
    const { bridge, invoke } = setup();
    const result = await bridge.invoke(method as string, {});
    expect(result).toMatchObject({ ok: false, error: { code: 'unknown_method', retryable: false } });
    expect(invoke).not.toHaveBeenCalled();
  });

  it('delivers only the payload of the named event, never the IPC event object', () => {
    const { bridge, push, ipcEvent } = setup();
    const received: unknown[][] = [];
    bridge.on('settings.changed', (...args: unknown[]) => received.push(args));
    push('kizuna:event', { event: 'accounts.changed', payload: {} });
    push('kizuna:event', { event: 'settings.changed', payload: { theme: 'dark' } });
    push('kizuna:event', 'garbage');
    push('kizuna:event', null);
    push('some-other-channel', { event: 'settings.changed', payload: 'wrong channel' });
    expect(received).toEqual([[{ theme: 'dark' }]]);
    expect(JSON.stringify(received)).not.toContain(JSON.stringify(ipcEvent));
  });

  it('returns a function that stops the subscription', () => {
    const { bridge, push, listeners } = setup();
    const listener = vi.fn();
    const stop = bridge.on('accounts.changed', listener);
    stop();
    push('kizuna:event', { event: 'accounts.changed', payload: {} });
    expect(listener).not.toHaveBeenCalled();
    expect(listeners.get('kizuna:event')?.size).toBe(0);
  });

  it('rejects subscriptions without a name or a function', () => {
    const bridge = createBridge({ contextBridge: { exposeInMainWorld: vi.fn() }, ipcRenderer: fakeIpcRenderer().ipcRenderer, isMethodName });
    expect(() => bridge.on(42 as unknown as string, vi.fn())).toThrow(TypeError);
    expect(() => bridge.on('accounts.changed', 'code' as unknown as () => void)).toThrow(TypeError);
  });
});
