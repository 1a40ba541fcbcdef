import { firstAired, type EpisodeRecord, type MediaRecord, type MovieRecord, type SeasonRecord, type ShowRecord } from './catalogue-types';

/**
 * Trakt's standard media objects. By default every method returns minimal info (title, year, ids);
 * `?extended=full` adds the complete object and `images` the image arrays ("Extended Info" in the API's
 * introduction). Shapes follow the spec's search result schemas so the contract tests can check them.
 */
export interface Extended {
  full: boolean;
  images: boolean;
}

export function parseExtended(query: URLSearchParams): Extended {
  const levels = (query.get('extended') ?? '').split(',').map((level) => level.trim());
  return { full: levels.includes('full'), images: levels.includes('images') };
}

// The catalogue does not change; one fixed stamp keeps responses reproducible.
const updatedAt = '2026-01-01T00:00:00.000Z';

const noImages = () => ({ fanart: [] as string[], poster: [] as string[], logo: [] as string[], clearart: [] as string[], banner: [] as string[], thumb: [] as string[] });

export function movieObject(movie: MovieRecord, extended: Extended): Record<string, unknown> {
  const minimal = { title: movie.title, year: movie.year, ids: { ...movie.ids } };
  const images = extended.images ? { images: noImages() } : {};
  if (!extended.full) return { ...minimal, ...images };
  return {
    ...minimal,
    ...images,
    tagline: '',
    overview: movie.overview,
    released: movie.released,
    runtime: movie.runtime,
    country: movie.country,
    trailer: null,
    homepage: null,
    status: 'released',
    rating: movie.rating,
    votes: movie.votes,
    comment_count: 0,
    updated_at: updatedAt,
    language: movie.language,
    languages: [movie.language],
    available_translations: [movie.language, 'en'].filter((value, index, all) => all.indexOf(value) === index),
    genres: [...movie.genres],
    subgenres: [],
    certification: movie.certification,
    original_title: movie.originalTitle,
    after_credits: false,
    during_credits: false,
  };
}

export function showObject(show: ShowRecord, extended: Extended): Record<string, unknown> {
  const minimal = { title: show.title, year: show.year, ids: { ...show.ids } };
  const images = extended.images ? { images: noImages() } : {};
  if (!extended.full) return { ...minimal, ...images };
  const aired = show.seasons.filter((season) => season.number > 0).reduce((sum, season) => sum + season.episodes.length, 0);
  return {
    ...minimal,
    ...images,
    tagline: '',
    overview: show.overview,
    first_aired: show.firstAired,
    airs: { day: 'Sunday', time: show.language === 'ja' ? '00:00' : '21:00', timezone: show.language === 'ja' ? 'Asia/Tokyo' : 'America/New_York' },
    runtime: show.runtime,
    certification: show.certification,
    network: show.network,
    country: show.country,
    trailer: null,
    homepage: null,
    status: show.status,
    rating: show.rating,
    votes: show.votes,
    comment_count: 0,
    updated_at: updatedAt,
    language: show.language,
    languages: [show.language],
    available_translations: [show.language, 'en'].filter((value, index, all) => all.indexOf(value) === index),
    genres: [...show.genres],
    subgenres: [],
    aired_episodes: aired,
    original_title: show.originalTitle,
  };
}

export function seasonObject(season: SeasonRecord, extended: Extended): Record<string, unknown> {
  const minimal = { number: season.number, ids: { ...season.ids } };
  const images = extended.images ? { images: { poster: [] as string[], thumb: [] as string[] } } : {};
  if (!extended.full) return { ...minimal, ...images };
  return {
    ...minimal,
    ...images,
    rating: season.show.rating,
    votes: Math.floor(season.show.votes / 10),
    episode_count: season.episodes.length,
    aired_episodes: season.episodes.length,
    title: season.number === 0 ? 'Specials' : `Season ${season.number}`,
    overview: null,
    first_aired: season.firstAired,
    updated_at: updatedAt,
    network: season.show.network,
    original_title: null,
  };
}

export function episodeObject(episode: EpisodeRecord, extended: Extended): Record<string, unknown> {
  const minimal = { season: episode.season, number: episode.number, title: episode.title, ids: { ...episode.ids } };
  const images = extended.images ? { images: { screenshot: [] as string[] } } : {};
  if (!extended.full) return { ...minimal, ...images };
  return {
    ...minimal,
    ...images,
    number_abs: episode.numberAbs,
    overview: null,
    rating: episode.show.rating,
    votes: Math.floor(episode.show.votes / 100),
    comment_count: 0,
    first_aired: firstAired(episode),
    updated_at: updatedAt,
    available_translations: ['en'],
    runtime: episode.runtime,
    episode_type: episodeType(episode),
    original_title: null,
  };
}

function episodeType(episode: EpisodeRecord): string {
  const seasons = episode.show.seasons.filter((season) => season.number > 0);
  const season = episode.show.seasons.find((candidate) => candidate.number === episode.season);
  const last = season ? season.episodes.length : 0;
  if (episode.season === 0) return 'standard';
  if (episode.number === 1) return seasons[0]?.number === episode.season ? 'series_premiere' : 'season_premiere';
  if (episode.number === last) return seasons.at(-1)?.number === episode.season ? 'series_finale' : 'season_finale';
  return 'standard';
}

/**
 * The `{type, movie}` / `{type, season, show}` / `{type, episode, show}` members that watchlist, history and
 * ratings items carry (seasons and episodes come with their show).
 */
export function itemMembers(record: MediaRecord, extended: Extended): Record<string, unknown> {
  switch (record.type) {
    case 'movie':
      return { type: 'movie', movie: movieObject(record, extended) };
    case 'show':
      return { type: 'show', show: showObject(record, extended) };
    case 'season':
      return { type: 'season', season: seasonObject(record, extended), show: showObject(record.show, extended) };
    case 'episode':
      return { type: 'episode', episode: episodeObject(record, extended), show: showObject(record.show, extended) };
  }
}

export function isoTime(ms: number): string {
  return new Date(ms).toISOString();
}
