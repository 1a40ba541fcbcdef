import { describe, expect, it, vi } from 'vitest';
import { createAppUrlCheck } from '../../../../../main/hosts/electron/app-url';
import { createNavigationHandlers } from '../../../../../main/hosts/electron/navigation-policy';
import { recordingLogger } from './support/real-core';

function setup(devServerUrl?: string) {
  const opened: string[] = [];
  const openExternal = vi.fn(async (url: string) => void opened.push(url));
  const { logger, lines } = recordingLogger();
  const handlers = createNavigationHandlers({ isAppUrl: createAppUrlCheck(devServerUrl), openExternal, logger });
  const navigate = (url: string, isMainFrame = true) => {
    const event = { url, isMainFrame, preventDefault: vi.fn() };
    handlers.onNavigate(event);
    return event.preventDefault.mock.calls.length > 0 ? 'denied' : 'allowed';
  };
  return { handlers, navigate, opened, openExternal, lines };
}

describe('navigation', () => {
  it('lets the main frame reload the app itself', () => {
    const { navigate, opened } = setup();
    expect(navigate('app://kizuna/index.html')).toBe('allowed');
    expect(navigate('app://kizuna/index.html#/settings')).toBe('allowed');
    expect(opened).toEqual([]);
  });

  it('stops the window leaving the app, and opens a plain https link in the browser instead', () => {
    const { navigate, opened } = setup();
    expect(navigate('https://anilist.co/anime/1')).toBe('denied');
    expect(opened).toEqual(['https://anilist.co/anime/1']);
  });

  it.each(['file:///etc/passwd', 'javascript:alert(1)', 'http://example.com/', 'app://other/index.html', 'app://user@kizuna/index.html'])(
    'stops %s and opens nothing',
    (url) => {
      const { navigate, opened } = setup();
      expect(navigate(url)).toBe('denied');
      expect(opened).toEqual([]);
    },
  );

  it('stops every subframe navigation, even to the app, and opens nothing', () => {
    const { navigate, opened } = setup();
    expect(navigate('app://kizuna/index.html', false)).toBe('denied');
    expect(navigate('https://anilist.co/', false)).toBe('denied');
    expect(opened).toEqual([]);
  });

  it('trusts a loopback dev server only when the host passes it in', () => {
    expect(setup().navigate('http://localhost:5173/')).toBe('denied');
    expect(setup('http://localhost:5173').navigate('http://localhost:5173/')).toBe('allowed');
    expect(setup('http://localhost:5173').navigate('http://localhost:5174/')).toBe('denied');
  });
});

describe('window.open', () => {
  it('never creates a window and opens only validated links in the browser', () => {
    const { handlers, opened } = setup();
    expect(handlers.onWindowOpen({ url: 'https://myanimelist.net/anime/1' })).toEqual({ action: 'deny' });
    expect(handlers.onWindowOpen({ url: 'file:///C:/Windows/System32/calc.exe' })).toEqual({ action: 'deny' });
    expect(handlers.onWindowOpen({ url: 'app://kizuna/index.html' })).toEqual({ action: 'deny' });
    expect(opened).toEqual(['https://myanimelist.net/anime/1']);
  });

  it('logs a refused link with the reason and without the link itself', () => {
    const { handlers, lines } = setup();
    handlers.onWindowOpen({ url: 'https://user:hunter22@example.com/' });
    expect(lines.map((line) => line.entry)).toContainEqual(expect.objectContaining({ message: 'refused to open a link', reason: 'credentials in link' }));
    expect(JSON.stringify(lines)).not.toContain('hunter22');
  });

  it('logs, and does not throw, when the OS cannot open a link', async () => {
    const { logger, lines } = recordingLogger();
    const handlers = createNavigationHandlers({ isAppUrl: createAppUrlCheck(), openExternal: () => Promise.reject(new Error('no browser')), logger });
    handlers.onWindowOpen({ url: 'https://trakt.tv/' });
    await vi.waitFor(() => expect(lines.map((line) => line.entry.message)).toContain('could not open a link in the browser'));
  });
});
