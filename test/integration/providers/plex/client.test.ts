import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPlexServerClient, type PlexServerClient } from '../../../../main/providers/plex/client';
import type { PlexItem, PlexSection } from '../../../../main/providers/plex/types';
import { startEmulators, type RunningEmulators } from '../../../emulators/start-emulators';
import { PLEX_PAGE_SIZE } from '../../../../main/providers/plex/http';

/**
 * The Plex Media Server client against the Plex emulator on the small seed. A user token comes from the
 * plex.tv emulator's PIN flow (auto-approved); the real pipeline would add it, here a fetch wrapper does.
 */
const clientIdentifier = 'kizuna-provider-test';
let emulators: RunningEmulators;
let client: PlexServerClient;
let sections: PlexSection[];
let plexRequest: (path: string, method: string) => Promise<Response>;

async function signIn(plextv: string): Promise<string> {
  const headers = { accept: 'application/json', 'x-plex-product': 'Kizuna', 'x-plex-client-identifier': clientIdentifier };
  const pin = (await (await fetch(`${plextv}/pins?strong=true`, { method: 'POST', headers })).json()) as { id: number };
  for (let poll = 0; poll < 5; poll++) {
    const state = (await (await fetch(`${plextv}/pins/${pin.id}`, { headers })).json()) as { authToken: string | null };
    if (state.authToken) return state.authToken;
  }
  throw new Error('the auto-approved PIN never got a token');
}

function withToken(token: string): typeof fetch {
  return (input, init) => {
    const request = new Request(input, init);
    const headers = new Headers(request.headers);
    headers.set('x-plex-token', token);
    return fetch(new Request(request, { headers }));
  };
}

beforeAll(async () => {
  emulators = await startEmulators({ seed: 'small', autoApprove: true });
  const token = await signIn(emulators.servicesConfig.plextv.api);
  client = createPlexServerClient({ baseUrl: emulators.urls.plex, fetch: withToken(token), clientIdentifier });
  plexRequest = (path, method) => withToken(token)(`${emulators.urls.plex}${path}`, { method });
  sections = await client.sections();
});
afterAll(async () => emulators.close());

function landmark(name: string): string {
  const key = emulators.world.landmarks[name];
  if (!key) throw new Error(`the small seed has no landmark ${name}`);
  return key;
}

const section = (holds: string): PlexSection => {
  const seed = emulators.world.plex.libraries.find((library) => library.holds === holds);
  const found = sections.find((candidate) => candidate.title === seed?.title);
  if (!found) throw new Error(`no ${holds} section`);
  return found;
};

async function splitCourShow(): Promise<{ item: PlexItem; seed: (typeof emulators.world.shows)[number] }> {
  const seed = emulators.world.shows.find((show) => show.key === landmark('splitCour:show'));
  const all = await client.sectionItems(section('anime').key);
  const item = all.items.find((candidate) => candidate.title === seed?.title);
  if (!item || !seed) throw new Error('the split-cour show is not in the anime library');
  return { item, seed };
}

describe('Plex Media Server client', () => {
  it('lists the four seeded libraries', () => {
    expect(sections.map((found) => [found.title, found.type])).toEqual(emulators.world.plex.libraries.map((library) => [library.title, library.type]));
  });

  it('reads a whole section with includeGuids: the split-cour show carries its tvdb, tmdb and imdb ids', async () => {
    const anime = section('anime');
    const all = await client.sectionItems(anime.key);
    expect(all.items).toHaveLength(emulators.world.plex.libraries.find((library) => library.holds === 'anime')?.itemKeys.length ?? -1);
    const { item, seed } = await splitCourShow();
    expect(item.externalIds).toEqual({ tvdb: seed.ids.tvdb, tmdb: seed.ids.tmdbShow, imdb: seed.ids.imdb });
    expect(item.type).toBe('show');
  });

  it('pages a section with X-Plex-Container-Start/Size until totalSize', async () => {
    emulators.log.clear();
    const episodes = await client.sectionItems(section('anime').key, { type: 'episode', includeGuids: false });
    const pages = emulators.log.forService('plex').filter((entry) => entry.endpoint === 'GET /library/sections/{sectionId}/all');
    expect(episodes.totalSize).toBe(episodes.items.length);
    expect(pages).toHaveLength(Math.max(1, Math.ceil(episodes.totalSize / PLEX_PAGE_SIZE)));
    expect(episodes.items.every((episode) => episode.type === 'episode')).toBe(true);
    // More than one page, so the paging itself is tested.
    expect(episodes.items.length).toBeGreaterThan(PLEX_PAGE_SIZE);
  });

  it('walks show → seasons → episodes with view counts, scrobbles (viewCount+1, lastViewedAt) and unscrobbles', async () => {
    const { item, seed } = await splitCourShow();
    const seasons = await client.children(item.ratingKey);
    expect(seasons.every((season) => season.type === 'season')).toBe(true);
    const seedSeason = seed.seasons.find((candidate) => candidate.titleKeys.includes(landmark('splitCour')));
    const season = seasons.find((candidate) => candidate.index === seedSeason?.number);
    const episodes = await client.children(season?.ratingKey ?? '');
    expect(episodes).toHaveLength(seedSeason?.episodeCount ?? -1);
    const episode = episodes[episodes.length - 1] as PlexItem;
    expect(episode).toMatchObject({ type: 'episode', parentIndex: seedSeason?.number, grandparentTitle: seed.title });
    const before = episode.viewCount;
    // Half-watched (the seed has no unfinished items, so set one the way a player reports progress).
    await plexRequest(`/:/progress?key=${episode.ratingKey}&time=60000&state=stopped`, 'POST');
    expect((await client.children(season?.ratingKey ?? '')).find((candidate) => candidate.ratingKey === episode.ratingKey)?.viewOffset).toBe(60_000);
    await client.scrobble(episode.ratingKey);
    const played = await client.metadata(episode.ratingKey);
    expect(played.viewCount).toBe(before + 1);
    expect(played.lastViewedAt).toBeGreaterThan(0);
    await client.unscrobble(episode.ratingKey);
    expect(await client.metadata(episode.ratingKey)).toMatchObject({ viewCount: 0, lastViewedAt: null, viewOffset: null });
    expect((await client.allLeaves(item.ratingKey)).length).toBe(seed.seasons.reduce((sum, candidate) => sum + candidate.episodeCount, 0));
  });

  it('rates 0-10 and clears a rating', async () => {
    const movie = (await client.sectionItems(section('movies').key)).items[0] as PlexItem;
    await client.rate(movie.ratingKey, 7);
    expect((await client.metadata(movie.ratingKey)).userRating).toBe(7);
    await client.rate(movie.ratingKey, null);
    expect((await client.metadata(movie.ratingKey)).userRating).toBeNull();
    expect(() => client.rate(movie.ratingKey, 11)).toThrow(RangeError);
  });

  it('creates a playlist, adds, moves and removes items keeping order, then deletes it', async () => {
    const movies = (await client.sectionItems(section('movies').key)).items.slice(0, 4).map((movie) => movie.ratingKey);
    const [a, b, c, d] = movies as [string, string, string, string];
    const playlist = await client.createPlaylist({ type: 'video', title: 'Kizuna test', ratingKeys: [a, b] });
    expect(playlist).toMatchObject({ title: 'Kizuna test', playlistType: 'video', smart: false, leafCount: 2 });
    expect((await client.addToPlaylist(playlist.ratingKey, [c, d])).leafCount).toBe(4);
    const entries = await client.playlistItems(playlist.ratingKey);
    expect(entries.map((entry) => entry.ratingKey)).toEqual([a, b, c, d]);
    const byKey = new Map(entries.map((entry) => [entry.ratingKey, entry.playlistItemId]));
    const moved = await client.movePlaylistItem(playlist.ratingKey, byKey.get(d) ?? 0, byKey.get(a));
    expect(moved.map((entry) => entry.ratingKey)).toEqual([a, d, b, c]);
    expect((await client.movePlaylistItem(playlist.ratingKey, byKey.get(c) ?? 0)).map((entry) => entry.ratingKey)).toEqual([c, a, d, b]);
    expect((await client.removePlaylistItem(playlist.ratingKey, byKey.get(a) ?? 0)).leafCount).toBe(3);
    expect((await client.playlistItems(playlist.ratingKey)).map((entry) => entry.ratingKey)).toEqual([c, d, b]);
    expect((await client.playlists('video')).some((found) => found.ratingKey === playlist.ratingKey)).toBe(true);
    await client.deletePlaylist(playlist.ratingKey);
    expect((await client.playlists()).some((found) => found.ratingKey === playlist.ratingKey)).toBe(false);
    await expect(client.playlistItems(playlist.ratingKey)).rejects.toMatchObject({ code: 'not_found' });
  });

  it('creates a collection, lists it, adds and removes members, then deletes it', async () => {
    const movies = section('movies');
    const [a, b, c] = (await client.sectionItems(movies.key)).items.slice(0, 3).map((movie) => movie.ratingKey) as [string, string, string];
    const collection = await client.createCollection({ sectionId: movies.key, title: 'Kizuna picks', type: 'movie', ratingKeys: [a, b] });
    expect(collection).toMatchObject({ type: 'collection', title: 'Kizuna picks', subtype: 'movie', childCount: 2 });
    expect((await client.collections(movies.key)).map((found) => found.title)).toContain('Kizuna picks');
    expect((await client.addToCollection(collection.ratingKey, [c])).childCount).toBe(3);
    expect((await client.removeFromCollection(collection.ratingKey, a)).childCount).toBe(2);
    expect((await client.collectionItems(collection.ratingKey)).map((item) => item.ratingKey)).toEqual([b, c]);
    await client.deleteCollection(movies.key, collection.ratingKey);
    expect((await client.collections(movies.key)).some((found) => found.ratingKey === collection.ratingKey)).toBe(false);
  });

  it('fails clearly, naming the service and field, when the server leaves out a required field', async () => {
    const token = await signIn(emulators.servicesConfig.plextv.api);
    const mangling: typeof fetch = async (input, init) => {
      const response = await withToken(token)(input, init);
      const body = (await response.json()) as { MediaContainer: { Metadata?: Array<Record<string, unknown>> } };
      delete body.MediaContainer.Metadata?.[1]?.title;
      return new Response(JSON.stringify(body), { status: response.status, headers: response.headers });
    };
    const broken = createPlexServerClient({ baseUrl: emulators.urls.plex, fetch: mangling, clientIdentifier });
    await expect(broken.sectionItems(section('movies').key)).rejects.toMatchObject({
      code: 'unavailable',
      message: expect.stringMatching(/^Plex Media Server answered GET \/library\/sections\/\{sectionId\}\/all without MediaContainer\.Metadata\[1\]\.title/),
    });
  });

  it('turns a refused token into an unauthenticated AppError', async () => {
    const stranger = createPlexServerClient({ baseUrl: emulators.urls.plex, fetch: withToken('not-a-token'), clientIdentifier });
    await expect(stranger.sections()).rejects.toMatchObject({ code: 'unauthenticated', message: expect.stringMatching(/Reconnect Plex/) });
  });
});
