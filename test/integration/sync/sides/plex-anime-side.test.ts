import { describe, expect, it } from 'vitest';
import type { MatchQuery, MatchResult } from '../../../../main/mapping/model';
import { createPlexServerClient, type PlexServerClient } from '../../../../main/providers/plex/client';
import { titleKeyOf, type PlannedWrite, type SideEntry, type SideRef } from '../../../../main/sync/model';
import { createPlexAnimeSide } from '../../../../main/sync/sides/plex-anime-side';
import type { PlexAnimeTarget } from '../../../../main/sync/sides/plex-anime-ranges';
import { useEmulators, type Fixture } from '../../providers/http/emulator-fixture';
import { plexToken } from '../../providers/http/pipeline-helpers';
import { seedResolver } from './plex-seed-resolver';
import { PLEX_PAGE_SIZE } from '../../../../main/providers/plex/http';

/**
 * The Plex anime side against the Plex emulator on the small seed, over the real request pipeline. Attack on
 * Titan's TVDB season 3 holds two AniList entries (al:99147 e1-12, al:104578 e13-22); the seed has Plex
 * watched through e20, so the second cour is 8 in, where AniList says 6.
 */
const start = useEmulators();
const clientIdentifier = 'kizuna-sides-test';
const ref: SideRef & { service: 'plex'; kind: 'anime' } = { accountId: 'plex-1', service: 'plex', kind: 'anime', scale: null };

interface Setup {
  fixture: Fixture;
  client: PlexServerClient;
  sections: string[];
  unmatched: Array<{ query: MatchQuery; result: MatchResult; accountId: string }>;
  side: ReturnType<typeof createPlexAnimeSide>;
}

async function setup(holds: ReadonlyArray<'anime' | 'movies'> = ['anime']): Promise<Setup> {
  const fixture = await start({ autoApprove: true });
  const fetch = fixture.account('plex', await plexToken(fixture.emulators, clientIdentifier));
  const client = createPlexServerClient({ baseUrl: fixture.emulators.urls.plex, fetch, clientIdentifier });
  const titles = fixture.emulators.world.plex.libraries.filter((library) => holds.includes(library.holds as 'anime' | 'movies')).map((library) => library.title);
  const sections = (await client.sections()).filter((section) => titles.includes(section.title)).map((section) => section.key);
  const unmatched: Setup['unmatched'] = [];
  const side = createPlexAnimeSide({ ref, client, sections, resolve: seedResolver(fixture.emulators.world), recordUnmatched: (query, result, accountId) => void unmatched.push({ query, result, accountId }) });
  fixture.emulators.log.clear();
  return { fixture, client, sections, unmatched, side };
}

const key = (id: number) => titleKeyOf('anime', 'anilist', id);
const entryOf = (entries: SideEntry[], id: number) => entries.find((entry) => entry.titleKey === key(id)) as SideEntry;
const scrobbled = (fixture: Fixture) =>
  fixture.emulators.log
    .forService('plex')
    .filter((entry) => entry.endpoint === 'PUT /:/scrobble' && entry.status === 200)
    .map((entry) => new URL(entry.path, 'http://x').searchParams.get('key'));

function write(entry: SideEntry, changes: Array<{ field: 'progress' | 'status'; before: unknown; after: unknown }>, guards: PlannedWrite['guards'] = []): PlannedWrite {
  return {
    id: `w-${entry.titleKey}`,
    side: ref,
    titleKey: entry.titleKey,
    title: entry.title,
    op: 'update',
    changes: changes.map((change) => ({ ...change, before: change.before as number, after: change.after as number, from: { ...ref, service: 'anilist' }, reason: 'test' })),
    target: entry.target,
    guards,
  };
}

/** Play counts of an entry's episodes, read through a plain client (the side's own answer is not trusted here). */
async function viewCounts(client: PlexServerClient, target: PlexAnimeTarget): Promise<number[]> {
  const counts = new Map<string, number>();
  for (const season of target.seasons) for (const episode of await client.children(season)) counts.set(episode.ratingKey, episode.viewCount);
  return target.episodes.map((ratingKey) => (ratingKey === null ? -1 : (counts.get(ratingKey) ?? -1)));
}

describe('Plex anime side (emulator, small seed)', () => {
  it('reads a split-cour season as two AniList entries with their own progress, in two listings per section', async () => {
    const { fixture, side, sections } = await setup();
    const read = await side.read();
    const first = entryOf(read.entries, 99147);
    const second = entryOf(read.entries, 104578);
    expect(first.state).toEqual({ progress: 12, status: 'completed' });
    expect(second.state).toEqual({ progress: 8 });
    expect((first.target as PlexAnimeTarget).episodes).toHaveLength(12);
    expect((second.target as PlexAnimeTarget).episodes).toHaveLength(10);
    // Both cours live in the same Plex season, and their episodes do not overlap.
    expect((first.target as PlexAnimeTarget).seasons).toEqual((second.target as PlexAnimeTarget).seasons);
    expect((first.target as PlexAnimeTarget).episodes.filter((ratingKey) => (second.target as PlexAnimeTarget).episodes.includes(ratingKey))).toEqual([]);
    // Naruto: one entry over five TVDB seasons counts on through them.
    expect((entryOf(read.entries, 20).target as PlexAnimeTarget).episodes).toHaveLength(220);

    const requests = fixture.emulators.log.forService('plex');
    const episodeCount = fixture.emulators.world.plex.libraries
      .find((library) => library.holds === 'anime')!
      .itemKeys.reduce((sum, showKey) => sum + (fixture.emulators.world.shows.find((show) => show.key === showKey)?.seasons.reduce((total, season) => total + season.episodeCount, 0) ?? 0), 0);
    expect(requests.every((entry) => entry.endpoint === 'GET /library/sections/{sectionId}/all')).toBe(true);
    expect(requests).toHaveLength(sections.length + Math.ceil(episodeCount / PLEX_PAGE_SIZE));
  });

  it('an unmatched show reaches recordUnmatched with its GUIDs and season, counted, never synced', async () => {
    const { side, unmatched, fixture } = await setup();
    const read = await side.read();
    const lost = fixture.emulators.world.shows.find((show) => show.key === fixture.emulators.world.landmarks['unmatched:plex']);
    const recorded = unmatched.find((item) => item.query.title === lost?.title);
    expect(recorded).toMatchObject({ accountId: 'plex-1', query: { type: 'show', season: 1, guids: expect.arrayContaining([`tvdb://${lost?.ids.tvdb}`]) }, result: { status: 'abstain' } });
    expect(read.unmatched).toBe(unmatched.length);
    expect(read.unmatched).toBeGreaterThan(0);
  });

  it('a review queue that fails does not fail the read; a show the person said to ignore is neither queued nor counted', async () => {
    const { fixture, client, sections } = await setup();
    const lost = fixture.emulators.world.shows.find((show) => show.key === fixture.emulators.world.landmarks['unmatched:plex']);
    const seed = seedResolver(fixture.emulators.world);
    const failing = createPlexAnimeSide({ ref, client, sections, resolve: seed, recordUnmatched: () => Promise.reject(new Error('the review queue is down')) });
    const counted = (await failing.read()).unmatched;
    expect(counted).toBeGreaterThan(0);

    const queued: string[] = [];
    const ignoring = createPlexAnimeSide({
      ref,
      client,
      sections,
      resolve: (query) => (query.title === lost?.title ? { status: 'ignored', anilistIds: [], confidence: 1, candidates: [] } : seed(query)),
      recordUnmatched: (query) => void queued.push(query.title),
    });
    const read = await ignoring.read();
    expect(queued).not.toContain(lost?.title);
    expect(read.unmatched).toBe(counted - 1);
  });

  it('raising progress scrobbles exactly the missing episodes, once; the same write again sends nothing', async () => {
    const { fixture, side, client } = await setup();
    const second = entryOf((await side.read()).entries, 104578);
    const target = second.target as PlexAnimeTarget;
    fixture.emulators.log.clear();

    const [outcome] = await side.apply([write(second, [{ field: 'progress', before: 8, after: 9 }])]);
    expect(outcome).toEqual({ writeId: `w-${second.titleKey}`, ok: true, state: { progress: 9 } });
    expect(scrobbled(fixture)).toEqual([target.episodes[8]]);

    fixture.emulators.log.clear();
    const [again] = await side.apply([write(second, [{ field: 'progress', before: 8, after: 9 }])]);
    expect(again).toMatchObject({ ok: true, state: { progress: 9 } });
    expect(scrobbled(fixture)).toEqual([]);
    expect(await viewCounts(client, target)).toEqual([1, 1, 1, 1, 1, 1, 1, 1, 1, 0]);
  });

  it('completed marks every episode of the range, and only those; a lower progress unmarks nothing unless the write says so', async () => {
    const { fixture, side, client } = await setup();
    const read = await side.read();
    const finalSeason = entryOf(read.entries, 110277);
    const target = finalSeason.target as PlexAnimeTarget;
    const before = await viewCounts(client, target);
    fixture.emulators.log.clear();

    const [done] = await side.apply([write(finalSeason, [{ field: 'status', before: null, after: 'completed' }])]);
    expect(done).toMatchObject({ ok: true, state: { progress: 16, status: 'completed' } });
    expect(scrobbled(fixture)).toHaveLength(before.filter((count) => count === 0).length);
    expect(await viewCounts(client, target)).toEqual(before.map((count) => Math.max(count, 1)));
    // The next cour of the same season is untouched.
    expect((await viewCounts(client, entryOf(read.entries, 131681).target as PlexAnimeTarget)).every((count) => count <= 1)).toBe(true);

    const [kept] = await side.apply([write(finalSeason, [{ field: 'progress', before: 16, after: 10 }])]);
    expect(kept).toMatchObject({ ok: true, state: { progress: 16, status: 'completed' } });
    const [lowered] = await side.apply([write(finalSeason, [{ field: 'progress', before: 16, after: 10 }], ['lowers-progress'])]);
    expect(lowered).toMatchObject({ ok: true, state: { progress: 10 } });
    expect((await viewCounts(client, target)).slice(10)).toEqual([0, 0, 0, 0, 0, 0]);
  });

  it('a whole season changes in one request, and only when every episode of it is to change', async () => {
    const { fixture, side, client } = await setup();
    const first = entryOf((await side.read()).entries, 16498);
    const target = first.target as PlexAnimeTarget;
    expect(first.state).toEqual({ progress: 12, status: 'completed' });
    const season = target.seasons[0];
    const sent = (endpoint: string) =>
      fixture.emulators.log
        .forService('plex')
        .filter((entry) => entry.endpoint === endpoint)
        .map((entry) => new URL(entry.path, 'http://x').searchParams.get('key'));
    fixture.emulators.log.clear();

    expect((await side.apply([write(first, [{ field: 'progress', before: 12, after: 0 }], ['lowers-progress'])]))[0]).toMatchObject({ ok: true, state: { progress: 0 } });
    expect(sent('PUT /:/unscrobble')).toEqual([season]);
    expect((await side.apply([write(first, [{ field: 'progress', before: 0, after: 2 }])]))[0]).toMatchObject({ ok: true, state: { progress: 2 } });
    expect((await side.apply([write(first, [{ field: 'status', before: 'current', after: 'completed' }])]))[0]).toMatchObject({ ok: true, state: { progress: 12 } });
    // Two episodes, then the ten left one by one: a season scrobble now would play the first two again.
    expect(sent('PUT /:/scrobble')).toEqual(target.episodes);
    expect(await viewCounts(client, target)).toEqual(Array.from({ length: 12 }, () => 1));

    await side.apply([write(first, [{ field: 'progress', before: 12, after: 0 }], ['lowers-progress'])]);
    fixture.emulators.log.clear();
    await side.apply([write(first, [{ field: 'status', before: null, after: 'completed' }])]);
    expect(sent('PUT /:/scrobble')).toEqual([season]);
    expect(await viewCounts(client, target)).toEqual(Array.from({ length: 12 }, () => 1));
  });

  it('a failing scrobble fails its own write only: the next write still lands, and a retry sends only what is missing', async () => {
    const { fixture, side, client } = await setup();
    const read = await side.read();
    const second = entryOf(read.entries, 104578);
    const finalSeason = entryOf(read.entries, 110277);
    fixture.emulators.faults.add({ service: 'plex', method: 'PUT', path: '/:/scrobble', times: 1, action: { kind: 'status', status: 500 } });
    fixture.emulators.log.clear();

    const writes = [write(second, [{ field: 'progress', before: 8, after: 10 }]), write(finalSeason, [{ field: 'progress', before: 0, after: 3 }])];
    const [failed, landed] = await side.apply(writes);
    expect(failed).toMatchObject({ ok: false, error: { code: 'unavailable' } });
    expect(landed).toMatchObject({ ok: true, state: { progress: 3 } });

    const [retried] = await side.apply([writes[0]!]);
    expect(retried).toMatchObject({ ok: true, state: { progress: 10, status: 'completed' } });
    // The 500 did not count a play in the emulator, so each episode was played exactly once.
    expect((await viewCounts(client, second.target as PlexAnimeTarget)).slice(8)).toEqual([1, 1]);
  });

  it('a film in a library marked anime is an entry of one episode; completing it again plays nothing', async () => {
    const { fixture, side, client } = await setup(['movies']);
    const read = await side.read();
    const film = entryOf(read.entries, 21519);
    expect(film).toMatchObject({ title: 'Your Name', state: { progress: 1, status: 'completed' } });
    // The non-anime films of that library are not AniList entries: they go to review, not into the sync.
    expect(read.unmatched).toBeGreaterThan(0);
    const ratingKey = (film.target as PlexAnimeTarget).episodes[0] as string;
    fixture.emulators.log.clear();

    expect((await side.apply([write(film, [{ field: 'status', before: null, after: 'completed' }])]))[0]).toMatchObject({ ok: true, state: { status: 'completed' } });
    expect(scrobbled(fixture)).toEqual([]);
    await side.apply([write(film, [{ field: 'progress', before: 1, after: 0 }], ['lowers-progress'])]);
    expect((await client.metadata(ratingKey)).viewCount).toBe(0);
    await side.apply([write(film, [{ field: 'status', before: null, after: 'completed' }])]);
    expect(scrobbled(fixture)).toEqual([ratingKey]);
    expect((await client.metadata(ratingKey)).viewCount).toBe(1);
  });

  it('readCurrent reads fresh and says null for titles not in the libraries', async () => {
    const { side, unmatched } = await setup();
    const entry = entryOf((await side.read()).entries, 104578);
    await side.apply([write(entry, [{ field: 'progress', before: 8, after: 10 }])]);
    const queued = unmatched.length;
    const current = await side.readCurrent([key(104578), key(999_999_999)]);
    expect(current.get(key(104578))).toEqual({ progress: 10, status: 'completed' });
    expect(current.get(key(999_999_999))).toBeNull();
    expect(unmatched).toHaveLength(queued);
  });
});
