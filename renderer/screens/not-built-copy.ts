import type { Screen } from '../state/router';

type UnbuiltScreen = Exclude<Screen, 'dashboard' | 'settings' | 'accounts' | 'history' | 'matches'>;

/** What each screen will do, said plainly, so an unfinished screen never looks like an empty or broken one. */
export const notBuiltCopy: Record<UnbuiltScreen, { description: string; plans: string[] }> = {
  library: {
    description: 'Every title you track, once, with its state on each service side by side.',
    plans: [
      'Anime and manga from AniList, MyAnimeList, Trakt and Plex in one list.',
      'Status, progress, score, dates and rewatches per service, next to each other.',
      'A filter for titles where the services disagree.',
      '+1 episode or chapter, pushed to every linked service (queued while offline).',
    ],
  },
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
