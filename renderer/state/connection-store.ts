import { createStore, type StoreApi } from 'zustand/vanilla';
import type { ConnectionState, RendererTransport } from '../transport/types';

export interface ConnectionStoreState {
  kind: RendererTransport['kind'];
  state: ConnectionState;
}

export type ConnectionStore = StoreApi<ConnectionStoreState> & { dispose(): void };

/** Mirrors the transport's live-update connection so the shell can say when it is catching up. */
export function createConnectionStore(transport: RendererTransport): ConnectionStore {
  const store = createStore<ConnectionStoreState>()(() => ({ kind: transport.kind, state: transport.connection() }));
  const dispose = transport.onConnectionChange((state) => store.setState({ state }));
  return Object.assign(store, { dispose });
}
