import { describe, expect, it } from 'vitest';
import { parseWatchlistImport } from '../../../../renderer/screens/watchlist/import';
import { watchlistCsv, watchlistJson } from '../../../../renderer/screens/watchlist/export';

const item = { key: 'movie:7', type: 'movie' as const, traktId: 7, title: 'A, "quoted" film', year: 2001, imdb: 'tt007', tmdb: 70, tvdb: null, listedAt: null, rank: null };

describe('reading a watchlist file to import', () => {
  it('reads back its own CSV and JSON exports', () => {
    expect(parseWatchlistImport(watchlistCsv([item]), 'w.csv')).toEqual({ refs: [{ type: 'movie', trakt: 7, imdb: 'tt007', tmdb: 70, title: 'A, "quoted" film' }], skipped: [] });
    expect(parseWatchlistImport(watchlistJson([item]), 'w.json').refs).toEqual([{ type: 'movie', trakt: 7, imdb: 'tt007', tmdb: 70, title: 'A, "quoted" film' }]);
  });

  it('takes other tools’ column names (IMDb "const", *_id, TV types) and reports lines with no id', () => {
    const csv = 'Const,Title,Title Type\ntt0111161,The Shawshank Redemption,movie\n,No id here,movie\n';
    expect(parseWatchlistImport(csv, 'imdb.csv')).toEqual({ refs: [{ type: 'movie', imdb: 'tt0111161', title: 'The Shawshank Redemption' }], skipped: [2] });
    expect(parseWatchlistImport('[{"tmdb_id": 12, "type": "tv"}, {"tvdb_id": "81189"}]', 'x.json').refs).toEqual([{ type: 'show', tmdb: 12 }, { tvdb: 81189 }]);
  });

  it('never throws on a damaged file', () => {
    expect(parseWatchlistImport('[{"imdb": "tt1"', 'broken.json')).toEqual({ refs: [], skipped: [] });
    expect(parseWatchlistImport('', 'empty.csv')).toEqual({ refs: [], skipped: [] });
  });
});
