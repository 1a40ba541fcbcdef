import { hashString } from '../common/random';
import type { CatalogEntry } from './catalog';
import type { MediaFormat, SeedIds, SeedTitle } from './world';

/**
 * Catalogue rows become SeedTitles here. Ids, romaji/English titles, TVDB pieces, format, episodes and year
 * come from the catalogue; what no dataset has (season of the year, minutes, genres, score, synopsis) is
 * drawn from a hash of the id, so a title looks the same in every seed world.
 */

export const animeGenres = ['Action', 'Adventure', 'Comedy', 'Drama', 'Fantasy', 'Horror', 'Mecha', 'Music', 'Mystery', 'Psychological', 'Romance', 'Sci-Fi', 'Slice of Life', 'Sports', 'Supernatural', 'Thriller'] as const;
const seasons = ['WINTER', 'SPRING', 'SUMMER', 'FALL'] as const;

/** A stable number in [0, n) for one fact about one thing. */
export function stable(key: string, fact: string, n: number): number {
  return hashString(`${key}#${fact}`) % n;
}

export function genresFor(key: string): string[] {
  const count = 1 + stable(key, 'genre-count', 3);
  const picked = new Set<string>();
  for (let i = 0; picked.size < count && i < 8; i++) picked.add(animeGenres[stable(key, `genre${i}`, animeGenres.length)] ?? 'Drama');
  return [...picked].sort();
}

function minutesFor(key: string, format: MediaFormat): number {
  const options: Partial<Record<MediaFormat, number[]>> = { TV: [24, 24, 24, 23], ONA: [12, 15, 24], OVA: [25, 30, 45], SPECIAL: [5, 12, 24], MOVIE: [87, 95, 106, 118, 124], MUSIC: [4] };
  const list = options[format] ?? [24];
  return list[stable(key, 'minutes', list.length)] ?? 24;
}

function formatWord(format: MediaFormat): string {
  return format === 'TV' ? 'TV series' : format === 'MOVIE' ? 'film' : format === 'MUSIC' ? 'music video' : format;
}

/** Only the ids a service would know; absent ones are left out rather than set to undefined. */
function compactIds(ids: SeedIds): SeedIds {
  return Object.fromEntries(Object.entries(ids).filter(([, value]) => value !== undefined && value !== null)) as SeedIds;
}

export function animeTitle(entry: CatalogEntry): SeedTitle {
  const key = `al:${entry.anilist}`;
  const first = entry.pieces[0];
  const title: SeedTitle = {
    key,
    kind: 'anime',
    titles: { romaji: entry.romaji, english: entry.english, native: null, synonyms: [] },
    format: entry.format,
    year: entry.year,
    season: seasons[stable(key, 'season', 4)] ?? 'SPRING',
    episodes: entry.episodes,
    episodeMinutes: minutesFor(key, entry.format),
    chapters: null,
    volumes: null,
    genres: genresFor(key),
    averageScore: entry.isAdult ? null : 52 + stable(key, 'score', 37),
    description: `A ${entry.year} ${formatWord(entry.format)}. (Seed data: the titles and ids are real, from community mapping lists; this synopsis is a placeholder.)`,
    isAdult: entry.isAdult,
    ids: compactIds({ anilist: entry.anilist, mal: entry.mal ?? undefined, anidb: entry.anidb, tvdb: entry.tvdb ?? undefined, tmdbShow: entry.tmdbShow ?? undefined, tmdbMovie: entry.tmdbMovie ?? undefined, imdb: entry.imdb ?? undefined }),
  };
  if (entry.tvdb !== null && first) {
    title.tvdb = { showKey: showKeyFor(entry.tvdb), season: first.season, episodeOffset: first.episodeOffset };
    title.tvdbSeasons = entry.pieces.map((piece) => ({ ...piece }));
  }
  return title;
}

export function showKeyFor(tvdb: number): string {
  return `tvdb:${tvdb}`;
}

/** Manga ids are not in the anime mapping data: the seed's manga use synthetic ids this far above real ones. */
export const MANGA_ID_BASE = 9_000_000;

/** Entries whose source manga the seed always includes, because the small seed's landmarks need them. */
export const mangaSources = new Set([16498, 140960, 154587, 20]);

/**
 * A manga for roughly one TV series in ten (first seasons only), named like its anime: the same romaji
 * with "(2019)"-style suffixes dropped, as manga and anime share titles on AniList and MAL.
 */
export function mangaFor(entry: CatalogEntry): SeedTitle | null {
  const firstSeason = entry.pieces.length === 0 || (entry.pieces[0]?.season === 1 && entry.pieces[0].episodeOffset === 0);
  const chosen = mangaSources.has(entry.anilist) || (entry.format === 'TV' && firstSeason && !entry.isAdult && entry.anilist % 10 === 3);
  if (!chosen) return null;
  const key = `al:${MANGA_ID_BASE + entry.anilist}`;
  const strip = (text: string) => text.replace(/\s*\((?:19|20)\d\d[^)]*\)\s*$/, '');
  const ongoing = stable(key, 'ongoing', 4) === 0;
  const chapters = ongoing ? null : [45, 60, 87, 104, 122, 139, 170, 210, 250][stable(key, 'chapters', 9)] ?? 100;
  return {
    key,
    kind: 'manga',
    titles: { romaji: strip(entry.romaji), english: entry.english === null ? null : strip(entry.english), native: null, synonyms: [] },
    format: 'MANGA',
    year: Math.max(1960, entry.year - 1 - stable(key, 'lead', 4)),
    season: null,
    episodes: null,
    episodeMinutes: null,
    chapters,
    volumes: chapters === null ? null : Math.max(1, Math.round(chapters / 9.5)),
    genres: genresFor(`al:${entry.anilist}`),
    averageScore: 55 + stable(key, 'score', 35),
    description: `The manga behind the ${entry.year} anime. (Seed data: a synthetic manga with synthetic ids, named after a real anime.)`,
    isAdult: false,
    ids: compactIds({ anilist: MANGA_ID_BASE + entry.anilist, mal: entry.mal === null ? undefined : MANGA_ID_BASE + entry.mal }),
  };
}
