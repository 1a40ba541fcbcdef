import { hashString } from '../common/random';
import type { MediaFormat, SeedTitle } from '../seed/world';

export type MalKind = 'anime' | 'manga';

/** One anime or manga as MAL's database holds it, built once from a seed title that has a MAL id. */
export interface MalWork {
  kind: MalKind;
  id: number;
  title: string;
  alternativeTitles: { synonyms: string[]; en: string; ja: string };
  startDate: string | null;
  endDate: string | null;
  synopsis: string;
  /** Absent when the seed has no score: the spec says `mean` is left out when it cannot be calculated. */
  mean: number | null;
  rank: number | null;
  popularity: number;
  numListUsers: number;
  numScoringUsers: number;
  nsfw: 'white' | 'gray' | 'black';
  genres: Array<{ id: number; name: string }>;
  mediaType: string;
  status: string;
  /** Episodes for anime; 0 when unknown, as the spec says. */
  numEpisodes: number;
  numChapters: number;
  numVolumes: number;
  startSeason: { year: number; season: 'winter' | 'spring' | 'summer' | 'fall' } | null;
  averageEpisodeDuration: number;
  rating: string;
  source: string;
  createdAt: string;
  updatedAt: string;
  /** Words the search matches against: every title and synonym, lower-cased. */
  searchText: string[];
}

/**
 * MAL's media_type values (spec: AnimeForList.media_type, MangaForList.media_type). MAL has no TV-short
 * type, so AniList's TV_SHORT is a plain tv entry there; AniList's NOVEL is almost always a light novel.
 */
const mediaTypes: Record<MediaFormat, string> = {
  TV: 'tv',
  TV_SHORT: 'tv',
  MOVIE: 'movie',
  SPECIAL: 'special',
  OVA: 'ova',
  ONA: 'ona',
  MUSIC: 'music',
  MANGA: 'manga',
  NOVEL: 'light_novel',
  ONE_SHOT: 'one_shot',
};

/** MAL's own genre ids (myanimelist.net/anime/genre/N), so genre links look like the real ones. */
const genreIds: Record<string, number> = {
  Action: 1,
  Adventure: 2,
  Comedy: 4,
  Mystery: 7,
  Drama: 8,
  Ecchi: 9,
  Fantasy: 10,
  Hentai: 12,
  Horror: 14,
  Mecha: 18,
  Music: 19,
  Romance: 22,
  'Sci-Fi': 24,
  Sports: 30,
  'Slice of Life': 36,
  Supernatural: 37,
  Psychological: 40,
  Thriller: 41,
  'Mahou Shoujo': 66,
};

const seasonMonths = { WINTER: 1, SPRING: 4, SUMMER: 7, FALL: 10 } as const;

/** The catalogue year: titles from it on are still airing (the seed's clock starts in November 2026). */
const CURRENT_YEAR = 2026;

export function buildCatalogue(titles: readonly SeedTitle[]): { anime: Map<number, MalWork>; manga: Map<number, MalWork> } {
  const anime = new Map<number, MalWork>();
  const manga = new Map<number, MalWork>();
  for (const title of titles) {
    const id = title.ids.mal;
    if (id === undefined || (title.kind !== 'anime' && title.kind !== 'manga')) continue;
    const works = title.kind === 'anime' ? anime : manga;
    // Several AniList entries can map to one MAL entry (MAL merges some that AniList splits); the first wins.
    if (!works.has(id)) works.set(id, toWork(title, id, title.kind));
  }
  return { anime, manga };
}

function toWork(title: SeedTitle, id: number, kind: MalKind): MalWork {
  const noise = hashString(`mal:${kind}:${id}`);
  const start = startDate(title, noise);
  const airing = title.year !== null && title.year >= CURRENT_YEAR;
  const ecchi = title.genres.includes('Ecchi');
  const numListUsers = 1000 + (noise % 900_000);
  return {
    kind,
    id,
    title: title.titles.romaji,
    // MAL returns empty strings, not nulls, for missing English or Japanese titles.
    alternativeTitles: { synonyms: [...title.titles.synonyms], en: title.titles.english ?? '', ja: title.titles.native ?? '' },
    startDate: start,
    endDate: airing || start === null ? null : endDate(title, start),
    synopsis: title.description,
    mean: title.averageScore === null ? null : Math.round(title.averageScore * 10) / 100,
    rank: title.averageScore === null ? null : 1 + (noise % 20_000),
    popularity: 1 + (noise % 25_000),
    numListUsers,
    numScoringUsers: Math.floor(numListUsers * 0.6),
    // nsfw: black for adult titles, gray for ecchi (spec: WorkForList.nsfw).
    nsfw: title.isAdult ? 'black' : ecchi ? 'gray' : 'white',
    genres: title.genres.map((name) => ({ id: genreIds[name] ?? 100 + (hashString(name) % 900), name })),
    mediaType: mediaTypes[title.format],
    status: statusOf(kind, title.year, airing),
    numEpisodes: kind === 'anime' ? (title.episodes ?? 0) : 0,
    numChapters: kind === 'manga' ? (title.chapters ?? 0) : 0,
    numVolumes: kind === 'manga' ? (title.volumes ?? 0) : 0,
    startSeason: kind === 'anime' && title.year !== null && title.season ? { year: title.year, season: title.season.toLowerCase() as 'winter' } : null,
    averageEpisodeDuration: (title.episodeMinutes ?? 24) * 60,
    rating: title.isAdult ? 'rx' : ecchi ? 'r+' : 'pg_13',
    source: kind === 'anime' ? 'manga' : 'original',
    createdAt: '2015-03-02T06:03:11+00:00',
    updatedAt: '2024-04-25T09:14:14+00:00',
    searchText: [title.titles.romaji, title.titles.english, title.titles.native, ...title.titles.synonyms]
      .filter((text): text is string => typeof text === 'string' && text.length > 0)
      .map((text) => text.toLowerCase()),
  };
}

function statusOf(kind: MalKind, year: number | null, airing: boolean): string {
  if (kind === 'anime') return year === null ? 'not_yet_aired' : airing ? 'currently_airing' : 'finished_airing';
  return year === null ? 'not_yet_published' : airing ? 'currently_publishing' : 'finished';
}

/** MAL dates may be "2017", "2017-10" or "2017-10-23" (spec: Date / Time format); the seed knows year and season. */
function startDate(title: SeedTitle, noise: number): string | null {
  if (title.year === null) return null;
  const month = title.season ? seasonMonths[title.season] + (noise % 3) : 1 + (noise % 12);
  const day = 1 + (noise % 28);
  return `${title.year}-${pad(month)}-${pad(day)}`;
}

function endDate(title: SeedTitle, start: string): string {
  // One episode or chapter a week.
  const weeks = Math.max(0, (title.episodes ?? title.chapters ?? 1) - 1);
  const date = new Date(`${start}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + weeks * 7);
  return date.toISOString().slice(0, 10);
}

function pad(value: number): string {
  return String(value).padStart(2, '0');
}
