import { randomInt, type Random } from '../common/random';
import { corePicks, ratedKeys, watchlistedKeys } from './core';
import { dateSeconds, SEED_END, SEED_START } from './entries';
import type { SeedProfile } from './profiles';
import type { SeedListEntry, SeedMovieWatch, SeedPlexLibrary, SeedShow, SeedTitle, SeedWatch } from './world';

/**
 * The user's Plex server: an anime library grouped by TVDB show (so AniList's split cours appear as one
 * season, Naruto's one entry as five seasons), a TV library and a movie library of made-up non-anime
 * content, and a music library. Watched episodes follow the lists' progress through the TVDB mapping,
 * except where the seed makes Plex disagree on purpose.
 */

export interface PlexInput {
  titles: Map<string, SeedTitle>;
  shows: Map<string, SeedShow>;
  /** AniList entries first, then MAL-only ones: what the user has watched, by title. */
  entries: SeedListEntry[];
  coreKeys: Set<string>;
  animeShowKeys: string[];
  unmatchedShow: SeedShow;
  tvShows: SeedShow[];
  movies: SeedTitle[];
  trackKeys: string[];
}

export interface PlexState {
  libraries: SeedPlexLibrary[];
  watched: SeedWatch[];
  moviesWatched: SeedMovieWatch[];
  ratings: Array<{ key: string; rating: number }>;
}

const HOUR = 3600;
const DAY = 86_400;

/** Episode k of an entry (1-based) as TVDB season and episode, through its stretches. */
export function tvdbEpisode(title: SeedTitle, k: number): { season: number; episode: number } | null {
  let remaining = k;
  for (const piece of title.tvdbSeasons ?? []) {
    if (remaining <= piece.episodes) return { season: piece.season, episode: piece.episodeOffset + remaining };
    remaining -= piece.episodes;
  }
  return null;
}

export function buildPlex(input: PlexInput, profile: SeedProfile, random: Random): PlexState {
  const overrides = new Map(corePicks.filter((pick) => pick.plexWatched !== undefined).map((pick) => [`al:${pick.anilist}`, pick.plexWatched ?? 0]));
  const notInPlex = new Set(corePicks.filter((pick) => pick.notInPlex).map((pick) => `al:${pick.anilist}`));
  const byTitle = new Map<string, SeedListEntry>();
  for (const entry of input.entries) if (!byTitle.has(entry.titleKey)) byTitle.set(entry.titleKey, entry);

  const animeShows: string[] = [];
  const decided = new Set<string>();
  const movieKeys: string[] = [];
  for (const entry of input.entries) {
    const title = input.titles.get(entry.titleKey);
    if (!title || title.kind !== 'anime' || notInPlex.has(title.key)) continue;
    const core = input.coreKeys.has(title.key);
    if (title.format === 'MOVIE') {
      if (decided.has(title.key) || (title.ids.tmdbMovie === undefined && title.ids.imdb === undefined)) continue;
      decided.add(title.key);
      if (core || (entry.status !== 'PLANNING' && random() < profile.plexShowChance)) movieKeys.push(title.key);
      continue;
    }
    const showKey = title.tvdb?.showKey;
    if (!showKey || decided.has(showKey)) continue;
    decided.add(showKey);
    const chance = entry.status === 'PLANNING' ? profile.plexShowChance / 4 : profile.plexShowChance;
    if (core || random() < chance) animeShows.push(showKey);
  }
  animeShows.push(input.unmatchedShow.key);
  // Shows the user keeps on disk without listing them anywhere.
  for (let added = 0, tries = 0; added < profile.plexExtraShows && tries < profile.plexExtraShows * 20; tries++) {
    const key = input.animeShowKeys[Math.floor(random() * input.animeShowKeys.length)];
    if (key === undefined || decided.has(key)) continue;
    decided.add(key);
    animeShows.push(key);
    added++;
  }

  // Keyed by episode: where the mapping data lets two entries overlap, the episode is still watched once.
  const byEpisode = new Map<string, SeedWatch>();
  for (const showKey of animeShows) {
    const show = input.shows.get(showKey);
    if (!show) continue;
    const members = [...new Set(show.seasons.flatMap((season) => season.titleKeys))];
    for (const titleKey of members) {
      const title = input.titles.get(titleKey);
      const entry = byTitle.get(titleKey);
      if (!title || !entry || entry.status === 'PLANNING') continue;
      for (const watch of watchesFor(title, entry, overrides.get(titleKey) ?? drifted(title, entry, input.coreKeys.has(titleKey) ? 0 : profile.plexDrift, random))) {
        const key = `${watch.showKey}:${watch.season}:${watch.episode}`;
        const seen = byEpisode.get(key);
        if (!seen || seen.viewCount < watch.viewCount) byEpisode.set(key, watch);
      }
    }
  }
  const watched = [...byEpisode.values()];
  // The unmatched show: five episodes in, which sync must put to review rather than anywhere.
  for (let episode = 1; episode <= 5; episode++) watched.push({ showKey: input.unmatchedShow.key, season: 1, episode, viewedAt: Date.UTC(2026, 5, episode) / 1000 + 20 * HOUR, viewCount: 1 });
  for (const show of input.tvShows) if (!watchlistedKeys.has(show.key)) watched.push(...tvWatches(show, ratedKeys.has(show.key), random));

  const moviesWatched: SeedMovieWatch[] = [];
  for (const key of movieKeys) {
    const entry = byTitle.get(key);
    if (entry?.status !== 'COMPLETED') continue;
    const viewedAt = Math.min(SEED_END, entry.completedAt ? dateSeconds(entry.completedAt) + 21 * HOUR : entry.updatedAt - HOUR);
    moviesWatched.push({ titleKey: key, viewedAt, viewCount: 1 + entry.repeat });
  }
  for (const movie of input.movies) {
    if (watchlistedKeys.has(movie.key)) continue;
    if (ratedKeys.has(movie.key) || random() < 0.5) moviesWatched.push({ titleKey: movie.key, viewedAt: SEED_START + Math.floor(random() * (SEED_END - SEED_START)), viewCount: random() < 0.1 ? 2 : 1 });
  }

  const ratings: Array<{ key: string; rating: number }> = [];
  for (const key of [...animeShows, ...movieKeys]) {
    const lead = input.shows.get(key)?.seasons.find((season) => season.number > 0)?.titleKeys[0] ?? key;
    const score = byTitle.get(lead)?.score ?? 0;
    // Spy x Family: Plex says 9 where AniList says 80 and MAL 70 (the "disagreement:score" landmark).
    if (key === 'tvdb:405920') ratings.push({ key, rating: 9 });
    else if (score > 0 && random() < 0.4) ratings.push({ key, rating: score / 10 });
  }
  for (const show of input.tvShows) if (random() < 0.3) ratings.push({ key: show.key, rating: randomInt(random, 5, 10) });

  const libraries: SeedPlexLibrary[] = [
    { key: '1', title: 'Anime', type: 'show', holds: 'anime', itemKeys: animeShows },
    { key: '2', title: 'TV Shows', type: 'show', holds: 'shows', itemKeys: input.tvShows.map((show) => show.key) },
    { key: '3', title: 'Movies', type: 'movie', holds: 'movies', itemKeys: [...movieKeys, ...input.movies.map((movie) => movie.key)] },
    { key: '4', title: 'Music', type: 'artist', holds: 'music', itemKeys: input.trackKeys },
  ];
  return { libraries, watched, moviesWatched, ratings };
}

/** How many episodes Plex has as watched: the list's progress, now and then a little off. */
function drifted(title: SeedTitle, entry: SeedListEntry, chance: number, random: Random): number {
  const total = title.episodes ?? entry.progress;
  const watchedAll = entry.status === 'COMPLETED' || entry.status === 'REPEATING';
  const base = watchedAll ? total : entry.progress;
  if (chance === 0 || random() >= chance) return base;
  return Math.max(0, Math.min(total, base + (random() < 0.5 ? -1 : 1) * randomInt(random, 1, 2)));
}

function watchesFor(title: SeedTitle, entry: SeedListEntry, count: number): SeedWatch[] {
  const start = entry.startedAt ? dateSeconds(entry.startedAt) + 20 * HOUR : Math.max(SEED_START, entry.updatedAt - 60 * DAY);
  const end = Math.max(start, entry.completedAt ? dateSeconds(entry.completedAt) + 22 * HOUR : entry.updatedAt);
  const rewatched = entry.status === 'REPEATING' ? entry.progress : 0;
  const watches: SeedWatch[] = [];
  for (let k = 1; k <= count; k++) {
    const at = tvdbEpisode(title, k);
    if (!at || !title.tvdb) break;
    const extra = entry.status === 'REPEATING' ? entry.repeat - 1 + (k <= rewatched ? 1 : 0) : entry.status === 'COMPLETED' ? entry.repeat : 0;
    const viewedAt = Math.min(SEED_END, start + Math.floor(((end - start) * (k - 1)) / Math.max(1, count - 1)));
    watches.push({ showKey: title.tvdb.showKey, season: at.season, episode: at.episode, viewedAt, viewCount: 1 + extra });
  }
  return watches;
}

/** Non-anime shows: six in ten started (and every rated one), watched in order from S01E01. */
function tvWatches(show: SeedShow, started: boolean, random: Random): SeedWatch[] {
  if (random() >= 0.6 && !started) return [];
  const total = show.seasons.reduce((sum, season) => sum + season.episodeCount, 0);
  const count = randomInt(random, 1, total);
  let at = SEED_START + Math.floor(random() * (SEED_END - SEED_START - count * DAY));
  const watches: SeedWatch[] = [];
  for (const season of show.seasons) {
    for (let episode = 1; episode <= season.episodeCount && watches.length < count; episode++) {
      at += randomInt(random, 1, 3) * DAY;
      watches.push({ showKey: show.key, season: season.number, episode, viewedAt: Math.min(SEED_END, at), viewCount: 1 });
    }
  }
  return watches;
}
