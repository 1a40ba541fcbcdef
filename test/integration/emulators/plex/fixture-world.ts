import type { SeedShow, SeedTitle, SeedWorld } from '../../../emulators/seed/world';

/**
 * A small hand-made world for the Plex emulator's tests, until the seed generator's worlds are available:
 * a split cour (Spy x Family: AniList 140960 and 142838 share TVDB season 1, real ids), an absolutely numbered
 * show with a special (fictional ids in the 9xxxxx range), a TV show, an anime movie, a live-action movie, an
 * unmatched home video and a small music library.
 */

function title(key: string, name: string, fields: Partial<SeedTitle>): SeedTitle {
  return {
    key,
    kind: 'anime',
    titles: { romaji: name, english: name, native: null, synonyms: [] },
    format: 'TV',
    year: 2022,
    season: null,
    episodes: 12,
    episodeMinutes: 24,
    chapters: null,
    volumes: null,
    genres: ['Action'],
    averageScore: 80,
    description: `${name}.`,
    isAdult: false,
    ids: {},
    ...fields,
  };
}

function show(key: string, name: string, fields: Partial<SeedShow> & Pick<SeedShow, 'seasons'>): SeedShow {
  return { key, kind: 'anime', title: name, year: 2022, ids: {}, genres: ['Animation'], overview: `${name}.`, rating: 8, absoluteNumbering: false, ...fields };
}

export const keys = {
  splitShow: 'tvdb:405920',
  absoluteShow: 'tvdb:900001',
  tvShow: 'tvdb:121361',
  animeMovie: 'al:20954',
  movie: 'tm:603',
  unmatched: 'tm:unmatched',
} as const;

export function fixtureWorld(): SeedWorld {
  return {
    seed: 'small',
    users: {
      anilist: { id: 1, name: 'kizuna', scoreFormat: 'POINT_100' },
      mal: { id: 1, name: 'kizuna' },
      trakt: { username: 'kizuna', slug: 'kizuna', name: 'Kizuna', vip: false, watchlistLimit: 100, listLimit: 2 },
      plex: { id: 12345678, uuid: 'a4f43c1ebfde43a5', username: 'kizuna-demo', email: 'kizuna-demo@example.com', serverName: 'Kizuna Test Server', machineIdentifier: '546684a3d18ac5c39037360ec9ce900b7af9cc36' },
    },
    titles: [
      title('al:140960', 'SPY x FAMILY', { ids: { anilist: 140960, mal: 50265, tvdb: 405920 }, tvdb: { showKey: keys.splitShow, season: 1, episodeOffset: 0 } }),
      title('al:142838', 'SPY x FAMILY Part 2', { episodes: 13, ids: { anilist: 142838, mal: 50602, tvdb: 405920 }, tvdb: { showKey: keys.splitShow, season: 1, episodeOffset: 12 } }),
      title('al:900011', 'Long Runner', { episodes: 50, episodeMinutes: 23, ids: { anilist: 900011 }, tvdb: { showKey: keys.absoluteShow, season: 1, episodeOffset: 0 } }),
      title('al:900012', 'Long Runner Part 2', { episodes: 50, episodeMinutes: 23, ids: { anilist: 900012 }, tvdb: { showKey: keys.absoluteShow, season: 1, episodeOffset: 50 } }),
      title('al:900013', 'Long Runner Special', { format: 'SPECIAL', episodes: 1, ids: { anilist: 900013 }, tvdb: { showKey: keys.absoluteShow, season: 0, episodeOffset: 0 } }),
      title(keys.animeMovie, 'A Silent Voice', { format: 'MOVIE', episodes: 1, episodeMinutes: 130, year: 2016, titles: { romaji: 'Koe no Katachi', english: 'A Silent Voice', native: '聲の形', synonyms: [] }, ids: { anilist: 20954, tmdbMovie: 378064, imdb: 'tt5323662' } }),
      title(keys.movie, 'The Matrix', { kind: 'movie', format: 'MOVIE', episodes: 1, episodeMinutes: 136, year: 1999, ids: { tmdbMovie: 603, imdb: 'tt0133093' } }),
      title(keys.unmatched, 'Home Video 2019', { kind: 'movie', format: 'MOVIE', episodes: 1, episodeMinutes: 12, year: 2019 }),
    ],
    shows: [
      show(keys.splitShow, 'SPY x FAMILY', { ids: { tvdb: 405920, tmdbShow: 120089, imdb: 'tt13706018' }, seasons: [{ number: 1, episodeCount: 25, titleKeys: ['al:140960', 'al:142838'] }] }),
      show(keys.absoluteShow, 'Long Runner', {
        absoluteNumbering: true,
        ids: { tvdb: 900001 },
        seasons: [
          { number: 1, episodeCount: 100, titleKeys: ['al:900011', 'al:900012'] },
          { number: 0, episodeCount: 1, titleKeys: ['al:900013'] },
        ],
      }),
      show(keys.tvShow, 'Game of Thrones', {
        kind: 'show',
        year: 2011,
        ids: { tvdb: 121361, tmdbShow: 1399, imdb: 'tt0944947' },
        seasons: [
          { number: 1, episodeCount: 10, titleKeys: [] },
          { number: 2, episodeCount: 10, titleKeys: [] },
        ],
      }),
    ],
    lists: { anilist: [], mal: [] },
    plex: {
      libraries: [
        { key: 'anime', title: 'Anime', type: 'show', holds: 'anime', itemKeys: [keys.splitShow, keys.absoluteShow] },
        { key: 'tv', title: 'TV Shows', type: 'show', holds: 'shows', itemKeys: [keys.tvShow] },
        { key: 'movies', title: 'Movies', type: 'movie', holds: 'movies', itemKeys: [keys.animeMovie, keys.movie, keys.unmatched] },
        { key: 'music', title: 'Music', type: 'artist', holds: 'music', itemKeys: [] },
      ],
      watched: [
        { showKey: keys.splitShow, season: 1, episode: 1, viewedAt: 1_700_000_000, viewCount: 1 },
        { showKey: keys.splitShow, season: 1, episode: 13, viewedAt: 1_700_100_000, viewCount: 2 },
        { showKey: keys.absoluteShow, season: 1, episode: 51, viewedAt: 1_700_200_000, viewCount: 1 },
        { showKey: keys.tvShow, season: 1, episode: 1, viewedAt: 1_600_000_000, viewCount: 1 },
      ],
      moviesWatched: [{ titleKey: keys.movie, viewedAt: 1_650_000_000, viewCount: 3 }],
      ratings: [
        { key: keys.tvShow, rating: 9 },
        { key: keys.movie, rating: 8 },
      ],
      tracks: [
        { key: 'tr:1', title: 'Yoru ni Kakeru', artist: 'YOASOBI', album: 'THE BOOK', year: 2021, trackNumber: 2, durationMs: 261_000 },
        { key: 'tr:2', title: 'Encore', artist: 'YOASOBI', album: 'THE BOOK', year: 2021, trackNumber: 1, durationMs: 198_000 },
        { key: 'tr:3', title: 'Idol', artist: 'YOASOBI', album: 'THE BOOK 3', year: 2023, trackNumber: 1, durationMs: 213_000 },
        { key: 'tr:4', title: 'Ref:rain', artist: 'Aimer', album: 'Penny Rain', year: 2019, trackNumber: 1, durationMs: 310_000 },
        { key: 'tr:5', title: 'Cry Baby', artist: 'Official HIGE DANdism', album: 'Editorial', year: 2021, trackNumber: 3, durationMs: 240_000 },
      ],
    },
    trakt: { watchlist: [], history: [], ratings: [] },
    landmarks: { splitCour: keys.splitShow, absoluteNumbering: keys.absoluteShow, unmatched: keys.unmatched },
  };
}
