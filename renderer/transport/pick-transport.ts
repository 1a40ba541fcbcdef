import { createHttpTransport } from './http-transport';
import { createIpcTransport } from './ipc-transport';
import type { RendererTransport } from './types';

/** The preload bridge exists only inside Electron; anywhere else the page was served by `kizuna serve`. */
export function pickTransport(win: Window & typeof globalThis = window): RendererTransport {
  if (win.kizuna) return createIpcTransport(win.kizuna);
  return createHttpTransport({
    // Bound so the browser does not throw "Illegal invocation" when fetch is called off window.
    fetch: win.fetch.bind(win),
    openEventSource: (url) => new win.EventSource(url),
  });
}
