import { seededRandom } from '../common/random';
import { loadCatalog } from './catalog';
import { coreShowLandmarks, corePicks } from './core';
import { buildLists } from './lists';
import { buildTracks, musicLandmarks } from './music';
import { pickAdult, pickAiring, pickUnmatched, titleKeyCounts } from './picks';
import { buildPlex } from './plex';
import { seedProfiles } from './profiles';
import { buildAnimeShows, SlugRegistry, TRAKT_MOVIE_ID_BASE } from './shows';
import { syntheticMovies, syntheticShows, unmatchedPlexShow } from './synthetic';
import { animeTitle, mangaFor } from './titles';
import { buildTrakt } from './trakt';
import type { SeedName, SeedShow, SeedTitle, SeedWorld } from './world';

/**
 * buildSeedWorld('small' | '2k' | '10k'): one user's media life across AniList, MAL, Trakt and Plex, the
 * same on every machine. Everything comes from the committed catalogue plus seeded random streams (one per
 * part, so changing how Plex is drawn does not reshuffle the lists). Worlds are cached per name and deeply
 * frozen: emulators copy what they change.
 */

export { seedProfiles } from './profiles';

interface CatalogueWorld {
  anime: SeedTitle[];
  manga: SeedTitle[];
  animeShows: SeedShow[];
  showSlugs: SlugRegistry;
  movieSlugs: SlugRegistry;
}

let catalogue: CatalogueWorld | undefined;

/** The part every seed shares: all catalogue titles as SeedTitles, their manga, and their TVDB shows. */
function catalogueWorld(): CatalogueWorld {
  if (catalogue) return catalogue;
  const entries = loadCatalog().entries;
  const anime = entries.map(animeTitle);
  const manga = entries.map(mangaFor).filter((title): title is SeedTitle => title !== null);
  const movieSlugs = new SlugRegistry();
  anime.forEach((title, index) => {
    if (title.format !== 'MOVIE') return;
    const trakt = TRAKT_MOVIE_ID_BASE + index + 1;
    title.ids.trakt = trakt;
    title.ids.traktSlug = movieSlugs.claim(title.titles.english ?? title.titles.romaji, title.year, trakt);
  });
  const showSlugs = new SlugRegistry();
  catalogue = { anime, manga, animeShows: buildAnimeShows(anime, showSlugs), showSlugs, movieSlugs };
  return catalogue;
}

const users: SeedWorld['users'] = {
  anilist: { id: 5_417_219, name: 'HaruNoSora', scoreFormat: 'POINT_10' },
  mal: { id: 13_574_206, name: 'haru_no_sora' },
  trakt: { username: 'harunosora', slug: 'harunosora', name: 'Haru Sora', vip: false, watchlistLimit: 100, listLimit: 2 },
  plex: { id: 48_213_977, uuid: '6b1f0d2c9a7e4e35', username: 'harunosora', email: 'haru@example.com', serverName: 'Kotatsu', machineIdentifier: '3f9c2a7d5e1b4c8a9d6e0f1a2b3c4d5e6f7a8b9c' },
};

const worlds = new Map<SeedName, SeedWorld>();

/** The world for a seed name, built once per process and shared (it is frozen). */
export function buildSeedWorld(name: SeedName): SeedWorld {
  const cached = worlds.get(name);
  if (cached) return cached;
  const world = createSeedWorld(name);
  worlds.set(name, world);
  return world;
}

/** A fresh build, bypassing the cache: for tests of determinism. */
export function createSeedWorld(name: SeedName): SeedWorld {
  const profile = seedProfiles[name];
  const base = catalogueWorld();
  // Slugs for the made-up content come after the catalogue's, on copies so every seed claims the same ones.
  const showSlugs = base.showSlugs.copy();
  const movieSlugs = base.movieSlugs.copy();
  const tvShows = syntheticShows(profile.tvShows, showSlugs);
  const movies = syntheticMovies(profile.movies, movieSlugs);
  const unmatchedShow = unmatchedPlexShow(showSlugs);
  const titles: SeedTitle[] = [...base.anime, ...base.manga, ...movies];
  const shows: SeedShow[] = [...base.animeShows, ...tvShows, unmatchedShow];
  const titleMap = new Map(titles.map((title) => [title.key, title]));
  const showMap = new Map(shows.map((show) => [show.key, show]));

  const counts = titleKeyCounts(titles, shows.map((show) => show.title));
  const unmatched = pickUnmatched(base.anime, counts);
  const airing = pickAiring(base.anime, new Set([unmatched.key]));
  const extras = [
    { title: unmatched, plan: { status: 'COMPLETED' as const, score: 70 }, landmark: 'unmatched' },
    { title: airing, plan: { status: 'CURRENT' as const, progress: 3, score: 0 }, landmark: 'airing' },
    ...(profile.anilistEntries > 0 ? [{ title: pickAdult(base.anime), plan: { status: 'COMPLETED' as const, score: 60 }, landmark: 'adult' }] : []),
  ];

  const lists = buildLists({ titles: titleMap, anime: base.anime, manga: base.manga, extras }, profile, seededRandom(`${name}:lists`));
  const tracks = buildTracks(profile.fillerAlbums);
  const plex = buildPlex(
    { titles: titleMap, shows: showMap, entries: [...lists.anilist, ...lists.mal], coreKeys: lists.coreKeys, animeShowKeys: base.animeShows.map((show) => show.key), unmatchedShow, tvShows, movies, trackKeys: tracks.map((track) => track.key) },
    profile,
    seededRandom(`${name}:plex`),
  );
  const trakt = buildTrakt({ titles: titleMap, shows: showMap, anilist: lists.anilist, plex, tvShows, movies }, profile, seededRandom(`${name}:trakt`));

  const landmarks: Record<string, string> = { ...coreShowLandmarks };
  for (const pick of corePicks) for (const landmark of pick.landmarks ?? []) landmarks[landmark] = `al:${pick.anilist}`;
  for (const extra of extras) landmarks[extra.landmark] = extra.title.key;
  Object.assign(landmarks, musicLandmarks(tracks), {
    'unmatched:plex': unmatchedShow.key,
    tvShow: tvShows[0]?.key ?? '',
    nonAnimeMovie: movies[0]?.key ?? '',
    'trap:liveAction': tvShows.find((show) => show.title === 'Cowboy Bebop')?.key ?? '',
  });

  const world: SeedWorld = {
    seed: name,
    users: structuredClone(users),
    titles,
    shows,
    lists: { anilist: lists.anilist, mal: lists.mal },
    plex: { ...plex, tracks },
    trakt,
    landmarks,
  };
  deepFreeze(world);
  return world;
}

/** Read-only for real: an emulator that mutates seed data by mistake fails loudly instead of leaking state into other tests. */
function deepFreeze(value: unknown): void {
  if (value === null || typeof value !== 'object' || Object.isFrozen(value)) return;
  Object.freeze(value);
  for (const child of Object.values(value)) deepFreeze(child);
}
