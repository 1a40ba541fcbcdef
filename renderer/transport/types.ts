import type { Transport } from '../../shared/contract';

/**
 * Whether pushed events are reaching this window. IPC is always 'open'; over HTTP the EventSource may drop
 * and reconnect by itself ('reconnecting'), or give up for good when the server refuses it ('closed').
 */
export type ConnectionState = 'connecting' | 'open' | 'reconnecting' | 'closed';

/** The contract's Transport plus what the shell needs to describe it to the user. */
export interface RendererTransport extends Transport {
  readonly kind: 'ipc' | 'http';
  connection(): ConnectionState;
  onConnectionChange(listener: (state: ConnectionState) => void): () => void;
}
