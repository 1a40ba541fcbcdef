/**
 * The screens, in sidebar order. The hash form (#/settings) is what the URL keeps across reloads. Accounts
 * comes right after Settings: it is the "Settings → Accounts" of DESIGN.md, given its own entry because
 * connecting accounts is the first thing a new user does and should be one click away.
 */
export const screens = ['dashboard', 'library', 'matches', 'watchlist', 'history', 'settings', 'accounts'] as const;
export type Screen = (typeof screens)[number];

export const defaultScreen: Screen = 'dashboard';

/** Also the nav entries' accessible names, which the end-to-end tests click by. */
export const screenTitles: Record<Screen, string> = {
  dashboard: 'Dashboard',
  library: 'Library',
  matches: 'Matches',
  watchlist: 'Watchlist',
  history: 'History',
  settings: 'Settings',
  accounts: 'Accounts',
};

function isScreen(value: string): value is Screen {
  return (screens as readonly string[]).includes(value);
}

/**
 * Reads "#/settings", "#settings", "#/Settings/" or "#/settings?x=1" as 'settings'. Returns null for a hash
 * that names no screen, so the caller can tell "no hash yet" (empty string) from "a stale or mistyped link".
 */
export function parseHash(hash: string): Screen | null {
  const path = hash.replace(/^#/, '').split(/[?#]/)[0] ?? '';
  const name = path.replace(/^\/+|\/+$/g, '').toLowerCase();
  return isScreen(name) ? name : null;
}

export function screenHash(screen: Screen): string {
  return `#/${screen}`;
}
