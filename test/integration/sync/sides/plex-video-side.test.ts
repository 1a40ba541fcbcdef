import { describe, expect, it } from 'vitest';
import { createPlexServerClient, type PlexServerClient } from '../../../../main/providers/plex/client';
import { videoKeyOf, type PlannedWrite, type SideEntry, type SideRef, type SyncField } from '../../../../main/sync/model';
import type { PlexVideoTarget } from '../../../../main/sync/sides/plex-video-read';
import { createPlexVideoSide } from '../../../../main/sync/sides/plex-video-side';
import { useEmulators, type Fixture } from '../../providers/http/emulator-fixture';
import { plexToken } from '../../providers/http/pipeline-helpers';

/**
 * The Plex video side (movies and non-anime shows) against the Plex emulator on the small seed, over the real
 * request pipeline. The seed's TV library has show tvdb 9500005 played s1e1-4 and rated 5; its movie library
 * has tmdb 9600003 played and tmdb 9600001 unplayed.
 */
const start = useEmulators();
const clientIdentifier = 'kizuna-video-side-test';
const ref: SideRef & { service: 'plex'; kind: 'video' } = { accountId: 'plex-1', service: 'plex', kind: 'video', scale: 'point10' };

async function setup() {
  const fixture = await start({ autoApprove: true });
  const fetch = fixture.account('plex', await plexToken(fixture.emulators, clientIdentifier));
  const client = createPlexServerClient({ baseUrl: fixture.emulators.urls.plex, fetch, clientIdentifier });
  const all = await client.sections();
  const keysOf = (holds: string) => {
    const titles = fixture.emulators.world.plex.libraries.filter((library) => library.holds === holds).map((library) => library.title);
    return all.filter((section) => titles.includes(section.title)).map((section) => section.key);
  };
  const sections = { movies: keysOf('movies'), shows: keysOf('shows') };
  const side = createPlexVideoSide({ ref, client, sections });
  fixture.emulators.log.clear();
  return { fixture, client, side, sections };
}

const show = (tvdb: number) => videoKeyOf('show', 'tvdb', tvdb);
const movie = (tmdb: number) => videoKeyOf('movie', 'tmdb', tmdb);
const entry = (entries: SideEntry[], key: string) => entries.find((candidate) => candidate.titleKey === key) as SideEntry;
const scrobbles = (fixture: Fixture) => fixture.emulators.log.forService('plex').filter((logged) => logged.endpoint === 'PUT /:/scrobble' && logged.status === 200);

function write(found: SideEntry, changes: Array<[SyncField, unknown]>, id = found.titleKey): PlannedWrite {
  return {
    id,
    side: ref,
    titleKey: found.titleKey,
    title: found.title,
    op: 'update',
    changes: changes.map(([field, after]) => ({ field, before: null, after: after as string[], from: { ...ref, service: 'trakt' }, reason: 'test' })),
    target: found.target,
    guards: [],
  };
}

async function episodeCounts(client: PlexServerClient, target: unknown): Promise<number[]> {
  return (await client.allLeaves((target as PlexVideoTarget).ratingKeys[0] ?? '')).filter((leaf) => leaf.parentIndex === 1).map((leaf) => leaf.viewCount);
}

describe('Plex video side (emulator, small seed)', () => {
  it('reads movies and shows by their TVDB/TMDB GUIDs, played sets and ratings, in one listing per movie section and two per show section', async () => {
    const { fixture, side, sections } = await setup();
    const read = await side.read();
    expect(entry(read.entries, show(9500005)).state).toEqual({ watched: ['s1e1', 's1e2', 's1e3', 's1e4'], score: 50 });
    expect(entry(read.entries, movie(9600003)).state).toEqual({ watched: ['movie'], score: null });
    expect(entry(read.entries, movie(9600001)).state).toEqual({ watched: [], score: null });
    expect(entry(read.entries, movie(372058)).state).toEqual({ watched: ['movie'], score: 90 });
    expect(fixture.emulators.log.forService('plex')).toHaveLength(sections.movies.length + 2 * sections.shows.length);
  });

  it('scrobbles only the unplayed episodes a write adds; the same write again plays nothing', async () => {
    const { fixture, side, client } = await setup();
    const found = entry((await side.read()).entries, show(9500005));
    fixture.emulators.log.clear();
    const change = write(found, [['watched', ['s1e1', 's1e2', 's1e3', 's1e4', 's1e5', 's1e6']]]);

    const [outcome] = await side.apply([change]);
    expect(outcome).toMatchObject({ ok: true, state: { watched: ['s1e1', 's1e2', 's1e3', 's1e4', 's1e5', 's1e6'], score: 50 } });
    expect(scrobbles(fixture)).toHaveLength(2);
    fixture.emulators.log.clear();
    expect((await side.apply([change]))[0]).toMatchObject({ ok: true });
    expect(scrobbles(fixture)).toHaveLength(0);
    expect((await episodeCounts(client, found.target)).slice(0, 7)).toEqual([1, 1, 1, 1, 1, 1, 0]);
  });

  it('a season caught up whole is one scrobble of the season; a lone episode is its own', async () => {
    const { fixture, side, client } = await setup();
    const found = entry((await side.read()).entries, show(9500001));
    expect(found.state.watched).toEqual([]);
    const leaves = await client.allLeaves((found.target as PlexVideoTarget).ratingKeys[0] ?? '');
    const first = leaves.filter((leaf) => leaf.parentIndex === 1);
    fixture.emulators.log.clear();

    const watched = [...first.map((leaf) => `s1e${leaf.index}`), 's2e1'];
    const [outcome] = await side.apply([write(found, [['watched', watched]])]);
    expect(outcome).toMatchObject({ ok: true, state: { watched } });
    const keys = scrobbles(fixture).map((logged) => new URL(logged.path, 'http://x').searchParams.get('key'));
    expect(keys).toEqual([first[0]?.parentRatingKey, leaves.find((leaf) => leaf.parentIndex === 2 && leaf.index === 1)?.ratingKey]);
    expect((await client.allLeaves((found.target as PlexVideoTarget).ratingKeys[0] ?? '')).map((leaf) => leaf.viewCount)).toEqual(leaves.map((leaf) => (leaf.parentIndex === 1 || (leaf.parentIndex === 2 && leaf.index === 1) ? 1 : 0)));
  });

  it('rates and clears ratings on the 0-10 scale', async () => {
    const { side, client } = await setup();
    const read = await side.read();
    const [rated, cleared] = await side.apply([write(entry(read.entries, movie(9600001)), [['score', 80]]), write(entry(read.entries, show(9500005)), [['score', null]])]);
    expect(rated).toMatchObject({ ok: true, state: { score: 80 } });
    expect(cleared).toMatchObject({ ok: true, state: { score: null } });
    expect((await client.metadata((entry(read.entries, movie(9600001)).target as PlexVideoTarget).ratingKeys[0] ?? '')).userRating).toBe(8);
    const current = await side.readCurrent([movie(9600001), show(9500005), movie(999_999_999)]);
    expect(current.get(movie(9600001))).toMatchObject({ score: 80 });
    expect(current.get(show(9500005))).toMatchObject({ score: null });
    expect(current.get(movie(999_999_999))).toBeNull();
  });

  it('a failing scrobble fails its own write; the next write lands; a removal is refused', async () => {
    const { fixture, side } = await setup();
    const read = await side.read();
    fixture.emulators.faults.add({ service: 'plex', method: 'PUT', path: '/:/scrobble', times: 1, action: { kind: 'status', status: 500 } });
    const outcomes = await side.apply([
      write(entry(read.entries, movie(9600001)), [['watched', ['movie']]]),
      write(entry(read.entries, show(9500005)), [['watched', ['s1e1', 's1e2', 's1e3', 's1e4', 's1e5']]]),
      { ...write(entry(read.entries, movie(9600003)), []), op: 'remove' },
    ]);
    expect(outcomes.map((outcome) => (outcome.ok ? 'ok' : outcome.error.code))).toEqual(['unavailable', 'ok', 'validation']);
    expect(side.createTarget).toBeUndefined();
  });
});
