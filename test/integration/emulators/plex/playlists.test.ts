import { afterEach, describe, expect, it } from 'vitest';
import { keys } from './fixture-world';
import { itemFor, sectionId, startPlexHarness, type PlexHarness } from './harness';

let harness: PlexHarness;
afterEach(async () => harness?.close());

type Metadata = Record<string, unknown>;

function uri(ratingKeys: Array<number | string>): string {
  return encodeURIComponent(`server://${harness.state.library.machineIdentifier}/com.plexapp.plugins.library/library/metadata/${ratingKeys.join(',')}`);
}

async function tracks(): Promise<Metadata[]> {
  return (await harness.container(`/library/sections/${sectionId(harness.state, 'music')}/all?type=10`)).Metadata ?? [];
}

async function json(response: Response): Promise<Metadata & { Metadata?: Metadata[] }> {
  expect(response.status).toBe(200);
  return ((await response.json()) as { MediaContainer: Metadata & { Metadata?: Metadata[] } }).MediaContainer;
}

describe('playlists', () => {
  it('creates, adds, moves, removes and deletes, keeping the order the client asked for', async () => {
    harness = await startPlexHarness();
    const [a, b, c, d] = (await tracks()).map((track) => String(track.ratingKey));
    const created = await json(await harness.pms(`/playlists?type=audio&title=Night%20drive&smart=0&uri=${uri([a!, b!])}`, { method: 'POST' }));
    const playlist = created.Metadata?.[0];
    expect(playlist).toMatchObject({ type: 'playlist', title: 'Night drive', playlistType: 'audio', smart: false, leafCount: 2, duration: 310_000 + 240_000 });
    const id = String(playlist?.ratingKey);

    const added = await json(await harness.pms(`/playlists/${id}/items?uri=${uri([c!, d!])}`, { method: 'PUT' }));
    expect(added).toMatchObject({ leafCountAdded: 2, leafCountRequested: 2 });

    const before = await harness.container(`/playlists/${id}/items`);
    expect(before.Metadata?.map((item) => item.ratingKey)).toEqual([a, b, c, d]);
    const itemIds = before.Metadata?.map((item) => Number(item.playlistItemID)) ?? [];

    // Move the last entry after the first: the others keep their places.
    const moved = await json(await harness.pms(`/playlists/${id}/items/${itemIds[3]}/move?after=${itemIds[0]}`, { method: 'PUT' }));
    expect(moved.Metadata?.map((item) => item.ratingKey)).toEqual([a, d, b, c]);
    await json(await harness.pms(`/playlists/${id}/items/${itemIds[2]}/move`, { method: 'PUT' }));
    expect((await harness.container(`/playlists/${id}/items`)).Metadata?.map((item) => item.ratingKey)).toEqual([c, a, d, b]);

    await json(await harness.pms(`/playlists/${id}/items/${itemIds[0]}`, { method: 'DELETE' }));
    const after = await harness.container(`/playlists/${id}/items`);
    expect(after.Metadata?.map((item) => item.ratingKey)).toEqual([c, d, b]);
    expect(after).toMatchObject({ leafCount: 3, playlistType: 'audio', title: 'Night drive' });

    expect((await harness.pms(`/playlists/${id}`, { method: 'DELETE' })).status).toBe(204);
    expect((await harness.pms(`/playlists/${id}`)).status).toBe(404);
  });

  it('lets the same track appear twice, each with its own playlistItemID', async () => {
    harness = await startPlexHarness();
    const [first] = (await tracks()).map((track) => String(track.ratingKey));
    const created = await json(await harness.pms(`/playlists?type=audio&title=Loop&smart=0&uri=${uri([first!, first!])}`, { method: 'POST' }));
    const items = await harness.container(`/playlists/${String(created.Metadata?.[0]?.ratingKey)}/items`);
    expect(items.Metadata?.map((item) => item.ratingKey)).toEqual([first, first]);
    expect(new Set(items.Metadata?.map((item) => item.playlistItemID)).size).toBe(2);
  });

  it('lists playlists by type, reads and renames one, and expands an album into its tracks', async () => {
    harness = await startPlexHarness();
    const album = [...harness.state.library.items.values()].find((item) => item.type === 'album' && item.title === 'THE BOOK');
    const show = itemFor(harness.state, keys.tvShow, 'show');
    await harness.pms(`/playlists?type=audio&title=Album&smart=0&uri=${uri([album!.ratingKey])}`, { method: 'POST' });
    const video = await json(await harness.pms(`/playlists?type=video&title=Binge&smart=0&uri=${uri([show.ratingKey])}`, { method: 'POST' }));
    expect(video.Metadata?.[0]).toMatchObject({ leafCount: 20, playlistType: 'video' });

    const audio = await harness.container('/playlists?playlistType=audio');
    expect(audio.Metadata?.map((playlist) => [playlist.title, playlist.leafCount])).toEqual([['Album', 2]]);
    expect((await harness.container('/playlists')).Metadata).toHaveLength(2);

    const id = String(audio.Metadata?.[0]?.ratingKey);
    expect((await harness.pms(`/playlists/${id}?title=Renamed`, { method: 'PUT' })).status).toBe(204);
    expect((await harness.container(`/playlists/${id}`)).Metadata?.[0]).toMatchObject({ title: 'Renamed' });
  });

  it('refuses a playlist without title or type, a uri for another server, and unknown items', async () => {
    harness = await startPlexHarness();
    const [first] = (await tracks()).map((track) => String(track.ratingKey));
    expect((await harness.pms(`/playlists?type=audio&smart=0&uri=${uri([first!])}`, { method: 'POST' })).status).toBe(400);
    expect((await harness.pms(`/playlists?title=x&smart=0&uri=${uri([first!])}`, { method: 'POST' })).status).toBe(400);
    const foreign = encodeURIComponent(`server://0000/com.plexapp.plugins.library/library/metadata/${first}`);
    expect((await harness.pms(`/playlists?type=audio&title=x&smart=0&uri=${foreign}`, { method: 'POST' })).status).toBe(400);
    expect((await harness.pms(`/playlists?type=audio&title=x&smart=0&uri=${uri([999999])}`, { method: 'POST' })).status).toBe(400);
  });
});

describe('collections', () => {
  it('creates a collection in a section, lists, adds, reorders, removes items and deletes it', async () => {
    harness = await startPlexHarness();
    const movies = sectionId(harness.state, 'movies');
    const matrix = itemFor(harness.state, keys.movie, 'movie');
    const silentVoice = itemFor(harness.state, keys.animeMovie, 'movie');
    const home = itemFor(harness.state, keys.unmatched, 'movie');
    const created = await json(await harness.pms(`/library/collections?type=1&title=Favourites&smart=0&sectionId=${movies}&uri=${uri([matrix.ratingKey])}`, { method: 'POST' }));
    const collection = created.Metadata?.[0];
    expect(collection).toMatchObject({ type: 'collection', subtype: 'movie', title: 'Favourites', childCount: 1, librarySectionID: movies });
    const id = String(collection?.ratingKey);

    expect((await harness.container(`/library/sections/${movies}/collections`)).Metadata?.map((entry) => entry.title)).toEqual(['Favourites']);
    await json(await harness.pms(`/library/collections/${id}/items?uri=${uri([silentVoice.ratingKey, home.ratingKey])}`, { method: 'PUT' }));
    await json(await harness.pms(`/library/collections/${id}/items/${home.ratingKey}/move`, { method: 'PUT' }));
    const members = await harness.container(`/library/collections/${id}/items`);
    expect(members.Metadata?.map((item) => item.title)).toEqual(['Home Video 2019', 'The Matrix', 'A Silent Voice']);

    // The spec removes with PUT; python-plexapi sends DELETE. Both work.
    await json(await harness.pms(`/library/collections/${id}/items/${matrix.ratingKey}`, { method: 'PUT' }));
    await json(await harness.pms(`/library/collections/${id}/items/${home.ratingKey}`, { method: 'DELETE' }));
    expect((await harness.container(`/library/collections/${id}/children`)).Metadata?.map((item) => item.title)).toEqual(['A Silent Voice']);
    expect((await harness.pms(`/library/collections/${id}/items/${home.ratingKey}`, { method: 'DELETE' })).status).toBe(400);

    expect((await harness.pms(`/library/sections/${movies}/collection/${id}`, { method: 'DELETE' })).status).toBe(200);
    expect((await harness.pms(`/library/collections/${id}/items`)).status).toBe(404);
  });

  it('refuses items from another section and an unknown section', async () => {
    harness = await startPlexHarness();
    const movies = sectionId(harness.state, 'movies');
    const show = itemFor(harness.state, keys.tvShow, 'show');
    expect((await harness.pms(`/library/collections?type=1&title=x&smart=0&sectionId=${movies}&uri=${uri([show.ratingKey])}`, { method: 'POST' })).status).toBe(400);
    expect((await harness.pms(`/library/collections?type=1&title=x&smart=0&sectionId=99&uri=${uri([show.ratingKey])}`, { method: 'POST' })).status).toBe(400);
  });
});
