import { AppError, methodNames as contractMethodNames, type Result } from '../../../shared/contract';
import type { Dispatch } from '../../app/dispatcher';
import type { Logger } from '../../app/ports';
import { rpcChannel } from '../../../shared/ipc-channels';
import type { IpcSenderEvent, SenderCheck } from './sender-check';

/** The slice of ipcMain the router uses. */
export interface IpcMainLike {
  handle(channel: string, listener: (event: IpcSenderEvent, ...args: unknown[]) => Promise<Result<unknown>>): void;
  removeHandler(channel: string): void;
}

export interface RpcRouterOptions {
  ipcMain: IpcMainLike;
  dispatch: Dispatch;
  isTrustedSender: SenderCheck;
  logger: Logger;
  /** Defaults to every method in the contract. */
  methodNames?: readonly string[];
}

const forbidden: Result<never> = {
  ok: false,
  error: new AppError('forbidden', 'This window is not allowed to talk to Kizuna.').toRpcError(),
};

/**
 * One ipcMain.handle per contract method, so an unknown channel has no handler at all. Every call is
 * checked against the sender before the core sees it; refused calls never reach the dispatcher.
 * Returns a function that removes the handlers again.
 */
export function registerRpcHandlers(options: RpcRouterOptions): () => void {
  const names = options.methodNames ?? contractMethodNames;
  const channels = names.map((method) => {
    const channel = rpcChannel(method);
    options.ipcMain.handle(channel, async (event, input) => {
      if (!options.isTrustedSender(event)) {
        options.logger.warn('refused an IPC call from an untrusted sender', { method, frame: event.senderFrame?.url ?? null });
        return forbidden;
      }
      return options.dispatch(method, input);
    });
    return channel;
  });
  return () => {
    for (const channel of channels) options.ipcMain.removeHandler(channel);
  };
}
