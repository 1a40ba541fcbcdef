import type { EpisodeRecord, MediaRecord, SeasonRecord, ShowRecord } from './catalogue-types';
import type { Catalogue } from './lookup';

/**
 * The bulk body every sync write takes: `{movies:[…], shows:[{ids, seasons:[{number, episodes:[{number}]}]}],
 * seasons:[…], episodes:[…]}`. Watchlist and ratings act on exactly what is named ("If only a show is passed,
 * only the show itself will be added. If seasons are specified, all of those seasons will be added");
 * history expands a show or season to its episodes ("If only a show is passed, all episodes for the show will
 * be added"). Both quotes are from the spec's operation descriptions.
 */
export type ResolveMode = 'as-named' | 'episodes';

export interface Target {
  record: MediaRecord;
  /** Per-item fields (watched_at, rated_at, rating, notes), inherited show → season → episode. */
  fields: Record<string, unknown>;
}

export interface NotFound {
  movies: unknown[];
  shows: unknown[];
  seasons: unknown[];
  episodes: unknown[];
}

export interface Resolution {
  targets: Target[];
  notFound: NotFound;
}

type Item = Record<string, unknown>;

const structural = new Set(['ids', 'seasons', 'episodes', 'title', 'year', 'number']);

function ownFields(item: Item): Record<string, unknown> {
  return Object.fromEntries(Object.entries(item).filter(([key]) => !structural.has(key)));
}

const isItem = (value: unknown): value is Item => typeof value === 'object' && value !== null && !Array.isArray(value);
const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
const idsOf = (item: Item): Record<string, unknown> | undefined => (isItem(item.ids) ? item.ids : undefined);

/** Returns an error text when the body is not a bulk object at all (the real API answers 400). */
export function resolveBulk(catalogue: Catalogue, body: unknown, mode: ResolveMode): Resolution | { error: string } {
  if (!isItem(body)) return { error: 'the body must be a JSON object with movies, shows, seasons or episodes' };
  for (const key of ['movies', 'shows', 'seasons', 'episodes'] as const) {
    if (body[key] !== undefined && body[key] !== null && !Array.isArray(body[key])) return { error: `${key} must be an array` };
  }
  const result: Resolution = { targets: [], notFound: { movies: [], shows: [], seasons: [], episodes: [] } };
  for (const item of list(body.movies)) {
    const movie = isItem(item) ? catalogue.findMovie({ ids: idsOf(item), title: item.title, year: item.year }) : undefined;
    if (movie && isItem(item)) result.targets.push({ record: movie, fields: ownFields(item) });
    else result.notFound.movies.push(item);
  }
  for (const item of list(body.shows)) {
    const show = isItem(item) ? catalogue.findShow({ ids: idsOf(item), title: item.title, year: item.year }) : undefined;
    if (!show || !isItem(item)) result.notFound.shows.push(item);
    else resolveShow(catalogue, show, item, mode, result);
  }
  for (const item of list(body.seasons)) {
    const season = isItem(item) && idsOf(item) ? catalogue.findSeason(idsOf(item) as Record<string, unknown>) : undefined;
    if (!season || !isItem(item)) {
      result.notFound.seasons.push(item);
      continue;
    }
    const missing = resolveSeasonParts(season, item, ownFields(item), mode, result);
    if (missing.length > 0) result.notFound.seasons.push({ ...item, episodes: missing });
  }
  for (const item of list(body.episodes)) {
    const episode = isItem(item) && idsOf(item) ? catalogue.findEpisode(idsOf(item) as Record<string, unknown>) : undefined;
    if (episode && isItem(item)) result.targets.push({ record: episode, fields: ownFields(item) });
    else result.notFound.episodes.push(item);
  }
  return result;
}

function resolveShow(catalogue: Catalogue, show: ShowRecord, item: Item, mode: ResolveMode, result: Resolution): void {
  const fields = ownFields(item);
  const seasons = list(item.seasons).filter(isItem);
  if (seasons.length === 0) {
    if (mode === 'as-named') result.targets.push({ record: show, fields });
    // A whole show means its regular episodes; specials only when season 0 is named.
    else for (const season of show.seasons.filter((candidate) => candidate.number > 0)) pushEpisodes(season.episodes, fields, result);
    return;
  }
  const missingSeasons: Item[] = [];
  for (const seasonItem of seasons) {
    const season = typeof seasonItem.number === 'number' ? catalogue.season(show, seasonItem.number) : undefined;
    if (!season) {
      missingSeasons.push(seasonItem);
      continue;
    }
    const missing = resolveSeasonParts(season, seasonItem, { ...fields, ...ownFields(seasonItem) }, mode, result);
    if (missing.length > 0) missingSeasons.push({ ...seasonItem, episodes: missing });
  }
  // Echo the show with only the parts that were not found, so the found ones are not reported twice.
  if (missingSeasons.length > 0) result.notFound.shows.push({ ...withoutSeasons(item), seasons: missingSeasons });
}

/** Adds the season (or its named episodes) and returns the episode items that do not exist. */
function resolveSeasonParts(season: SeasonRecord, item: Item, fields: Record<string, unknown>, mode: ResolveMode, result: Resolution): unknown[] {
  const episodes = list(item.episodes);
  if (episodes.length === 0) {
    if (mode === 'as-named') result.targets.push({ record: season, fields });
    else pushEpisodes(season.episodes, fields, result);
    return [];
  }
  const missing: unknown[] = [];
  for (const episodeItem of episodes) {
    const episode = isItem(episodeItem) && typeof episodeItem.number === 'number' ? season.episodes.find((candidate) => candidate.number === episodeItem.number) : undefined;
    if (episode && isItem(episodeItem)) result.targets.push({ record: episode, fields: { ...fields, ...ownFields(episodeItem) } });
    else missing.push(episodeItem);
  }
  return missing;
}

function pushEpisodes(episodes: EpisodeRecord[], fields: Record<string, unknown>, result: Resolution): void {
  for (const episode of episodes) result.targets.push({ record: episode, fields });
}

function withoutSeasons(item: Item): Item {
  const copy = { ...item };
  delete copy.seasons;
  return copy;
}

/** The real responses list every not_found category, empty or not. */
export function notFoundBody(notFound: NotFound): Record<string, unknown[]> {
  return { movies: notFound.movies, shows: notFound.shows, seasons: notFound.seasons, episodes: notFound.episodes };
}
