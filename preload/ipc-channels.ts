/** Must match main/hosts/electron/ipc-channels.ts (the preload may not import main/; a test pins them). */
export const RPC_CHANNEL_PREFIX = 'kizuna:rpc:';
export const EVENT_CHANNEL = 'kizuna:event';
