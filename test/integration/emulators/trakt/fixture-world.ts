import type { SeedShow, SeedTitle, SeedWorld } from '../../../emulators/seed/world';

/**
 * A tiny hand-made world for the Trakt emulator's tests (the seed generator is built separately): an anime
 * with specials and two cours on TVDB seasons 1 and 2, an anime movie, a live-action movie, a non-anime
 * show, and a Trakt watchlist, history and ratings over them. Ids are the real ones where known.
 */

const at = (iso: string) => Math.floor(Date.parse(iso) / 1000);

function title(partial: Partial<SeedTitle> & Pick<SeedTitle, 'key' | 'kind' | 'format'> & { romaji: string; english?: string | null }): SeedTitle {
  const { romaji, english = null, ...rest } = partial;
  return {
    titles: { romaji, english, native: null, synonyms: [] },
    year: null,
    season: null,
    episodes: null,
    episodeMinutes: null,
    chapters: null,
    volumes: null,
    genres: [],
    averageScore: null,
    description: '',
    isAdult: false,
    ids: {},
    ...rest,
  };
}

export const titles: SeedTitle[] = [
  title({ key: 'al:16498', kind: 'anime', format: 'TV', romaji: 'Shingeki no Kyojin', english: 'Attack on Titan', year: 2013, season: 'SPRING', episodes: 25, episodeMinutes: 24, genres: ['Action', 'Drama', 'Fantasy'], averageScore: 85, ids: { anilist: 16498, mal: 16498, tvdb: 267440 }, tvdb: { showKey: 'tvdb:267440', season: 1, episodeOffset: 0 } }),
  title({ key: 'al:20958', kind: 'anime', format: 'TV', romaji: 'Shingeki no Kyojin 2', english: 'Attack on Titan Season 2', year: 2017, season: 'SPRING', episodes: 12, episodeMinutes: 24, genres: ['Action', 'Drama'], averageScore: 84, ids: { anilist: 20958, mal: 25777 }, tvdb: { showKey: 'tvdb:267440', season: 2, episodeOffset: 0 } }),
  title({ key: 'al:21519', kind: 'anime', format: 'MOVIE', romaji: 'Kimi no Na wa.', english: 'Your Name.', year: 2016, season: 'SUMMER', episodes: 1, episodeMinutes: 106, genres: ['Romance', 'Drama', 'Supernatural'], averageScore: 86, ids: { anilist: 21519, mal: 32281, tmdbMovie: 372058, imdb: 'tt5311514' } }),
  title({ key: 'tm:27205', kind: 'movie', format: 'MOVIE', romaji: 'Inception', english: 'Inception', year: 2010, episodeMinutes: 148, genres: ['Action', 'Sci-Fi'], averageScore: 84, description: 'A thief who steals corporate secrets through dream-sharing technology.', ids: { tmdbMovie: 27205, imdb: 'tt1375666', trakt: 16662, traktSlug: 'inception-2010' } }),
  title({ key: 'tm:155', kind: 'movie', format: 'MOVIE', romaji: 'The Dark Knight', english: 'The Dark Knight', year: 2008, episodeMinutes: 152, genres: ['Action', 'Crime', 'Drama'], averageScore: 90, ids: { tmdbMovie: 155, imdb: 'tt0468569', trakt: 120, traktSlug: 'the-dark-knight-2008' } }),
];

export const shows: SeedShow[] = [
  {
    key: 'tvdb:267440',
    kind: 'anime',
    title: 'Attack on Titan',
    year: 2013,
    ids: { tvdb: 267440, tmdbShow: 1429, imdb: 'tt2560140', trakt: 1420, traktSlug: 'attack-on-titan' },
    genres: ['Action', 'Drama', 'Fantasy'],
    overview: 'Humanity fights for survival against giant man-eating Titans.',
    rating: 8.7,
    seasons: [
      { number: 0, episodeCount: 2, titleKeys: [] },
      { number: 1, episodeCount: 25, titleKeys: ['al:16498'] },
      { number: 2, episodeCount: 12, titleKeys: ['al:20958'] },
    ],
    absoluteNumbering: false,
  },
  {
    key: 'tvdb:81189',
    kind: 'show',
    title: 'Breaking Bad',
    year: 2008,
    ids: { tvdb: 81189, tmdbShow: 1396, imdb: 'tt0903747', trakt: 1388, traktSlug: 'breaking-bad' },
    genres: ['Drama', 'Crime', 'Thriller'],
    overview: 'A chemistry teacher diagnosed with cancer turns to making methamphetamine.',
    rating: 9.3,
    seasons: [
      { number: 1, episodeCount: 7, titleKeys: [] },
      { number: 2, episodeCount: 13, titleKeys: [] },
    ],
    absoluteNumbering: false,
  },
];

export function fixtureWorld(overrides: Partial<SeedWorld['users']['trakt']> = {}): SeedWorld {
  return {
    seed: 'small',
    users: {
      anilist: { id: 1, name: 'kizuna-demo', scoreFormat: 'POINT_10' },
      mal: { id: 1, name: 'kizuna-demo' },
      trakt: { username: 'kizuna-demo', slug: 'kizuna-demo', name: 'Kizuna Demo', vip: false, watchlistLimit: 250, listLimit: 5, ...overrides },
      plex: { id: 1, uuid: 'u', username: 'kizuna-demo', email: 'demo@example.invalid', serverName: 'Demo', machineIdentifier: 'm' },
    },
    titles,
    shows,
    lists: { anilist: [], mal: [] },
    plex: { libraries: [], watched: [], moviesWatched: [], ratings: [], tracks: [] },
    trakt: {
      watchlist: [
        { type: 'movie', key: 'tm:27205', listedAt: at('2025-01-10T10:00:00Z') },
        { type: 'show', key: 'tvdb:81189', listedAt: at('2025-02-10T10:00:00Z') },
        { type: 'season', key: 'tvdb:267440', season: 2, listedAt: at('2025-03-10T10:00:00Z') },
      ],
      history: [
        { type: 'episode', key: 'tvdb:267440', season: 1, episode: 1, watchedAt: at('2025-04-01T20:00:00Z') },
        { type: 'episode', key: 'tvdb:267440', season: 1, episode: 2, watchedAt: at('2025-04-02T20:00:00Z') },
        { type: 'movie', key: 'al:21519', watchedAt: at('2025-05-01T20:00:00Z') },
      ],
      ratings: [
        { type: 'show', key: 'tvdb:267440', rating: 9, ratedAt: at('2025-04-03T20:00:00Z') },
        { type: 'movie', key: 'tm:27205', rating: 8, ratedAt: at('2025-01-11T20:00:00Z') },
      ],
    },
    landmarks: {},
  };
}
