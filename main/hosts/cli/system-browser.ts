import { spawn } from 'node:child_process';
import type { BrowserOpener } from '../../auth/open-browser';

/**
 * The CLI's way to show a sign-in page: the platform's opener where there is a desktop, otherwise nothing,
 * and the flow prints the address instead (a server over SSH has no browser; the person opens the link on
 * any device). KIZUNA_NO_BROWSER=1 forces the printed address.
 */
export function systemBrowser(env: NodeJS.ProcessEnv, platform: NodeJS.Platform = process.platform): BrowserOpener {
  return {
    open(url) {
      if (env.KIZUNA_NO_BROWSER === '1') return Promise.resolve(false);
      if (!/^https?:\/\//.test(url)) return Promise.resolve(false);
      const hasDesktop = platform === 'darwin' || platform === 'win32' || Boolean(env.DISPLAY || env.WAYLAND_DISPLAY);
      if (!hasDesktop) return Promise.resolve(false);
      const [command, args] = platform === 'darwin' ? ['open', [url]] : platform === 'win32' ? ['rundll32', ['url.dll,FileProtocolHandler', url]] : ['xdg-open', [url]];
      return new Promise((resolve) => {
        const child = spawn(command, args, { stdio: 'ignore', detached: true });
        child.once('error', () => resolve(false));
        child.once('spawn', () => {
          child.unref();
          resolve(true);
        });
      });
    },
  };
}
