import { resultSchema, type KizunaBridge } from '../../shared/contract';
import { checkEventPayload, describeThrown, failure } from './results';
import type { RendererTransport } from './types';

export type { KizunaBridge };

declare global {
  interface Window {
    /** Present only inside the Electron window; its absence is how the renderer knows it runs in a browser. */
    kizuna?: KizunaBridge;
  }
}

export function createIpcTransport(bridge: KizunaBridge): RendererTransport {
  return {
    kind: 'ipc',
    async invoke(method, input) {
      let raw: unknown;
      try {
        raw = await bridge.invoke(method, input);
      } catch (error) {
        // ipcRenderer.invoke rejects only when the main process has no handler or crashed mid-call.
        return failure('internal', `The window lost contact with Kizuna's core (${describeThrown(error)}). Restart Kizuna.`);
      }
      const parsed = resultSchema.safeParse(raw);
      if (!parsed.success) {
        return failure('internal', `Kizuna's core sent a reply to '${method}' that the window could not read. Restart Kizuna.`);
      }
      return parsed.data;
    },
    on(event, listener) {
      return bridge.on(event, (payload) => {
        const checked = checkEventPayload(event, payload);
        if (checked.ok) listener(checked.payload);
      });
    },
    connection: () => 'open',
    // The bridge lives as long as the window, so there is never a change to report.
    onConnectionChange: () => () => undefined,
  };
}
