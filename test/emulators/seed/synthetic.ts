import { genresFor, stable } from './titles';
import type { SlugRegistry } from './shows';
import type { SeedShow, SeedTitle } from './world';

/**
 * Non-anime TV shows and films for the Plex TV and movie libraries and Trakt. They are made up, with ids
 * from 9,500,000 up so they never meet a real TVDB, TMDB or Trakt id, and IMDb ids starting "tt95"/"tt96".
 * A few are traps for matching: a live-action show with an anime's exact title, and an anime-library show
 * that no mapping knows.
 */

export const SYNTHETIC_SHOW_ID_BASE = 9_500_000;
export const SYNTHETIC_MOVIE_ID_BASE = 9_600_000;
export const UNMATCHED_SHOW_TVDB = 9_700_001;

const leadShows = ['The Quiet Harbour', 'Brass & Bramble', 'Cowboy Bebop', 'Café Lumière', 'North of Ninefold'];
const leadMovies = ['Paper Lanterns', 'The Last Ferry to Oban', 'Saltwater Road', 'A Winter in Kyoto', 'Glass Orchard'];
const adjectives = ['Quiet', 'Northern', 'Hollow', 'Silver', 'Crooked', 'Distant', 'Burning', 'Painted', 'Broken', 'Hidden', 'Golden', 'Lonely', 'Salt', 'Iron', 'Velvet', 'Second', 'Little', 'Midnight', 'Open', 'Wild'];
const nouns = ['Harbour', 'Line', 'Orchard', 'Signal', 'County', 'Tide', 'Archive', 'Lantern', 'Garden', 'Frontier', 'Chapter', 'Station', 'Parish', 'Current', 'Ledger', 'Meadow', 'Circuit', 'Bridge', 'Canal', 'Echo'];
const tvGenres = ['Comedy', 'Crime', 'Documentary', 'Drama', 'Family', 'Mystery', 'Reality', 'Sci-Fi', 'Thriller'];

/** The i-th made-up name: the hand-written ones first, then "The Adjective Noun" without repeats. */
function syntheticName(leads: string[], index: number, salt: number): string {
  if (index < leads.length) return leads[index] ?? 'Untitled';
  const n = index - leads.length;
  const adjective = adjectives[n % adjectives.length] ?? 'Quiet';
  const noun = nouns[(n * 7 + Math.floor(n / adjectives.length) + salt) % nouns.length] ?? 'Harbour';
  const round = Math.floor(n / (adjectives.length * nouns.length));
  return round === 0 ? `The ${adjective} ${noun}` : `The ${adjective} ${noun} ${round + 1}`;
}

export function syntheticShows(count: number, slugs: SlugRegistry): SeedShow[] {
  return Array.from({ length: count }, (_, index) => {
    const id = SYNTHETIC_SHOW_ID_BASE + index + 1;
    const key = `tvdb:${id}`;
    const title = syntheticName(leadShows, index, 0);
    // The live-action "Cowboy Bebop" came out long after the anime; the others spread over 2005-2025.
    const year = title === 'Cowboy Bebop' ? 2021 : 2005 + stable(key, 'year', 21);
    const seasonCount = title === 'Cowboy Bebop' ? 1 : 1 + stable(key, 'seasons', 5);
    const seasons = Array.from({ length: seasonCount }, (_, s) => ({ number: s + 1, episodeCount: 6 + stable(key, `season${s}`, 8), titleKeys: [] }));
    return {
      key,
      kind: 'show' as const,
      title,
      year,
      ids: { tvdb: id, tmdbShow: id, imdb: `tt95${String(index + 1).padStart(6, '0')}`, trakt: id, traktSlug: slugs.claim(title, year, id) },
      genres: [tvGenres[stable(key, 'genre', tvGenres.length)] ?? 'Drama'],
      overview: `${title} (${year}), a made-up TV series for Kizuna's test data.`,
      rating: Math.round((6 + stable(key, 'rating', 31) / 10) * 10) / 10,
      seasons,
      absoluteNumbering: false,
    };
  });
}

export function syntheticMovies(count: number, slugs: SlugRegistry): SeedTitle[] {
  return Array.from({ length: count }, (_, index) => {
    const id = SYNTHETIC_MOVIE_ID_BASE + index + 1;
    const key = `tmdb:${id}`;
    const title = syntheticName(leadMovies, index, 3);
    const year = 1995 + stable(key, 'year', 31);
    return {
      key,
      kind: 'movie' as const,
      titles: { romaji: title, english: title, native: null, synonyms: [] },
      format: 'MOVIE' as const,
      year,
      season: null,
      episodes: 1,
      episodeMinutes: 88 + stable(key, 'minutes', 50),
      chapters: null,
      volumes: null,
      genres: [tvGenres[stable(key, 'genre', tvGenres.length)] ?? 'Drama'],
      averageScore: null,
      description: `${title} (${year}), a made-up film for Kizuna's test data.`,
      isAdult: false,
      ids: { tmdbMovie: id, imdb: `tt96${String(index + 1).padStart(6, '0')}`, trakt: id, traktSlug: slugs.claim(title, year, id) },
    };
  });
}

/**
 * An anime in the user's Plex anime library that no mapping and no AniList entry knows: sync must send it
 * to review instead of guessing. Its made-up romaji title normalises to no catalogue title.
 */
export function unmatchedPlexShow(slugs: SlugRegistry): SeedShow {
  const title = 'Kagerou Kissaten no Yoru';
  const key = `tvdb:${UNMATCHED_SHOW_TVDB}`;
  return {
    key,
    kind: 'anime',
    title,
    year: 2024,
    ids: { tvdb: UNMATCHED_SHOW_TVDB, trakt: UNMATCHED_SHOW_TVDB, traktSlug: slugs.claim(title, 2024, UNMATCHED_SHOW_TVDB) },
    genres: genresFor(key),
    overview: 'A made-up anime no mapping list links: the seed\'s "unmatched" Plex show.',
    rating: 7.1,
    seasons: [{ number: 1, episodeCount: 12, titleKeys: [] }],
    absoluteNumbering: false,
  };
}
