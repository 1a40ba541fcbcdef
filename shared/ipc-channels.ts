/**
 * The wire names between the Electron main process and the preload. Both sides import them from here, the
 * one place both may reach.
 */
export const RPC_CHANNEL_PREFIX = 'kizuna:rpc:';
export const EVENT_CHANNEL = 'kizuna:event';

export function rpcChannel(method: string): string {
  return `${RPC_CHANNEL_PREFIX}${method}`;
}
