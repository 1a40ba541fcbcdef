import Papa from 'papaparse';
import type { WatchlistItem } from '../../../shared/contract/watchlist';

export type WatchlistSort = 'added' | 'title' | 'year' | 'rank';

/** The watchlist in the chosen order and type; newest additions first by default, as Trakt lists them. */
export function sortWatchlist(items: readonly WatchlistItem[], sort: WatchlistSort, type: 'all' | 'movie' | 'show'): WatchlistItem[] {
  const shown = items.filter((item) => type === 'all' || item.type === type);
  const compare: Record<WatchlistSort, (a: WatchlistItem, b: WatchlistItem) => number> = {
    added: (a, b) => (b.listedAt ?? '').localeCompare(a.listedAt ?? '') || a.title.localeCompare(b.title),
    title: (a, b) => a.title.localeCompare(b.title),
    year: (a, b) => (b.year ?? 0) - (a.year ?? 0) || a.title.localeCompare(b.title),
    rank: (a, b) => (a.rank ?? Number.MAX_SAFE_INTEGER) - (b.rank ?? Number.MAX_SAFE_INTEGER),
  };
  return [...shown].sort(compare[sort]);
}

const columns = ['type', 'title', 'year', 'trakt', 'imdb', 'tmdb', 'tvdb', 'listed_at'] as const;

/** CSV with the ids every other tool imports by (IMDb, TMDB, TVDB, Trakt); quoting done by papaparse. */
export function watchlistCsv(items: readonly WatchlistItem[]): string {
  return Papa.unparse({
    fields: [...columns],
    data: items.map((item) => [item.type, item.title, item.year ?? '', item.traktId, item.imdb ?? '', item.tmdb ?? '', item.tvdb ?? '', item.listedAt ?? '']),
  });
}

export function watchlistJson(items: readonly WatchlistItem[]): string {
  return `${JSON.stringify(items.map((item) => ({ type: item.type, title: item.title, year: item.year, ids: { trakt: item.traktId, imdb: item.imdb, tmdb: item.tmdb, tvdb: item.tvdb }, listed_at: item.listedAt })), null, 2)}\n`;
}
