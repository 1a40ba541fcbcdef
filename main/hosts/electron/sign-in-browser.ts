import type { BrowserOpener } from '../../auth/open-browser';

/**
 * Sign-in pages open in the system browser (RFC 8252 §8.12), never in a Kizuna window. These URLs are built
 * by the main process from the services configuration, not asked for by the page, so http is allowed (the
 * demo's emulators listen on 127.0.0.1); any other scheme is refused. A failure answers false and the page's
 * address is shown in the window instead.
 */
export function createSignInBrowser(openExternal: (url: string) => Promise<void>): BrowserOpener {
  return {
    async open(url) {
      let parsed: URL;
      try {
        parsed = new URL(url);
      } catch {
        return false;
      }
      if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return false;
      try {
        await openExternal(parsed.href);
        return true;
      } catch {
        return false;
      }
    },
  };
}
