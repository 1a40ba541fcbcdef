import { checkEventPayload } from './results';
import type { ConnectionState } from './types';

/** The slice of EventSource this module uses, so tests can hand in a fake. */
export interface EventSourceLike {
  readonly readyState: number;
  onopen: ((this: EventSource, ev: Event) => unknown) | null;
  onmessage: ((this: EventSource, ev: MessageEvent) => unknown) | null;
  onerror: ((this: EventSource, ev: Event) => unknown) | null;
  close(): void;
}
export type EventSourceFactory = (url: string) => EventSourceLike;

/** EventSource.CLOSED: the browser has given up and will not reconnect by itself. */
const CLOSED = 2;

export interface EventStream {
  on(event: string, listener: (payload: unknown) => void): () => void;
  state(): ConnectionState;
  onStateChange(listener: (state: ConnectionState) => void): () => void;
  close(): void;
}

/**
 * One EventSource shared by every subscriber, opened on the first subscription. Reconnecting is left to
 * EventSource itself (it retries after network drops); this only reports what it is doing.
 */
export function createEventStream(url: string, open: EventSourceFactory): EventStream {
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  const stateListeners = new Set<(state: ConnectionState) => void>();
  let source: EventSourceLike | null = null;
  let current: ConnectionState = 'connecting';

  function setState(next: ConnectionState): void {
    if (next === current) return;
    current = next;
    for (const listener of [...stateListeners]) listener(next);
  }

  function dispatch(data: unknown): void {
    if (typeof data !== 'string') return;
    let message: unknown;
    try {
      message = JSON.parse(data);
    } catch {
      console.warn('Ignored an event that is not JSON');
      return;
    }
    if (typeof message !== 'object' || message === null || !('event' in message) || typeof message.event !== 'string') {
      console.warn('Ignored an event without an event name');
      return;
    }
    const name = message.event;
    const subscribers = listeners.get(name);
    if (!subscribers || subscribers.size === 0) return;
    const checked = checkEventPayload(name, 'payload' in message ? message.payload : undefined);
    if (!checked.ok) return;
    for (const listener of [...subscribers]) {
      try {
        listener(checked.payload);
      } catch (error) {
        // One broken subscriber must not starve the others of the event.
        console.error(`A '${name}' listener failed`, error);
      }
    }
  }

  function ensureOpen(): void {
    if (source) return;
    const opened = open(url);
    opened.onopen = () => setState('open');
    opened.onmessage = (message) => dispatch(message.data);
    opened.onerror = () => setState(opened.readyState === CLOSED ? 'closed' : 'reconnecting');
    source = opened;
  }

  return {
    on(event, listener) {
      ensureOpen();
      let subscribers = listeners.get(event);
      if (!subscribers) {
        subscribers = new Set();
        listeners.set(event, subscribers);
      }
      subscribers.add(listener);
      return () => {
        subscribers.delete(listener);
      };
    },
    state: () => current,
    onStateChange(listener) {
      stateListeners.add(listener);
      return () => {
        stateListeners.delete(listener);
      };
    },
    close() {
      source?.close();
      source = null;
      setState('closed');
    },
  };
}
