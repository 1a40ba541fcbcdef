/**
 * The wire names between main and preload. preload/ipc-channels.ts repeats them because the preload may
 * not import main/; a test pins the two copies together.
 */
export const RPC_CHANNEL_PREFIX = 'kizuna:rpc:';
export const EVENT_CHANNEL = 'kizuna:event';

export function rpcChannel(method: string): string {
  return `${RPC_CHANNEL_PREFIX}${method}`;
}
