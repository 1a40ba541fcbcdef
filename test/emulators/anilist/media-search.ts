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

/** Normalised titles per media, worked out once: searches run over the whole catalogue (13k titles in 10k). */
const normalisedTitles = new WeakMap<MediaRecord, string[]>();

function titlesOf(media: MediaRecord): string[] {
  let titles = normalisedTitles.get(media);
  if (!titles) {
    titles = [media.title.romaji, media.title.english, media.title.native, ...media.synonyms].filter((title): title is string => Boolean(title)).map(normalise);
    normalisedTitles.set(media, titles);
  }
  return titles;
}

/** A ranker for one search: 0 best … 3 worst; undefined when a media does not match at all. */
export function searchRanker(search: string): (media: MediaRecord) => number | undefined {
  const wanted = normalise(search);
  const words = wanted.split(' ');
  return (media) => {
    if (wanted === '') return 3;
    let best: number | undefined;
    for (const have of titlesOf(media)) {
      const rank = have === wanted ? 0 : have.startsWith(wanted) ? 1 : have.includes(wanted) ? 2 : words.every((word) => have.includes(word)) ? 3 : undefined;
      if (rank !== undefined && (best === undefined || rank < best)) best = rank;
    }
    return best;
  };
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
};

export function filterMedia(all: Iterable<MediaRecord>, args: MediaArgs): MediaRecord[] {
  const active = Object.entries(args).filter(([key, value]) => value !== undefined && value !== null && tests[key]);
  const search = typeof args.search === 'string' ? args.search : undefined;
  const rank = search === undefined ? undefined : searchRanker(search);
  const ranks = new Map<MediaRecord, number>();
  const rows: MediaRecord[] = [];
  for (const media of all) {
    if (!active.every(([key, value]) => tests[key]!(media, value))) continue;
    if (rank) {
      const found = rank(media);
      if (found === undefined) continue;
      ranks.set(media, found);
    }
    rows.push(media);
  }
  return sortMedia(rows, args, ranks);
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

function sortMedia(rows: MediaRecord[], args: MediaArgs, ranks: Map<MediaRecord, number>): MediaRecord[] {
  const requested = list(args.sort).map(String);
  const sorts = requested.length > 0 ? requested : typeof args.search === 'string' ? ['SEARCH_MATCH'] : ['ID'];
  const comparators = sorts.map((sort) => comparator(sort, ranks));
  return rows.sort((a, b) => {
    for (const compare of comparators) {
      const order = compare(a, b);
      if (order !== 0) return order;
    }
    return a.id - b.id;
  });
}

function comparator(sort: string, ranks: Map<MediaRecord, number>): (a: MediaRecord, b: MediaRecord) => number {
  if (sort === 'SEARCH_MATCH') {
    if (ranks.size === 0) return () => 0;
    return (a, b) => (ranks.get(a) ?? 9) - (ranks.get(b) ?? 9) || b.popularity - a.popularity;
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
