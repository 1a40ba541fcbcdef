import { describe, expect, it } from 'vitest';
import { parseHash, screenHash, screens, screenTitles } from '../../../renderer/state/router';

describe('router', () => {
  it('round-trips every screen through its hash', () => {
    for (const screen of screens) expect(parseHash(screenHash(screen))).toBe(screen);
  });

  it('serialises as #/name so links and reloads agree', () => {
    expect(screenHash('settings')).toBe('#/settings');
  });

  it.each([
    ['#/settings', 'settings'],
    ['#settings', 'settings'],
    ['#/Settings/', 'settings'],
    ['#//library', 'library'],
    ['#/history?from=tray', 'history'],
    ['#/accounts', 'accounts'],
  ])('reads %s as %s', (hash, screen) => {
    expect(parseHash(hash)).toBe(screen);
  });

  it.each(['', '#', '#/', '#/nope', '#/settings/extra', '#/constructor', '#/__proto__'])('names no screen for %j', (hash) => {
    expect(parseHash(hash)).toBeNull();
  });

  it('titles each screen with the exact accessible name the e2e tests click', () => {
    expect(screens.map((s) => screenTitles[s])).toEqual(['Dashboard', 'Library', 'Matches', 'Watchlist', 'History', 'Settings', 'Accounts']);
  });
});
