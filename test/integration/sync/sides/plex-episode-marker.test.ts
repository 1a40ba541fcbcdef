import { describe, expect, it } from 'vitest';
import { createPlexServerClient } from '../../../../main/providers/plex/client';
import { titleKeyOf, type PlannedWrite, type SideEntry, type SideRef } from '../../../../main/sync/model';
import type { PlexAnimeTarget } from '../../../../main/sync/sides/plex-anime-ranges';
import { createPlexAnimeSide } from '../../../../main/sync/sides/plex-anime-side';
import type { PlexVideoTarget } from '../../../../main/sync/sides/plex-video-read';
import { createPlexVideoSide } from '../../../../main/sync/sides/plex-video-side';
import { useEmulators, type Fixture } from '../../providers/http/emulator-fixture';
import { plexToken } from '../../providers/http/pipeline-helpers';
import { seedResolver } from './plex-seed-resolver';

/**
 * Plex's change marker (issue 6, no-op resync): a section's episodes are read again only when a show's
 * leafCount / viewedLeafCount / lastViewedAt moved. A watch and an unwatch made on Plex after a read are both
 * seen by the next read; a read with nothing changed lists no episodes. Each test has its own account id, so
 * the process-wide kept listings of other tests are not reused.
 */
const start = useEmulators();
const clientIdentifier = 'kizuna-marker-test';

async function connect() {
  const fixture = await start({ autoApprove: true });
  const fetch = fixture.account('plex', await plexToken(fixture.emulators, clientIdentifier));
  const client = createPlexServerClient({ baseUrl: fixture.emulators.urls.plex, fetch, clientIdentifier });
  const all = await client.sections();
  const keysOf = (holds: string) => {
    const titles = fixture.emulators.world.plex.libraries.filter((library) => library.holds === holds).map((library) => library.title);
    return all.filter((section) => titles.includes(section.title)).map((section) => section.key);
  };
  return { fixture, client, keysOf };
}

/** Episode listings (`type=4`) the server answered since the log was last cleared. */
const episodeListings = (fixture: Fixture) =>
  fixture.emulators.log.forService('plex').filter((entry) => entry.endpoint === 'GET /library/sections/{sectionId}/all' && new URL(entry.path, 'http://x').searchParams.get('type') === '4').length;

const animeKey = (id: number) => titleKeyOf('anime', 'anilist', id);
const stateOf = (entries: SideEntry[], key: string) => entries.find((entry) => entry.titleKey === key)?.state;

describe('Plex change marker (emulator, small seed)', () => {
  it('anime: a no-op read lists no episodes; a watch and an unwatch on Plex are each seen by the next read', async () => {
    const { fixture, client, keysOf } = await connect();
    const ref: SideRef & { service: 'plex'; kind: 'anime' } = { accountId: `plex-marker-anime-${Date.now()}`, service: 'plex', kind: 'anime', scale: null };
    const side = () => createPlexAnimeSide({ ref, client, sections: keysOf('anime'), resolve: seedResolver(fixture.emulators.world) });
    const first = await side().read();
    const target = first.entries.find((entry) => entry.titleKey === animeKey(104578))?.target as PlexAnimeTarget;
    expect(stateOf(first.entries, animeKey(104578))).toEqual({ progress: 8 });

    fixture.emulators.log.clear();
    const again = await side().read();
    expect(episodeListings(fixture)).toBe(0);
    expect(again.entries).toEqual(first.entries);

    await client.scrobble(target.episodes[8] as string);
    fixture.emulators.log.clear();
    const watched = await side().read();
    expect(episodeListings(fixture)).toBeGreaterThan(0);
    expect(stateOf(watched.entries, animeKey(104578))).toEqual({ progress: 9 });

    await client.unscrobble(target.episodes[4] as string);
    const unwatched = await side().read();
    expect(stateOf(unwatched.entries, animeKey(104578))).toEqual({ progress: 4 });

    fixture.emulators.log.clear();
    await side().read();
    expect(episodeListings(fixture)).toBe(0);
  });

  it('anime: after our own scrobbles, settle keeps the listing, so the next read lists no episodes and shows the write', async () => {
    const { fixture, client, keysOf } = await connect();
    const ref: SideRef & { service: 'plex'; kind: 'anime' } = { accountId: `plex-marker-settle-${Date.now()}`, service: 'plex', kind: 'anime', scale: null };
    const side = createPlexAnimeSide({ ref, client, sections: keysOf('anime'), resolve: seedResolver(fixture.emulators.world) });
    const read = await side.read();
    const entry = read.entries.find((candidate) => candidate.titleKey === animeKey(104578)) as SideEntry;
    const write: PlannedWrite = {
      id: 'w-1',
      side: ref,
      titleKey: entry.titleKey,
      title: entry.title,
      op: 'update',
      changes: [{ field: 'progress', before: 8, after: 10, from: { ...ref, service: 'anilist' }, reason: 'test' }],
      target: entry.target,
      guards: [],
    };
    const [outcome] = await side.apply([write]);
    expect(outcome?.ok).toBe(true);
    await side.settle?.([{ write, state: outcome?.ok ? outcome.state : null }]);

    fixture.emulators.log.clear();
    const next = await createPlexAnimeSide({ ref, client, sections: keysOf('anime'), resolve: seedResolver(fixture.emulators.world) }).read();
    expect(episodeListings(fixture)).toBe(0);
    expect(stateOf(next.entries, animeKey(104578))).toEqual({ progress: 10, status: 'completed' });
    // The kept listing agrees with what the server itself says.
    expect((await side.readCurrent([animeKey(104578)])).get(animeKey(104578))).toEqual({ progress: 10, status: 'completed' });
  });

  it('video: a no-op read lists no episodes; a watch and an unwatch on Plex are each seen by the next read', async () => {
    const { fixture, client, keysOf } = await connect();
    const ref: SideRef & { service: 'plex'; kind: 'video' } = { accountId: `plex-marker-video-${Date.now()}`, service: 'plex', kind: 'video', scale: 'point10' };
    const sections = { movies: keysOf('movies'), shows: keysOf('shows') };
    const side = () => createPlexVideoSide({ ref, client, sections });
    const first = await side().read();
    const shows = first.entries.filter((entry) => (entry.target as PlexVideoTarget).type === 'show');
    expect(shows.length).toBeGreaterThan(0);

    fixture.emulators.log.clear();
    const again = await side().read();
    expect(episodeListings(fixture)).toBe(0);
    expect(again.entries).toEqual(first.entries);

    // A show with a watched and an unwatched episode: unwatch one, watch the other, a read apart.
    let picked: { entry: SideEntry; played: string; unplayed: string; playedKey: string; unplayedKey: string } | undefined;
    for (const entry of shows) {
      const leaves = await client.allLeaves((entry.target as PlexVideoTarget).ratingKeys[0] as string);
      const played = leaves.find((leaf) => leaf.viewCount > 0);
      const unplayed = leaves.find((leaf) => leaf.viewCount === 0);
      if (!played || !unplayed) continue;
      const keyOf = (leaf: typeof played) => `s${leaf.parentIndex}e${leaf.index}`;
      picked = { entry, played: played.ratingKey, unplayed: unplayed.ratingKey, playedKey: keyOf(played), unplayedKey: keyOf(unplayed) };
      break;
    }
    if (!picked) throw new Error('the small seed has no partly watched show');
    const watchedOf = (entries: SideEntry[]) => (stateOf(entries, picked.entry.titleKey) as { watched: string[] }).watched;
    const before = watchedOf(first.entries);

    await client.unscrobble(picked.played);
    const unwatched = watchedOf((await side().read()).entries);
    expect(unwatched.length).toBe(before.length - 1);

    await client.scrobble(picked.unplayed);
    fixture.emulators.log.clear();
    const watched = watchedOf((await side().read()).entries);
    expect(episodeListings(fixture)).toBeGreaterThan(0);
    expect(watched.length).toBe(before.length);
    expect(watched).not.toEqual(before);

    fixture.emulators.log.clear();
    await side().read();
    expect(episodeListings(fixture)).toBe(0);
  });
});
