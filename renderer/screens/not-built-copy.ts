import type { Screen } from '../state/router';

type UnbuiltScreen = Exclude<Screen, 'dashboard' | 'settings' | 'accounts' | 'history' | 'matches' | 'library'>;

/** What each screen will do, said plainly, so an unfinished screen never looks like an empty or broken one. */
export const notBuiltCopy: Record<UnbuiltScreen, { description: string; plans: string[] }> = {
  watchlist: {
    description: 'Your Trakt watchlist, editable here.',
    plans: [
      'Search movies and shows by title, year, genre and type.',
      'Add and remove movies, shows, seasons and episodes, several at once.',
      'Duplicate detection, undo, sorting and filtering.',
      'Export and import.',
    ],
  },
};

export function isUnbuiltScreen(screen: Screen): screen is UnbuiltScreen {
  return screen in notBuiltCopy;
}
