import { randomInt, type Random } from '../common/random';
import { coreTraktRatings, coreWatchlist } from './core';
import { SEED_END, SEED_START } from './entries';
import type { SeedProfile } from './profiles';
import type { PlexState } from './plex';
import { compareText } from './shows';
import type { SeedListEntry, SeedShow, SeedTitle, SeedTraktItem, SeedWorld } from './world';

/**
 * The user's Trakt account: a watchlist of films, shows, a season and an episode (anime and not, including
 * the live-action "Cowboy Bebop" next to the anime of that name), a history that Plex scrobbled (all the
 * non-anime watching and some of the anime), and ratings.
 */

export interface TraktInput {
  titles: Map<string, SeedTitle>;
  shows: Map<string, SeedShow>;
  anilist: SeedListEntry[];
  plex: PlexState;
  tvShows: SeedShow[];
  movies: SeedTitle[];
}

const DAY = 86_400;

export function buildTrakt(input: TraktInput, profile: SeedProfile, random: Random): SeedWorld['trakt'] {
  const items: Array<Omit<SeedTraktItem, 'listedAt'>> = coreWatchlist.map((item) => ({ ...item }));
  for (const item of items) {
    if (!(item.type === 'movie' ? input.titles.has(item.key) : input.shows.has(item.key))) throw new Error(`seed: watchlist item ${item.key} does not exist`);
  }
  // Bigger seeds: what the user plans to watch on AniList, then unwatched made-up shows and films.
  const listed = new Set(items.map((item) => item.key));
  const candidates: Array<Omit<SeedTraktItem, 'listedAt'>> = [];
  for (const entry of input.anilist) {
    if (entry.status !== 'PLANNING') continue;
    const title = input.titles.get(entry.titleKey);
    if (title?.format === 'MOVIE' && title.ids.tmdbMovie !== undefined) candidates.push({ type: 'movie', key: title.key });
    else if (title?.tvdb && title.tvdb.season > 0) candidates.push({ type: 'show', key: title.tvdb.showKey });
  }
  for (const show of input.tvShows) candidates.push({ type: 'show', key: show.key });
  for (const movie of input.movies) candidates.push({ type: 'movie', key: movie.key });
  // Trakt drops what the user has watched from the watchlist: only unwatched shows and films qualify.
  const watched = new Set([...input.plex.watched.map((watch) => watch.showKey), ...input.plex.moviesWatched.map((watch) => watch.titleKey)]);
  for (const candidate of candidates) {
    if (items.length >= coreWatchlist.length + profile.extraWatchlist) break;
    if (listed.has(candidate.key) || watched.has(candidate.key)) continue;
    listed.add(candidate.key);
    items.push(candidate);
  }
  const spacing = Math.floor((SEED_END - SEED_START) / (items.length + 1));
  const watchlist: SeedTraktItem[] = items.map((item, index) => ({ ...item, listedAt: SEED_START + spacing * (index + 1) - randomInt(random, 0, DAY) }));

  // History: what Plex scrobbled. All non-anime watching, and some anime shows (the core's Attack on Titan always).
  const scrobbledShows = new Set<string>(input.tvShows.map((show) => show.key));
  scrobbledShows.add('tvdb:267440');
  const animeLibrary = input.plex.libraries.find((library) => library.holds === 'anime')?.itemKeys ?? [];
  for (const key of animeLibrary) if (random() < profile.traktAnimeHistoryShare) scrobbledShows.add(key);
  const history: SeedWorld['trakt']['history'] = [];
  for (const watch of input.plex.watched) {
    if (scrobbledShows.has(watch.showKey)) history.push({ type: 'episode', key: watch.showKey, season: watch.season, episode: watch.episode, watchedAt: Math.min(SEED_END, watch.viewedAt + 60) });
  }
  for (const watch of input.plex.moviesWatched) history.push({ type: 'movie', key: watch.titleKey, watchedAt: Math.min(SEED_END, watch.viewedAt + 60) });
  history.sort((a, b) => a.watchedAt - b.watchedAt || compareText(a.key, b.key) || (a.season ?? 0) - (b.season ?? 0) || (a.episode ?? 0) - (b.episode ?? 0));

  const ratedAt = () => SEED_START + Math.floor(random() * (SEED_END - SEED_START));
  const ratings: SeedWorld['trakt']['ratings'] = coreTraktRatings.map((rating) => ({ ...rating, ratedAt: ratedAt() }));
  const rated = new Set(ratings.filter((rating) => rating.type === 'show' || rating.type === 'movie').map((rating) => rating.key));
  for (const item of history) {
    if (ratings.length >= coreTraktRatings.length + profile.extraTraktRatings) break;
    const key = item.key;
    if (rated.has(key) || random() >= 0.3) continue;
    rated.add(key);
    ratings.push({ type: item.type === 'movie' ? 'movie' : 'show', key, rating: randomInt(random, 4, 10), ratedAt: Math.min(SEED_END, item.watchedAt + DAY) });
  }
  return { watchlist, history, ratings };
}
