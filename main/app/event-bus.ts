import type { EventBus, EventListener, Logger } from './ports';

/** In-process fan-out of core events to every host connection. A failing listener never stops the others. */
export function createEventBus(logger?: Logger): EventBus {
  const listeners = new Set<EventListener>();
  return {
    emit(event, payload) {
      for (const listener of [...listeners]) {
        try {
          listener(event, payload);
        } catch (error) {
          logger?.error('event listener failed', { event, error });
        }
      }
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
