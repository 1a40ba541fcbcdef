import type { KizunaBridge } from '../shared/contract/bridge';
import type { Result } from '../shared/contract/errors';
import { EVENT_CHANNEL, rpcChannel } from '../shared/ipc-channels';

export type { KizunaBridge };

type IpcListener = (event: unknown, message: unknown) => void;

export interface BridgeDeps {
  contextBridge: { exposeInMainWorld(key: string, api: KizunaBridge): void };
  ipcRenderer: {
    invoke(channel: string, input: unknown): Promise<unknown>;
    on(channel: string, listener: IpcListener): unknown;
    removeListener(channel: string, listener: IpcListener): unknown;
  };
  isMethodName(name: string): boolean;
}

/**
 * The whole preload. It only moves data: names are checked so the page cannot pick an arbitrary channel,
 * and listeners get the payload, never Electron's event object (which would hand the page ipcRenderer).
 */
export function createBridge(deps: BridgeDeps): KizunaBridge {
  return {
    invoke(method, input) {
      if (typeof method !== 'string' || !deps.isMethodName(method)) {
        const error = { code: 'unknown_method' as const, message: `There is no method called "${String(method)}".`, retryable: false };
        return Promise.resolve({ ok: false, error });
      }
      return deps.ipcRenderer.invoke(rpcChannel(method), input) as Promise<Result<unknown>>;
    },
    on(event, listener) {
      if (typeof event !== 'string' || typeof listener !== 'function') throw new TypeError('kizuna.on(event, listener) needs a name and a function');
      const forward: IpcListener = (_ipcEvent, message) => {
        if (typeof message === 'object' && message !== null && (message as { event?: unknown }).event === event) {
          listener((message as { payload?: unknown }).payload);
        }
      };
      deps.ipcRenderer.on(EVENT_CHANNEL, forward);
      return () => void deps.ipcRenderer.removeListener(EVENT_CHANNEL, forward);
    },
  };
}

export function exposeBridge(deps: BridgeDeps): void {
  deps.contextBridge.exposeInMainWorld('kizuna', createBridge(deps));
}
