import type { SeedListEntry, SeedTitle, SeedWorld } from '../../../emulators/seed/world';

/**
 * Hand-made seed worlds for the MAL emulator's tests, small enough to reason about, until the seed
 * generator lands. Ids are real MAL ids where a real title is named.
 */
export function seedTitle(key: string, fields: Partial<SeedTitle> & { romaji: string; mal?: number }): SeedTitle {
  const { romaji, mal, ...rest } = fields;
  return {
    key,
    kind: 'anime',
    titles: { romaji, english: null, native: null, synonyms: [] },
    format: 'TV',
    year: 2016,
    season: 'FALL',
    episodes: 12,
    episodeMinutes: 24,
    chapters: null,
    volumes: null,
    genres: ['Drama'],
    averageScore: 80,
    description: `About ${romaji}.`,
    isAdult: false,
    ids: mal === undefined ? {} : { mal },
    ...rest,
  };
}

export function seedEntry(titleKey: string, fields: Partial<SeedListEntry> = {}): SeedListEntry {
  return {
    titleKey,
    status: 'CURRENT',
    progress: 0,
    progressVolumes: null,
    score: 0,
    startedAt: null,
    completedAt: null,
    repeat: 0,
    notes: null,
    private: false,
    hiddenFromStatusLists: false,
    updatedAt: Date.UTC(2026, 0, 1) / 1000,
    ...fields,
  };
}

export function seedWorld(titles: SeedTitle[], malList: SeedListEntry[]): SeedWorld {
  return {
    seed: 'small',
    users: {
      anilist: { id: 1, name: 'kizuna', scoreFormat: 'POINT_10' },
      mal: { id: 6548478, name: 'kizuna_mal' },
      trakt: { username: 'kizuna', slug: 'kizuna', name: 'Kizuna', vip: false, watchlistLimit: 100, listLimit: 2 },
      plex: { id: 1, uuid: 'u', username: 'kizuna', email: 'k@example.invalid', serverName: 'Home', machineIdentifier: 'm' },
    },
    titles,
    shows: [],
    lists: { anilist: [], mal: malList },
    plex: { libraries: [], watched: [], moviesWatched: [], ratings: [], tracks: [] },
    trakt: { watchlist: [], history: [], ratings: [] },
    landmarks: {},
  };
}

/** A few titles covering what the tests look at: a rewatch, an adult title, a manga, a title MAL lacks. */
export function smallWorld(): SeedWorld {
  const titles = [
    seedTitle('al:21647', { romaji: '3-gatsu no Lion', mal: 31646, titles: { romaji: '3-gatsu no Lion', english: 'March Comes in Like a Lion', native: '3月のライオン', synonyms: ['Sangatsu no Lion'] }, episodes: 22 }),
    seedTitle('al:21366', { romaji: '91 Days', mal: 32998, episodes: 12, year: 2016, season: 'SUMMER', genres: ['Action', 'Drama'] }),
    seedTitle('al:9201', { romaji: 'Air Gear Special', mal: 9201, format: 'OVA', episodes: 3, year: 2010, season: 'WINTER', averageScore: null }),
    seedTitle('al:99999', { romaji: 'Adult Only Title', mal: 99999, isAdult: true, genres: ['Hentai'], year: 2012 }),
    seedTitle('al:30013', { romaji: 'Berserk', mal: 2, kind: 'manga', format: 'MANGA', episodes: null, chapters: 380, volumes: 42, year: 1989, season: null }),
    seedTitle('al:5', { romaji: 'Only On AniList', episodes: 13 }),
    seedTitle('al:5114', { romaji: 'Fullmetal Alchemist: Brotherhood', mal: 5114, episodes: 64, year: 2009, season: 'SPRING', genres: ['Action', 'Adventure'] }),
  ];
  const list = [
    seedEntry('al:21647', { status: 'REPEATING', progress: 22, score: 90, repeat: 1, startedAt: '2017-01-02', completedAt: '2017-06-30', notes: 'again', updatedAt: Date.UTC(2026, 1, 1) / 1000 }),
    seedEntry('al:21366', { status: 'PLANNING', updatedAt: Date.UTC(2026, 2, 1) / 1000 }),
    seedEntry('al:9201', { status: 'PAUSED', progress: 1, score: 55 }),
    seedEntry('al:99999', { status: 'COMPLETED', progress: 12, score: 40 }),
    seedEntry('al:30013', { status: 'CURRENT', progress: 120, progressVolumes: 14, score: 100 }),
    seedEntry('al:5', { status: 'CURRENT', progress: 3 }),
  ];
  return seedWorld(titles, list);
}

/** `count` anime on the list, MAL ids 100001…, for paging across more than one 1000-entry page. */
export function bigWorld(count: number): SeedWorld {
  const titles: SeedTitle[] = [];
  const list: SeedListEntry[] = [];
  for (let i = 0; i < count; i++) {
    const key = `al:${500_000 + i}`;
    titles.push(seedTitle(key, { romaji: `Paged Title ${String(i).padStart(5, '0')}`, mal: 100_001 + i, isAdult: i % 500 === 499 }));
    list.push(seedEntry(key, { status: i % 3 === 0 ? 'COMPLETED' : 'CURRENT', progress: i % 12, score: (i % 11) * 10, updatedAt: Date.UTC(2025, 0, 1) / 1000 + i }));
  }
  return seedWorld(titles, list);
}
