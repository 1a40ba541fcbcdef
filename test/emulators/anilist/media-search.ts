import type { MediaRecord } from './state';

/**
 * The Media filters of `Media(…)` and `Page { media(…) }` that the app uses, over the in-memory catalogue.
 * Arguments the emulator does not implement (tags, studios, airing, licences…) are ignored, which only
 * widens a result; the contract tests pin the ones the app sends.
 *
 * AniList's `search` is a full-text search over every title and synonym. The emulator matches case- and
 * accent-insensitively, word by word, and ranks exact, then prefix, then phrase, then word matches
 * (SEARCH_MATCH), breaking ties by popularity, as the site's search does.
 */

export type MediaArgs = Record<string, unknown>;

export function normalise(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** 0 best … 3 worst; undefined when the search does not match at all. */
export function searchRank(media: MediaRecord, search: string): number | undefined {
  const wanted = normalise(search);
  if (wanted === '') return 3;
  const words = wanted.split(' ');
  let best: number | undefined;
  for (const title of [media.title.romaji, media.title.english, media.title.native, ...media.synonyms]) {
    if (!title) continue;
    const have = normalise(title);
    const rank = have === wanted ? 0 : have.startsWith(wanted) ? 1 : have.includes(wanted) ? 2 : words.every((word) => have.includes(word)) ? 3 : undefined;
    if (rank !== undefined && (best === undefined || rank < best)) best = rank;
  }
  return best;
}

type Test = (media: MediaRecord, value: unknown) => boolean;
const list = (value: unknown) => (Array.isArray(value) ? value : []);

const tests: Record<string, Test> = {
  id: (media, value) => media.id === value,
  id_not: (media, value) => media.id !== value,
  id_in: (media, value) => list(value).includes(media.id),
  id_not_in: (media, value) => !list(value).includes(media.id),
  idMal: (media, value) => media.idMal === value,
  idMal_not: (media, value) => media.idMal !== value,
  idMal_in: (media, value) => media.idMal !== null && list(value).includes(media.idMal),
  idMal_not_in: (media, value) => media.idMal === null || !list(value).includes(media.idMal),
  type: (media, value) => media.type === value,
  format: (media, value) => media.format === value,
  format_not: (media, value) => media.format !== value,
  format_in: (media, value) => list(value).includes(media.format),
  format_not_in: (media, value) => !list(value).includes(media.format),
  status: (media, value) => media.status === value,
  status_in: (media, value) => list(value).includes(media.status),
  season: (media, value) => media.season === value,
  seasonYear: (media, value) => media.seasonYear === value,
  isAdult: (media, value) => media.isAdult === value,
  genre: (media, value) => media.genres.includes(String(value)),
  genre_in: (media, value) => list(value).some((genre) => media.genres.includes(String(genre))),
  genre_not_in: (media, value) => !list(value).some((genre) => media.genres.includes(String(genre))),
  episodes: (media, value) => media.episodes === value,
  chapters: (media, value) => media.chapters === value,
  search: (media, value) => searchRank(media, String(value)) !== undefined,
};

export function filterMedia(all: Iterable<MediaRecord>, args: MediaArgs): MediaRecord[] {
  const active = Object.entries(args).filter(([key, value]) => value !== undefined && value !== null && tests[key]);
  const rows: MediaRecord[] = [];
  for (const media of all) if (active.every(([key, value]) => tests[key]!(media, value))) rows.push(media);
  return sortMedia(rows, args);
}

type Key = (media: MediaRecord) => number | string | null;
const sortKeys: Record<string, Key> = {
  ID: (media) => media.id,
  TITLE_ROMAJI: (media) => media.title.romaji.toLowerCase(),
  TITLE_ENGLISH: (media) => media.title.english?.toLowerCase() ?? null,
  TITLE_NATIVE: (media) => media.title.native ?? null,
  TYPE: (media) => media.type,
  FORMAT: (media) => media.format,
  START_DATE: (media) => (media.startDate.year === null ? null : media.startDate.year * 10_000 + (media.startDate.month ?? 0) * 100 + (media.startDate.day ?? 0)),
  SCORE: (media) => media.averageScore,
  POPULARITY: (media) => media.popularity,
  TRENDING: (media) => media.popularity,
  FAVOURITES: (media) => media.popularity,
  EPISODES: (media) => media.episodes,
  DURATION: (media) => media.duration,
  STATUS: (media) => media.status,
  CHAPTERS: (media) => media.chapters,
  VOLUMES: (media) => media.volumes,
  UPDATED_AT: (media) => media.updatedAt,
};

function sortMedia(rows: MediaRecord[], args: MediaArgs): MediaRecord[] {
  const search = typeof args.search === 'string' ? args.search : undefined;
  const requested = list(args.sort).map(String);
  const sorts = requested.length > 0 ? requested : search !== undefined ? ['SEARCH_MATCH'] : ['ID'];
  const comparators = sorts.map((sort) => comparator(sort, search));
  return rows.sort((a, b) => {
    for (const compare of comparators) {
      const order = compare(a, b);
      if (order !== 0) return order;
    }
    return a.id - b.id;
  });
}

function comparator(sort: string, search: string | undefined): (a: MediaRecord, b: MediaRecord) => number {
  if (sort === 'SEARCH_MATCH') {
    if (search === undefined) return () => 0;
    return (a, b) => (searchRank(a, search) ?? 9) - (searchRank(b, search) ?? 9) || b.popularity - a.popularity;
  }
  const descending = sort.endsWith('_DESC');
  const key = sortKeys[descending ? sort.slice(0, -5) : sort];
  if (!key) return () => 0;
  return (a, b) => {
    const left = key(a);
    const right = key(b);
    // Missing values go last whichever way the sort runs.
    if (left === null || right === null) return left === right ? 0 : left === null ? 1 : -1;
    const order = left < right ? -1 : left > right ? 1 : 0;
    return descending ? -order : order;
  };
}
