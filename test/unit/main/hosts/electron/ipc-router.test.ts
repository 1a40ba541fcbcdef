import { describe, expect, it, vi } from 'vitest';
import { methodNames, type Result } from '../../../../../shared/contract';
import { createAppUrlCheck } from '../../../../../main/hosts/electron/app-url';
import { rpcChannel } from '../../../../../shared/ipc-channels';
import { registerRpcHandlers, type IpcMainLike } from '../../../../../main/hosts/electron/ipc-router';
import { createSenderCheck, type IpcSenderEvent } from '../../../../../main/hosts/electron/sender-check';
import { realCore } from './support/real-core';

type Listener = (event: IpcSenderEvent, ...args: unknown[]) => Promise<Result<unknown>>;

/** Records handle() calls like ipcMain does, and refuses a second handler for a channel like ipcMain does. */
function fakeIpcMain() {
  const handlers = new Map<string, Listener>();
  const registrations: string[] = [];
  const ipcMain: IpcMainLike = {
    handle(channel, listener) {
      if (handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
      registrations.push(channel);
      handlers.set(channel, listener);
    },
    removeHandler(channel) {
      handlers.delete(channel);
    },
  };
  const invoke = (channel: string, event: IpcSenderEvent, ...args: unknown[]) => {
    const handler = handlers.get(channel);
    if (!handler) throw new Error(`No handler registered for '${channel}'`);
    return handler(event, ...args);
  };
  return { ipcMain, handlers, registrations, invoke };
}

const ourWebContents = { id: 1 };
const mainFrame = { url: 'app://kizuna/index.html', parent: null };
const goodEvent: IpcSenderEvent = { sender: ourWebContents, senderFrame: mainFrame };

function setup() {
  const { core, lines } = realCore();
  const dispatch = vi.fn(core.dispatch);
  const ipc = fakeIpcMain();
  const isTrustedSender = createSenderCheck({ isOurWebContents: (sender) => sender === ourWebContents, isAppUrl: createAppUrlCheck() });
  const unregister = registerRpcHandlers({ ipcMain: ipc.ipcMain, dispatch, isTrustedSender, logger: core.ports.logger });
  return { core, dispatch, ipc, unregister, lines };
}

describe('registerRpcHandlers', () => {
  it('registers exactly one handler per contract method, on kizuna:rpc:<method>', () => {
    const { ipc } = setup();
    expect(ipc.registrations).toEqual(methodNames.map((method) => `kizuna:rpc:${method}`));
    expect(new Set(ipc.registrations).size).toBe(methodNames.length);
  });

  it('passes a good call from our window to the real core', async () => {
    const { ipc, dispatch } = setup();
    const info = await ipc.invoke(rpcChannel('app.info'), goodEvent, {});
    expect(info).toMatchObject({ ok: true, value: { name: 'Kizuna', host: 'electron' } });
    const updated = await ipc.invoke(rpcChannel('settings.update'), goodEvent, { schedule: { paused: true } });
    expect(updated).toMatchObject({ ok: true, value: { schedule: { paused: true } } });
    expect(dispatch).toHaveBeenCalledWith('settings.update', { schedule: { paused: true } });
  });

  it('returns the core\'s validation errors as data', async () => {
    const { ipc } = setup();
    const result = await ipc.invoke(rpcChannel('settings.update'), goodEvent, { schedule: { intervalMinutes: 1 } });
    expect(result).toMatchObject({ ok: false, error: { code: 'validation' } });
  });

  it('ignores extra arguments: only the first one is the input', async () => {
    const { ipc, dispatch } = setup();
    await ipc.invoke(rpcChannel('settings.get'), goodEvent, {}, { extra: true });
    expect(dispatch).toHaveBeenCalledWith('settings.get', {});
  });

  const refused: Array<[string, IpcSenderEvent]> = [
    ['another webContents', { sender: { id: 2 }, senderFrame: mainFrame }],
    ['a subframe of our window', { sender: ourWebContents, senderFrame: { url: 'app://kizuna/index.html', parent: mainFrame } }],
    ['our window after it navigated to a foreign origin', { sender: ourWebContents, senderFrame: { url: 'https://evil.example/', parent: null } }],
    ['a file:// page', { sender: ourWebContents, senderFrame: { url: 'file:///work/main/out/renderer/index.html', parent: null } }],
    ['a look-alike app host', { sender: ourWebContents, senderFrame: { url: 'app://kizuna.evil/index.html', parent: null } }],
    ['a dev server that this host did not configure', { sender: ourWebContents, senderFrame: { url: 'http://localhost:5173/', parent: null } }],
    ['a frame that is already gone', { sender: ourWebContents, senderFrame: null }],
  ];

  it.each(refused)('refuses %s with forbidden and never calls the core', async (_name, event) => {
    const { ipc, dispatch, lines } = setup();
    const result = await ipc.invoke(rpcChannel('settings.update'), event, { schedule: { paused: true } });
    expect(result).toMatchObject({ ok: false, error: { code: 'forbidden', retryable: false } });
    expect(dispatch).not.toHaveBeenCalled();
    expect(lines.some((line) => line.level === 'warn' && line.entry.message === 'refused an IPC call from an untrusted sender')).toBe(true);
  });

  it('has no handler at all for names outside the contract', () => {
    const { ipc } = setup();
    expect(() => ipc.invoke(rpcChannel('app.quit'), goodEvent, {})).toThrow(/No handler/);
    expect(ipc.handlers.has('kizuna:rpc:__proto__')).toBe(false);
  });

  it('removes every handler it added', () => {
    const { ipc, unregister } = setup();
    unregister();
    expect(ipc.handlers.size).toBe(0);
  });
});
