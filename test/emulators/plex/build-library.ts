import type { SeedIds, SeedPlexLibrary, SeedShow, SeedTitle, SeedTrack, SeedWorld } from '../seed/world';
import { hexFrom, unixSeconds, uuidFrom } from './ids';
import { PlexLibrary } from './library';
import type { PlexItem, PlexSection, SectionType } from './model';

/**
 * Builds the Media Server's library from the seed world: shows grouped the TVDB way (the seed's
 * SeedShow.seasons, so split cours share a season and absolutely numbered shows have one long season), movies
 * from titles, music from the seed's tracks, and the user's watch history and ratings on top.
 */

/** The modern agents (API-NOTES §2: legacy agents such as HAMA are going away) and their scanners. */
const sectionKinds: Record<SectionType, { agent: string; scanner: string }> = {
  show: { agent: 'tv.plex.agents.series', scanner: 'Plex TV Series' },
  movie: { agent: 'tv.plex.agents.movie', scanner: 'Plex Movie' },
  artist: { agent: 'tv.plex.agents.music', scanner: 'Plex Music' },
};

type NewItem = Omit<PlexItem, 'ratingKey' | 'childKeys' | 'viewCount' | 'addedAt' | 'updatedAt' | 'genres'> & { genres?: string[] };

export function buildLibrary(world: SeedWorld, nowMs: number): PlexLibrary {
  const user = world.users.plex;
  const library = new PlexLibrary(user.machineIdentifier, user.serverName);
  // Items were "added" 90 days before the emulator started, a second apart in seed order.
  const addedBase = unixSeconds(nowMs) - 90 * 86400;
  const add = (item: NewItem): PlexItem => {
    const ratingKey = library.allocateKey();
    const addedAt = addedBase + ratingKey;
    const guid = item.guid === 'local://' ? `local://${ratingKey}` : item.guid;
    return library.add({ genres: [], ...item, guid, ratingKey, childKeys: [], viewCount: 0, addedAt, updatedAt: addedAt });
  };
  const titles = new Map(world.titles.map((title) => [title.key, title]));
  const shows = new Map(world.shows.map((show) => [show.key, show]));
  let musicPlaced = false;

  world.plex.libraries.forEach((seed, index) => {
    const section = newSection(seed, index + 1, nowMs);
    library.sections.push(section);
    if (seed.type === 'show') {
      for (const key of seed.itemKeys) section.rootKeys.push(addShow(add, section, need(shows, key, seed), titles).ratingKey);
    } else if (seed.type === 'movie') {
      for (const key of seed.itemKeys) section.rootKeys.push(addMovie(add, section, need(titles, key, seed)).ratingKey);
    } else if (!musicPlaced) {
      // The seed's tracks belong to its (first) music library; itemKeys, when given, pick tracks by key.
      const tracks = seed.itemKeys.length > 0 ? world.plex.tracks.filter((track) => seed.itemKeys.includes(track.key)) : world.plex.tracks;
      section.rootKeys.push(...addMusic(add, section, tracks));
      musicPlaced = true;
    }
  });
  applyHistory(library, world, titles);
  return library;
}

function need<T>(map: Map<string, T>, key: string, library: SeedPlexLibrary): T {
  const value = map.get(key);
  if (!value) throw new Error(`Seed world: Plex library "${library.title}" lists "${key}", which is not in the world`);
  return value;
}

function newSection(seed: SeedPlexLibrary, id: number, nowMs: number): PlexSection {
  return { id, seedKey: seed.key, title: seed.title, type: seed.type, ...sectionKinds[seed.type], uuid: uuidFrom(`section:${seed.key}`), holds: seed.holds, rootKeys: [], createdAt: unixSeconds(nowMs) - 365 * 86400 };
}

/** External ids in the order PMS lists them with includeGuids=1: imdb, tmdb, tvdb. */
function externalGuids(ids: SeedIds, tmdb: number | undefined): string[] {
  const out: string[] = [];
  if (ids.imdb) out.push(`imdb://${ids.imdb}`);
  if (tmdb !== undefined) out.push(`tmdb://${tmdb}`);
  if (ids.tvdb !== undefined) out.push(`tvdb://${ids.tvdb}`);
  return out;
}

/** A matched item has a plex:// guid; one no agent could match keeps `local://<ratingKey>` and no external ids. */
function guidFor(kind: string, seedKey: string, external: string[]): string {
  return external.length > 0 ? `plex://${kind}/${hexFrom(`${kind}:${seedKey}`, 24)}` : 'local://';
}

function addShow(add: (item: NewItem) => PlexItem, section: PlexSection, show: SeedShow, titles: Map<string, SeedTitle>): PlexItem {
  const external = externalGuids(show.ids, show.ids.tmdbShow);
  const item = add({ type: 'show', sectionId: section.id, title: show.title, guid: guidFor('show', show.key, external), externalGuids: external, seedKey: show.key, genres: show.genres, summary: show.overview, ...(show.year !== null ? { year: show.year } : {}) });
  for (const season of [...show.seasons].sort((a, b) => a.number - b.number)) {
    const seasonItem = add({ type: 'season', sectionId: section.id, parentKey: item.ratingKey, index: season.number, title: season.number === 0 ? 'Specials' : `Season ${season.number}`, guid: `plex://season/${hexFrom(`season:${show.key}:${season.number}`, 24)}`, externalGuids: [], seedKey: show.key });
    const minutes = episodeMinutes(season.titleKeys, titles, show.kind);
    for (let episode = 1; episode <= season.episodeCount; episode++) {
      add({ type: 'episode', sectionId: section.id, parentKey: seasonItem.ratingKey, index: episode, title: `Episode ${episode}`, guid: `plex://episode/${hexFrom(`episode:${show.key}:${season.number}:${episode}`, 24)}`, externalGuids: [], seedKey: show.key, duration: minutes * 60_000 });
    }
  }
  return item;
}

function episodeMinutes(titleKeys: string[], titles: Map<string, SeedTitle>, kind: SeedShow['kind']): number {
  for (const key of titleKeys) {
    const minutes = titles.get(key)?.episodeMinutes;
    if (minutes) return minutes;
  }
  return kind === 'anime' ? 24 : 44;
}

function addMovie(add: (item: NewItem) => PlexItem, section: PlexSection, title: SeedTitle): PlexItem {
  const external = externalGuids(title.ids, title.ids.tmdbMovie);
  const name = title.titles.english ?? title.titles.romaji;
  const original = title.titles.native ?? (name !== title.titles.romaji ? title.titles.romaji : null);
  return add({ type: 'movie', sectionId: section.id, title: name, guid: guidFor('movie', title.key, external), externalGuids: external, seedKey: title.key, genres: title.genres, summary: title.description, duration: (title.episodeMinutes ?? 100) * 60_000, ...(title.year !== null ? { year: title.year } : {}), ...(original ? { originalTitle: original } : {}) });
}

/** Artists, albums and tracks from the seed's flat track list; returns the artists' ratingKeys. */
function addMusic(add: (item: NewItem) => PlexItem, section: PlexSection, tracks: SeedTrack[]): number[] {
  const artists = new Map<string, PlexItem>();
  const albums = new Map<string, PlexItem>();
  const sorted = [...tracks].sort((a, b) => a.artist.localeCompare(b.artist) || a.album.localeCompare(b.album) || a.trackNumber - b.trackNumber);
  for (const track of sorted) {
    let artist = artists.get(track.artist);
    if (!artist) {
      artist = add({ type: 'artist', sectionId: section.id, title: track.artist, guid: `plex://artist/${hexFrom(`artist:${track.artist}`, 24)}`, externalGuids: [] });
      artists.set(track.artist, artist);
    }
    const albumKey = `${track.artist}\u0000${track.album}`;
    let album = albums.get(albumKey);
    if (!album) {
      album = add({ type: 'album', sectionId: section.id, parentKey: artist.ratingKey, index: 1, title: track.album, guid: `plex://album/${hexFrom(`album:${albumKey}`, 24)}`, externalGuids: [], ...(track.year !== null ? { year: track.year } : {}) });
      albums.set(albumKey, album);
    }
    add({ type: 'track', sectionId: section.id, parentKey: album.ratingKey, index: track.trackNumber, title: track.title, guid: `plex://track/${hexFrom(`track:${track.key}`, 24)}`, externalGuids: [], seedKey: track.key, duration: track.durationMs });
  }
  return [...artists.values()].map((artist) => artist.ratingKey);
}

/** Seed watches and ratings that point at nothing in the library are ignored: the seed may list more than Plex holds. */
function applyHistory(library: PlexLibrary, world: SeedWorld, titles: Map<string, SeedTitle>): void {
  // One pass to index by seed key: the 10k seed has hundreds of thousands of episodes.
  const index = new Map<string, PlexItem[]>();
  for (const item of library.items.values()) {
    if (item.seedKey === undefined || item.type === 'episode') continue;
    const key = `${item.type}:${item.seedKey}`;
    index.set(key, [...(index.get(key) ?? []), item]);
  }
  const bySeedKey = (key: string, type: PlexItem['type']) => index.get(`${type}:${key}`) ?? [];
  const seasons = (showKey: string, number: number) => bySeedKey(showKey, 'show').flatMap((show) => library.children(show).filter((season) => season.index === number));
  for (const watch of world.plex.watched) {
    const episodes = seasons(watch.showKey, watch.season).flatMap((season) => library.children(season).filter((episode) => episode.index === watch.episode));
    for (const item of episodes) Object.assign(item, { viewCount: watch.viewCount, lastViewedAt: watch.viewedAt });
  }
  for (const watch of world.plex.moviesWatched) {
    for (const item of bySeedKey(watch.titleKey, 'movie')) Object.assign(item, { viewCount: watch.viewCount, lastViewedAt: watch.viewedAt });
  }
  for (const { key, rating } of world.plex.ratings) {
    let targets = (['show', 'movie', 'track'] as const).flatMap((type) => bySeedKey(key, type));
    const tvdb = titles.get(key)?.tvdb;
    // A rating on an AniList entry lands on the TVDB season that holds it.
    if (targets.length === 0 && tvdb) targets = seasons(tvdb.showKey, tvdb.season);
    for (const item of targets) library.rate(item, rating, item.addedAt + 86400);
  }
}
