import { hashString } from '../common/random';
import type { SeedShow, SeedTitle, SeedWorld } from '../seed/world';
import type { EpisodeRecord, MovieRecord, SeasonRecord, ShowRecord } from './catalogue-types';

/**
 * Builds Trakt's view of the seed world: every SeedShow (anime and other TV) becomes a show with numbered
 * seasons and episodes, and every movie (kind 'movie', or an anime of format MOVIE) becomes a movie. Real
 * Trakt ids and slugs come from the seed; ids the seed lacks (seasons, episodes, unmapped titles) are made
 * up from high, disjoint ranges so they never collide with the real ones.
 */
export function buildCatalogue(world: SeedWorld): { movies: MovieRecord[]; shows: ShowRecord[] } {
  const titles = new Map(world.titles.map((title) => [title.key, title]));
  const ids = new IdAllocator();
  const slugs = new Set<string>();
  const shows = world.shows.map((show) => buildShow(show, titles, ids, slugs));
  const movies = world.titles.filter((title) => title.kind === 'movie' || (title.kind === 'anime' && title.format === 'MOVIE')).map((title) => buildMovie(title, ids, slugs));
  return { movies, shows };
}

class IdAllocator {
  private next = { movie: 90_000_001, show: 91_000_001, season: 3_000_001, seasonTvdb: 4_000_001, seasonTmdb: 4_500_001, episode: 5_000_001, episodeTvdb: 6_000_001, episodeTmdb: 7_000_001 };
  take(kind: keyof IdAllocator['next']): number {
    return this.next[kind]++;
  }
}

function buildShow(seed: SeedShow, titles: Map<string, SeedTitle>, ids: IdAllocator, slugs: Set<string>): ShowRecord {
  const anime = seed.kind === 'anime';
  const members = seed.seasons.flatMap((season) => season.titleKeys).map((key) => titles.get(key)).filter((title): title is SeedTitle => title !== undefined);
  const trakt = seed.ids.trakt ?? ids.take('show');
  const first = members[0];
  const show: ShowRecord = {
    type: 'show',
    key: seed.key,
    ids: { trakt, slug: uniqueSlug(seed.ids.traktSlug ?? slugify(seed.title), seed.year, slugs, `show-${trakt}`), tvdb: seed.ids.tvdb ?? null, imdb: seed.ids.imdb ?? null, tmdb: seed.ids.tmdbShow ?? null },
    title: seed.title,
    originalTitle: first?.titles.native ?? seed.title,
    year: seed.year,
    overview: seed.overview,
    genres: traktGenres(seed.genres, anime),
    runtime: first?.episodeMinutes ?? (anime ? 24 : 45),
    rating: seed.rating,
    votes: 100 + (hashString(seed.key) % 50_000),
    certification: pickBy(seed.key, ['TV-PG', 'TV-14', 'TV-MA']),
    language: anime ? 'ja' : 'en',
    country: anime ? 'jp' : 'us',
    aliases: dedupe(members.flatMap((title) => [title.titles.romaji, title.titles.english, title.titles.native, ...title.titles.synonyms])),
    network: pickBy(seed.key, anime ? ['Tokyo MX', 'TV Tokyo', 'Fuji TV', 'MBS'] : ['HBO', 'AMC', 'NBC', 'Netflix']),
    status: 'ended',
    firstAired: null,
    seasons: [],
  };
  let absolute = 0;
  for (const seedSeason of [...seed.seasons].sort((a, b) => a.number - b.number)) {
    const start = seasonStart(seedSeason.titleKeys.map((key) => titles.get(key))[0], seed.year, seedSeason.number);
    const season: SeasonRecord = { type: 'season', show, number: seedSeason.number, ids: { trakt: ids.take('season'), tvdb: ids.take('seasonTvdb'), tmdb: ids.take('seasonTmdb') }, episodes: [], firstAired: start?.toISOString() ?? null };
    for (let number = 1; number <= seedSeason.episodeCount; number++) {
      if (seedSeason.number > 0) absolute += 1;
      const episode: EpisodeRecord = {
        type: 'episode',
        show,
        season: seedSeason.number,
        number,
        numberAbs: seedSeason.number > 0 ? absolute : null,
        title: `Episode ${number}`,
        ids: { trakt: ids.take('episode'), tvdb: ids.take('episodeTvdb'), imdb: null, tmdb: ids.take('episodeTmdb') },
        airedAt: start ? start.getTime() + (number - 1) * 7 * 86_400_000 : null,
        runtime: show.runtime,
      };
      season.episodes.push(episode);
    }
    show.seasons.push(season);
  }
  show.firstAired = show.seasons.find((season) => season.number > 0)?.firstAired ?? null;
  return show;
}

function buildMovie(title: SeedTitle, ids: IdAllocator, slugs: Set<string>): MovieRecord {
  const trakt = title.ids.trakt ?? ids.take('movie');
  const name = title.titles.english ?? title.titles.romaji;
  const anime = title.kind === 'anime';
  const released = seasonStart(title, title.year, 1);
  return {
    type: 'movie',
    key: title.key,
    // Movie slugs carry the year ("batman-begins-2005" in Trakt's standard media objects).
    ids: { trakt, slug: title.ids.traktSlug ?? uniqueSlug(`${slugify(name)}${title.year ? `-${title.year}` : ''}`, null, slugs, `movie-${trakt}`), imdb: title.ids.imdb ?? null, tmdb: title.ids.tmdbMovie ?? null },
    title: name,
    originalTitle: title.titles.native ?? title.titles.romaji,
    year: title.year,
    overview: title.description,
    genres: traktGenres(title.genres, anime),
    runtime: title.episodeMinutes ?? 100,
    rating: title.averageScore === null ? 7 : Math.round(title.averageScore) / 10,
    votes: 100 + (hashString(title.key) % 50_000),
    certification: pickBy(title.key, ['PG', 'PG-13', 'R']),
    language: anime ? 'ja' : 'en',
    country: anime ? 'jp' : 'us',
    aliases: dedupe([title.titles.romaji, title.titles.english, title.titles.native, ...title.titles.synonyms]),
    released: released ? released.toISOString().slice(0, 10) : null,
  };
}

const seasonMonths = { WINTER: 0, SPRING: 3, SUMMER: 6, FALL: 9 } as const;

/** Anime seasons start with their AniList season; other seasons one year apart from the show's first. */
function seasonStart(title: SeedTitle | undefined, showYear: number | null, number: number): Date | null {
  if (title?.year) return new Date(Date.UTC(title.year, title.season ? seasonMonths[title.season] : 0, 5, 15, 0, 0));
  if (showYear === null) return null;
  return new Date(Date.UTC(showYear + Math.max(0, number - 1), 0, 5, 15, 0, 0));
}

export function slugify(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

function uniqueSlug(base: string, year: number | null, taken: Set<string>, fallback: string): string {
  const candidates = [base, year ? `${base}-${year}` : '', fallback].filter((slug) => slug.length > 0 && !slug.startsWith('-'));
  const slug = candidates.find((candidate) => !taken.has(candidate)) ?? `${fallback}-${taken.size}`;
  taken.add(slug);
  return slug;
}

function pickBy<T>(key: string, options: readonly T[]): T {
  return options[hashString(key) % options.length] as T;
}

function dedupe(values: Array<string | null>): string[] {
  return [...new Set(values.filter((value): value is string => typeof value === 'string' && value.length > 0))];
}

/**
 * Trakt names genres by slug (`?genres=action,adventure`, "Genre slugs" in the API's Filters section) and
 * has its own list: action, adventure, animation, anime, comedy, crime, documentary, drama, family, fantasy,
 * history, horror, music, mystery, romance, science-fiction, sports, suspense, thriller, war, western…
 * The seed uses AniList's genre names, so map those onto Trakt's slugs, and tag anime the way Trakt does
 * (both "anime" and "animation").
 */
const anilistToTrakt: Record<string, string> = {
  action: 'action',
  adventure: 'adventure',
  comedy: 'comedy',
  drama: 'drama',
  ecchi: 'comedy',
  fantasy: 'fantasy',
  horror: 'horror',
  'mahou shoujo': 'fantasy',
  mecha: 'science-fiction',
  music: 'music',
  mystery: 'mystery',
  psychological: 'suspense',
  romance: 'romance',
  'sci-fi': 'science-fiction',
  'science fiction': 'science-fiction',
  'slice of life': 'drama',
  sports: 'sports',
  supernatural: 'fantasy',
  thriller: 'thriller',
  crime: 'crime',
  documentary: 'documentary',
  family: 'family',
  history: 'history',
  war: 'war',
  western: 'western',
  animation: 'animation',
};

export function traktGenres(names: readonly string[], anime: boolean): string[] {
  const slugs = names.map((name) => anilistToTrakt[name.toLowerCase()] ?? name.toLowerCase().replace(/[^a-z0-9]+/g, '-'));
  if (anime) slugs.unshift('anime', 'animation');
  return [...new Set(slugs)];
}
