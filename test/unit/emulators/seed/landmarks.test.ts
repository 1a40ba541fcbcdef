import { describe, expect, it } from 'vitest';
import { roughKey } from '../../../emulators/seed/generate/derive';
import { buildSeedWorld } from '../../../emulators/seed/index';
import type { SeedName, SeedShow, SeedTitle, SeedWorld } from '../../../emulators/seed/world';

function lookup(world: SeedWorld) {
  const titles = new Map(world.titles.map((title) => [title.key, title]));
  const shows = new Map(world.shows.map((show) => [show.key, show]));
  const title = (landmark: string): SeedTitle => {
    const key = world.landmarks[landmark];
    const found = key === undefined ? undefined : titles.get(key);
    if (!found) throw new Error(`landmark ${landmark} (${key}) is not a title`);
    return found;
  };
  const show = (landmark: string): SeedShow => {
    const key = world.landmarks[landmark];
    const found = key === undefined ? undefined : shows.get(key);
    if (!found) throw new Error(`landmark ${landmark} (${key}) is not a show`);
    return found;
  };
  const entry = (list: 'anilist' | 'mal', key: string) => world.lists[list].find((candidate) => candidate.titleKey === key);
  return { titles, shows, title, show, entry };
}

const names: SeedName[] = ['small', '2k', '10k'];

describe.each(names)('landmarks of the %s seed', (name) => {
  const world = buildSeedWorld(name);
  const { title, show, entry, titles } = lookup(world);

  it('a split cour: two AniList entries in one TVDB season, the second at an offset', () => {
    const first = title('splitCour:first');
    const second = title('splitCour');
    expect(second.tvdb?.showKey).toBe(first.tvdb?.showKey);
    expect(second.tvdb?.season).toBe(first.tvdb?.season);
    expect(second.tvdb?.episodeOffset).toBe(first.episodes);
    const season = show('splitCour:show').seasons.find((candidate) => candidate.number === second.tvdb?.season);
    expect(season?.titleKeys).toEqual([first.key, second.key]);
  });

  it('absolute numbering: one TVDB season holding three or more AniList entries at offsets', () => {
    const bleach = show('absoluteNumbering');
    expect(bleach.absoluteNumbering).toBe(true);
    const long = bleach.seasons.find((season) => season.titleKeys.length >= 3 && season.number > 0);
    const offsets = long?.titleKeys.map((key) => titles.get(key)?.tvdbSeasons?.find((piece) => piece.season === long.number)?.episodeOffset);
    expect(offsets).toEqual([0, 13, 26]);
  });

  it('one AniList entry filling several TVDB seasons', () => {
    const naruto = title('multiSeasonEntry');
    expect(naruto.tvdbSeasons?.map((piece) => piece.season)).toEqual([1, 2, 3, 4, 5]);
    expect(naruto.tvdbSeasons?.reduce((sum, piece) => sum + piece.episodes, 0)).toBe(naruto.episodes);
    // AniList progress 57 is S01 (35 episodes) plus S02E01-22 on Plex.
    const watched = world.plex.watched.filter((watch) => watch.showKey === naruto.tvdb?.showKey);
    expect(watched.filter((watch) => watch.season === 2).map((watch) => watch.episode).sort((a, b) => a - b).at(-1)).toBe(22);
  });

  it('a special in season 0, a film without TVDB, a manga, a planned film', () => {
    expect(title('special').tvdb?.season).toBe(0);
    const movie = title('movie');
    expect([movie.format, movie.tvdb, movie.ids.tvdb, typeof movie.ids.tmdbMovie]).toEqual(['MOVIE', undefined, undefined, 'number']);
    expect(title('manga')).toMatchObject({ kind: 'manga', format: 'MANGA' });
    expect(title('movie:planned').format).toBe('MOVIE');
  });

  it('an unmatched anime: no TVDB/TMDB/IMDb id and a title no other title shares', () => {
    const unmatched = title('unmatched');
    expect(unmatched.ids.tvdb ?? unmatched.ids.tmdbShow ?? unmatched.ids.tmdbMovie ?? unmatched.ids.imdb).toBeUndefined();
    const key = roughKey(unmatched.titles.romaji);
    const clashes = world.titles.filter((other) => other !== unmatched && [other.titles.romaji, other.titles.english].some((text) => text && roughKey(text) === key));
    expect(clashes).toEqual([]);
    expect(world.shows.some((candidate) => roughKey(candidate.title) === key)).toBe(false);
    expect(entry('anilist', unmatched.key)).toBeDefined();
  });

  it('an anime in Plex that nothing maps', () => {
    const plexOnly = show('unmatched:plex');
    expect(plexOnly.seasons.every((season) => season.titleKeys.length === 0)).toBe(true);
    expect(world.plex.libraries.find((library) => library.holds === 'anime')?.itemKeys).toContain(plexOnly.key);
  });

  it('disagreements between AniList, MAL and Plex', () => {
    const progress = title('disagreement:progress');
    const anilistProgress = entry('anilist', progress.key)?.progress ?? -1;
    const malProgress = entry('mal', progress.key)?.progress ?? -1;
    const plexWatched = world.plex.watched.filter((watch) => watch.showKey === progress.tvdb?.showKey && watch.season === progress.tvdb?.season && watch.episode > (progress.tvdb?.episodeOffset ?? 0)).length;
    expect(new Set([anilistProgress, malProgress, plexWatched]).size).toBe(3);

    const score = title('disagreement:score');
    expect(entry('anilist', score.key)?.score).not.toBe(entry('mal', score.key)?.score);
    const status = title('disagreement:status');
    expect(entry('anilist', status.key)?.status).not.toBe(entry('mal', status.key)?.status);
    expect(entry('mal', title('missing:mal').key)).toBeUndefined();
    expect(entry('anilist', title('missing:anilist').key)).toBeUndefined();
    expect(entry('mal', title('missing:anilist').key)).toBeDefined();
  });

  it('an airing title with no episode count, a rewatch, a private entry, quotes in a title', () => {
    expect(title('airing').episodes).toBeNull();
    expect(entry('anilist', title('airing').key)?.status).toBe('CURRENT');
    expect(entry('anilist', title('repeating').key)).toMatchObject({ status: 'REPEATING', repeat: 1 });
    expect(entry('anilist', title('private').key)?.private).toBe(true);
    expect(title('quotedTitle').titles.romaji).toMatch(/^".+"$/);
  });

  it('non-anime content: a TV show, a film, and a live-action show with an anime\'s exact title', () => {
    expect(show('tvShow').kind).toBe('show');
    expect(title('nonAnimeMovie').kind).toBe('movie');
    const trap = show('trap:liveAction');
    expect(trap.kind).toBe('show');
    expect(world.shows.some((other) => other.kind === 'anime' && other.title === trap.title)).toBe(true);
    expect(world.trakt.watchlist.map((item) => item.key)).toContain(trap.key);
  });

  it('music: several artists on a track, Japanese and Chinese titles', () => {
    const tracks = new Map(world.plex.tracks.map((track) => [track.key, track]));
    expect(tracks.get(world.landmarks['music:multiArtist'] ?? '')?.artist).toMatch(/ & /);
    expect(tracks.get(world.landmarks['music:featuring'] ?? '')?.artist).toMatch(/ feat\. /);
    expect(tracks.get(world.landmarks['music:japanese'] ?? '')?.title).toMatch(/[\u3040-\u30ff]/);
    expect(tracks.get(world.landmarks['music:chinese'] ?? '')?.title).toMatch(/[\u4e00-\u9fff]/);
  });

  it('a Trakt watchlist with films, shows, a season and an episode', () => {
    expect(new Set(world.trakt.watchlist.map((item) => item.type))).toEqual(new Set(['movie', 'show', 'season', 'episode']));
  });

  it('an adult title in the bigger seeds only', () => {
    if (name === 'small') expect(world.landmarks.adult).toBeUndefined();
    else expect(title('adult').isAdult).toBe(true);
  });
});
