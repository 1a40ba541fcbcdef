import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import type { WatchlistItem } from '../../../../shared/contract/watchlist';
import { sortWatchlist, watchlistCsv, watchlistJson } from '../../../../renderer/screens/watchlist/export';

const item = (traktId: number, title: string, patch: Partial<WatchlistItem> = {}): WatchlistItem => ({ key: `movie:${traktId}`, type: 'movie', traktId, title, year: 2000 + traktId, imdb: `tt${traktId}`, tmdb: traktId * 10, tvdb: null, listedAt: `2026-01-0${traktId}T00:00:00Z`, rank: 10 - traktId, ...patch });

describe('watchlist order and export', () => {
  const items = [item(1, 'Beta'), item(2, 'Alpha, "the" film'), item(3, 'Gamma', { type: 'show', key: 'show:3' })];

  it('sorts by date added, title, year or rank, and filters by type', () => {
    expect(sortWatchlist(items, 'added', 'all').map((entry) => entry.traktId)).toEqual([3, 2, 1]);
    expect(sortWatchlist(items, 'title', 'all').map((entry) => entry.traktId)).toEqual([2, 1, 3]);
    expect(sortWatchlist(items, 'rank', 'movie').map((entry) => entry.traktId)).toEqual([2, 1]);
  });

  it('writes CSV that reads back with its quoting intact, and JSON with the ids', () => {
    const rows = Papa.parse<Record<string, string>>(watchlistCsv(items), { header: true }).data;
    expect(rows[1]).toMatchObject({ type: 'movie', title: 'Alpha, "the" film', trakt: '2', imdb: 'tt2', tmdb: '20', tvdb: '' });
    expect(JSON.parse(watchlistJson(items))[2]).toMatchObject({ type: 'show', ids: { trakt: 3, imdb: 'tt3' } });
  });
});
