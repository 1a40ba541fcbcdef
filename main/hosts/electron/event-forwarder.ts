import type { EventMessage } from '../../../shared/contract';
import type { EventListener } from '../../app/ports';

export interface EventForwarderOptions {
  subscribe: (listener: EventListener) => () => void;
  /** Sends on the event channel to the window; must not throw when the window is gone. */
  send: (message: EventMessage) => void;
}

/**
 * Pushes every core event to the window as `{ event, payload }` and nothing else: no sender objects, no
 * host handles, only data that survives structured cloning. Returns the unsubscribe function.
 */
export function forwardEvents(options: EventForwarderOptions): () => void {
  return options.subscribe((event, payload) => {
    options.send({ event, payload } as EventMessage);
  });
}
