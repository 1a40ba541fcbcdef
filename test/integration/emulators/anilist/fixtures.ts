import type { ListStatus, SeedListEntry, SeedTitle, SeedWorld } from '../../../emulators/seed/world';

/**
 * Small hand-made seed worlds for the AniList emulator's tests, independent of the seed generator. The
 * named titles carry their real AniList and MAL ids; `bulk` adds made-up ones for chunking tests.
 */

export const USER = { id: 5_550_001, name: 'KizunaTester' } as const;

function title(key: string, partial: Partial<SeedTitle> & Pick<SeedTitle, 'kind' | 'format'>): SeedTitle {
  return {
    key,
    titles: { romaji: key, english: null, native: null, synonyms: [] },
    year: 2010,
    season: null,
    episodes: null,
    episodeMinutes: null,
    chapters: null,
    volumes: null,
    genres: [],
    averageScore: 70,
    description: 'A title for tests.',
    isAdult: false,
    ids: {},
    ...partial,
  };
}

export const namedTitles: SeedTitle[] = [
  title('al:1', { kind: 'anime', format: 'TV', titles: { romaji: 'Cowboy Bebop', english: 'Cowboy Bebop', native: 'カウボーイビバップ', synonyms: [] }, year: 1998, season: 'SPRING', episodes: 26, episodeMinutes: 24, genres: ['Action', 'Sci-Fi'], averageScore: 86, ids: { anilist: 1, mal: 1 } }),
  title('al:5114', { kind: 'anime', format: 'TV', titles: { romaji: 'Hagane no Renkinjutsushi: FULLMETAL ALCHEMIST', english: 'Fullmetal Alchemist: Brotherhood', native: '鋼の錬金術師 FULLMETAL ALCHEMIST', synonyms: ['Hagane no Renkinjutsushi (2009)', 'FMA', 'FMAB'] }, year: 2009, season: 'SPRING', episodes: 64, episodeMinutes: 24, genres: ['Action', 'Adventure'], averageScore: 90, ids: { anilist: 5114, mal: 5114 } }),
  title('al:9253', { kind: 'anime', format: 'TV', titles: { romaji: 'Steins;Gate', english: 'Steins;Gate', native: 'STEINS;GATE', synonyms: [] }, year: 2011, season: 'SPRING', episodes: 24, episodeMinutes: 24, genres: ['Sci-Fi', 'Thriller'], averageScore: 89, ids: { anilist: 9253, mal: 9253 } }),
  title('al:21519', { kind: 'anime', format: 'MOVIE', titles: { romaji: 'Kimi no Na wa.', english: 'Your Name.', native: '君の名は。', synonyms: [] }, year: 2016, season: 'SUMMER', episodes: 1, episodeMinutes: 106, genres: ['Drama', 'Romance'], averageScore: 85, ids: { anilist: 21519, mal: 32281 } }),
  title('al:16498', { kind: 'anime', format: 'TV', titles: { romaji: 'Shingeki no Kyojin', english: 'Attack on Titan', native: '進撃の巨人', synonyms: ['AoT', 'SnK'] }, year: 2013, season: 'SPRING', episodes: 25, episodeMinutes: 24, genres: ['Action', 'Drama'], averageScore: 85, ids: { anilist: 16498, mal: 16498 } }),
  title('al:20958', { kind: 'anime', format: 'TV', titles: { romaji: 'Shingeki no Kyojin 2', english: 'Attack on Titan Season 2', native: '進撃の巨人 Season2', synonyms: [] }, year: 2017, season: 'SPRING', episodes: 12, episodeMinutes: 24, genres: ['Action', 'Drama'], averageScore: 84, ids: { anilist: 20958, mal: 25777 } }),
  title('al:30002', { kind: 'manga', format: 'MANGA', titles: { romaji: 'Berserk', english: 'Berserk', native: 'ベルセルク', synonyms: [] }, year: 1989, chapters: null, volumes: null, genres: ['Action', 'Drama'], averageScore: 93, ids: { anilist: 30002, mal: 2 } }),
  // In the catalogue but not on the list.
  title('al:21', { kind: 'anime', format: 'TV', titles: { romaji: 'ONE PIECE', english: 'ONE PIECE', native: 'ONE PIECE', synonyms: [] }, year: 1999, season: 'FALL', episodes: null, episodeMinutes: 24, genres: ['Action', 'Adventure'], averageScore: 88, ids: { anilist: 21, mal: 21 } }),
  title('tr:1390', { kind: 'show', format: 'TV', titles: { romaji: 'Game of Thrones', english: 'Game of Thrones', native: null, synonyms: [] }, year: 2011, ids: { trakt: 1390, tvdb: 121361 } }),
];

export function entry(titleKey: string, status: ListStatus, extra: Partial<SeedListEntry> = {}): SeedListEntry {
  return {
    titleKey,
    status,
    progress: 0,
    progressVolumes: null,
    score: 0,
    startedAt: null,
    completedAt: null,
    repeat: 0,
    notes: null,
    private: false,
    hiddenFromStatusLists: false,
    updatedAt: 1_700_000_000,
    ...extra,
  };
}

export const namedEntries: SeedListEntry[] = [
  entry('al:1', 'COMPLETED', { progress: 26, score: 90, startedAt: '2020-01-05', completedAt: '2020-02-01' }),
  entry('al:5114', 'CURRENT', { progress: 20, score: 0, startedAt: '2024-03' }),
  entry('al:9253', 'PLANNING'),
  entry('al:21519', 'COMPLETED', { progress: 1, score: 84 }),
  entry('al:16498', 'REPEATING', { progress: 3, repeat: 1, score: 80 }),
  entry('al:20958', 'PAUSED', { progress: 5, hiddenFromStatusLists: true }),
  entry('al:30002', 'CURRENT', { progress: 120, progressVolumes: 10, score: 95 }),
];

export interface WorldOptions {
  scoreFormat?: SeedWorld['users']['anilist']['scoreFormat'];
  /** Extra made-up anime titles, all on the list (for chunking). */
  bulk?: number;
}

export function testWorld(options: WorldOptions = {}): SeedWorld {
  const bulkTitles = Array.from({ length: options.bulk ?? 0 }, (_, index) =>
    title(`al:${900_000 + index}`, { kind: 'anime', format: 'TV', titles: { romaji: `Bulk Title ${index}`, english: null, native: null, synonyms: [] }, episodes: 12, ids: { anilist: 900_000 + index } }),
  );
  const bulkEntries = bulkTitles.map((bulk, index) => entry(bulk.key, index % 3 === 0 ? 'COMPLETED' : 'PLANNING', { updatedAt: 1_700_000_000 + index }));
  return {
    seed: 'small',
    users: {
      anilist: { id: USER.id, name: USER.name, scoreFormat: options.scoreFormat ?? 'POINT_10_DECIMAL' },
      mal: { id: 1, name: 'tester' },
      trakt: { username: 'tester', slug: 'tester', name: 'Tester', vip: false, watchlistLimit: 100, listLimit: 2 },
      plex: { id: 1, uuid: 'u', username: 'tester', email: 't@example.invalid', serverName: 'Plex', machineIdentifier: 'm' },
    },
    titles: [...namedTitles, ...bulkTitles],
    shows: [],
    lists: { anilist: [...namedEntries, ...bulkEntries], mal: [] },
    plex: { libraries: [], watched: [], moviesWatched: [], ratings: [], tracks: [] },
    trakt: { watchlist: [], history: [], ratings: [] },
    landmarks: {},
  };
}
