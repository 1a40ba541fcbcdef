import { describe, expect, it } from 'vitest';
import { buildSeedWorld } from '../../../emulators/seed/index';
import type { SeedListEntry, SeedName, SeedTitle, SeedWorld } from '../../../emulators/seed/world';

const names: SeedName[] = ['small', '2k', '10k'];
const START = Date.UTC(2024, 0, 1) / 1000;
const END = Date.UTC(2027, 0, 1) / 1000;

/** Every way an entry can break a service's rules, as readable strings (empty when it is valid). */
function entryProblems(entry: SeedListEntry, title: SeedTitle | undefined, list: 'anilist' | 'mal'): string[] {
  if (!title) return [`${entry.titleKey}: no such title`];
  const problems: string[] = [];
  const total = title.kind === 'manga' ? title.chapters : title.episodes;
  const say = (text: string) => problems.push(`${list} ${entry.titleKey} ${entry.status}: ${text}`);
  if (title.kind !== 'anime' && title.kind !== 'manga') say('not an anime or manga');
  if (list === 'anilist' && title.ids.anilist === undefined) say('no AniList id');
  if (list === 'mal' && title.ids.mal === undefined) say('no MAL id');
  if (!Number.isInteger(entry.progress) || entry.progress < 0) say(`progress ${entry.progress}`);
  if (total !== null && entry.progress > total) say(`progress ${entry.progress} > ${total}`);
  if (entry.status === 'COMPLETED' && (total === null || entry.progress !== total)) say(`completed at ${entry.progress} of ${total}`);
  if (entry.status === 'REPEATING' && entry.repeat < 1) say('repeating without a repeat');
  if (entry.status === 'PLANNING' && (entry.progress !== 0 || entry.score !== 0 || entry.startedAt || entry.completedAt)) say('planning with progress, score or dates');
  if (entry.score < 0 || entry.score > 100 || entry.score % 10 !== 0) say(`score ${entry.score} is not POINT_10`);
  for (const date of [entry.startedAt, entry.completedAt]) {
    if (date !== null && (!/^\d{4}-\d{2}-\d{2}$/.test(date) || Number.isNaN(Date.parse(date)))) say(`bad date ${date}`);
  }
  if (entry.completedAt && entry.status !== 'COMPLETED' && entry.status !== 'REPEATING') say('completedAt on an unfinished entry');
  if (entry.startedAt && entry.completedAt && entry.completedAt < entry.startedAt) say('completed before started');
  if (!Number.isInteger(entry.updatedAt) || entry.updatedAt < START || entry.updatedAt >= END) say(`updatedAt ${entry.updatedAt} outside 2024-2026`);
  const last = [entry.startedAt, entry.completedAt].filter((date): date is string => date !== null).sort().at(-1);
  if (last && entry.updatedAt < Date.parse(`${last}T00:00:00Z`) / 1000) say('updated before its own dates');
  if (title.kind === 'anime' && entry.progressVolumes !== null) say('volumes on an anime');
  if (title.kind === 'manga' && (entry.progressVolumes === null || (title.volumes !== null && entry.progressVolumes > title.volumes))) say(`volumes ${entry.progressVolumes}`);
  if (entry.hiddenFromStatusLists) say('hidden from status lists, with no custom list to show it');
  return problems;
}

function duplicates(keys: string[]): string[] {
  const seen = new Set<string>();
  return keys.filter((key) => (seen.has(key) ? true : (seen.add(key), false)));
}

describe.each(names)('the %s world', (name) => {
  const world: SeedWorld = buildSeedWorld(name);
  const titles = new Map(world.titles.map((title) => [title.key, title]));
  const shows = new Map(world.shows.map((show) => [show.key, show]));

  it('has unique keys and unique ids per service', () => {
    expect(duplicates(world.titles.map((title) => title.key))).toEqual([]);
    expect(duplicates(world.shows.map((show) => show.key))).toEqual([]);
    expect(duplicates(world.titles.flatMap((title) => (title.ids.anilist === undefined ? [] : [String(title.ids.anilist)])))).toEqual([]);
    for (const kind of ['anime', 'manga'] as const) expect(duplicates(world.titles.filter((title) => title.kind === kind && title.ids.mal !== undefined).map((title) => String(title.ids.mal)))).toEqual([]);
    expect(duplicates(world.shows.map((show) => String(show.ids.trakt)))).toEqual([]);
    expect(duplicates(world.shows.map((show) => show.ids.traktSlug ?? ''))).toEqual([]);
    expect(duplicates(world.titles.filter((title) => title.ids.traktSlug).map((title) => title.ids.traktSlug ?? ''))).toEqual([]);
  });

  it('keeps made-up ids far from real ones', () => {
    const problems: string[] = [];
    for (const title of world.titles) {
      const synthetic = title.kind !== 'anime';
      const id = title.ids.anilist ?? title.ids.tmdbMovie ?? 0;
      if (id >= 9_000_000 !== synthetic) problems.push(`${title.key}: id ${id}`);
    }
    for (const show of world.shows) {
      const synthetic = show.seasons.every((season) => season.titleKeys.length === 0);
      if ((show.ids.tvdb ?? 0) >= 9_000_000 !== synthetic) problems.push(`${show.key}: tvdb ${show.ids.tvdb}`);
    }
    expect(problems.slice(0, 20)).toEqual([]);
  });

  it('places every TVDB-linked title in its show, at its seasons, inside the season', () => {
    const problems: string[] = [];
    for (const title of world.titles) {
      if (!title.tvdb) continue;
      const show = shows.get(title.tvdb.showKey);
      if (!show) problems.push(`${title.key}: no show ${title.tvdb.showKey}`);
      const first = title.tvdbSeasons?.[0];
      if (first?.season !== title.tvdb.season || first.episodeOffset !== title.tvdb.episodeOffset) problems.push(`${title.key}: tvdb and tvdbSeasons disagree`);
      for (const piece of title.tvdbSeasons ?? []) {
        const season = show?.seasons.find((candidate) => candidate.number === piece.season);
        if (!season?.titleKeys.includes(title.key)) problems.push(`${title.key}: missing from S${piece.season}`);
        if ((season?.episodeCount ?? 0) < piece.episodeOffset + piece.episodes) problems.push(`${title.key}: S${piece.season} too short`);
      }
    }
    for (const show of world.shows) {
      for (const season of show.seasons) {
        for (const key of season.titleKeys) if (!titles.get(key)?.tvdbSeasons?.some((piece) => piece.season === season.number)) problems.push(`${show.key} S${season.number}: ${key} does not map there`);
      }
    }
    expect(problems.slice(0, 20)).toEqual([]);
  });

  it('keeps every list entry within the services\' rules', () => {
    const problems: string[] = [];
    for (const list of ['anilist', 'mal'] as const) {
      for (const entry of world.lists[list]) problems.push(...entryProblems(entry, titles.get(entry.titleKey), list));
      for (const key of duplicates(world.lists[list].map((entry) => entry.titleKey))) problems.push(`${list}: ${key} listed twice`);
    }
    expect(problems.slice(0, 20)).toEqual([]);
  });

  it('has a Plex library whose every item, watch and rating exists', () => {
    const problems: string[] = [];
    const libraryItems = new Set<string>();
    const trackKeys = new Set(world.plex.tracks.map((track) => track.key));
    for (const library of world.plex.libraries) {
      for (const key of library.itemKeys) {
        libraryItems.add(key);
        if (library.type === 'show' && shows.get(key)?.kind !== (library.holds === 'anime' ? 'anime' : 'show')) problems.push(`${library.title}: ${key}`);
        if (library.type === 'movie' && titles.get(key)?.format !== 'MOVIE') problems.push(`${library.title}: ${key}`);
        if (library.type === 'artist' && !trackKeys.has(key)) problems.push(`${library.title}: ${key}`);
      }
    }
    const seen = new Set<string>();
    for (const watch of world.plex.watched) {
      const id = `${watch.showKey} S${watch.season}E${watch.episode}`;
      const season = shows.get(watch.showKey)?.seasons.find((candidate) => candidate.number === watch.season);
      if (!libraryItems.has(watch.showKey)) problems.push(`${id}: show not in Plex`);
      if (watch.episode < 1 || watch.episode > (season?.episodeCount ?? 0)) problems.push(`${id}: no such episode`);
      if (watch.viewCount < 1) problems.push(`${id}: viewCount ${watch.viewCount}`);
      if (seen.has(id)) problems.push(`${id}: watched twice`);
      seen.add(id);
    }
    for (const watch of world.plex.moviesWatched) if (!libraryItems.has(watch.titleKey)) problems.push(`${watch.titleKey}: film not in Plex`);
    for (const rating of world.plex.ratings) if (!libraryItems.has(rating.key) || rating.rating < 0 || rating.rating > 10) problems.push(`rating ${rating.key} ${rating.rating}`);
    for (const track of world.plex.tracks) if (track.durationMs < 60_000) problems.push(`${track.key}: ${track.durationMs} ms`);
    expect(problems.slice(0, 20)).toEqual([]);
  });

  it('has Trakt items that point at real shows, seasons, episodes and films', () => {
    const exists = (item: { type: string; key: string; season?: number; episode?: number }) => {
      if (item.type === 'movie') return titles.get(item.key)?.format === 'MOVIE';
      const show = shows.get(item.key);
      if (!show) return false;
      if (item.type === 'show') return true;
      const season = show.seasons.find((candidate) => candidate.number === item.season);
      return item.type === 'season' ? season !== undefined : season !== undefined && (item.episode ?? 0) >= 1 && (item.episode ?? 0) <= season.episodeCount;
    };
    const missing = [...world.trakt.watchlist, ...world.trakt.history, ...world.trakt.ratings].filter((item) => !exists(item));
    expect(missing.slice(0, 10)).toEqual([]);
    expect(duplicates(world.trakt.watchlist.map((item) => `${item.type}:${item.key}:${item.season ?? ''}:${item.episode ?? ''}`))).toEqual([]);
    expect(world.trakt.ratings.filter((rating) => rating.rating < 1 || rating.rating > 10)).toEqual([]);
  });

  it('keeps watched things off the Trakt watchlist, as Trakt drops them', () => {
    const watched = [...world.plex.watched.map((watch) => ({ key: watch.showKey, season: watch.season, episode: watch.episode })), ...world.trakt.history.map((item) => ({ key: item.key, season: item.season, episode: item.episode }))];
    const clashes = world.trakt.watchlist.filter((item) =>
      watched.some((watch) => watch.key === item.key && (item.type === 'movie' || item.type === 'show' || (watch.season === item.season && (item.type === 'season' || watch.episode === item.episode)))),
    );
    expect(clashes).toEqual([]);
  });
});
