import type Database from 'better-sqlite3';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { upsertAccount } from '../../../../main/db/accounts-repository';
import type { AnilistMediaType } from '../../../../main/providers/anilist/schemas';
import { readListIfChanged } from '../../../../main/providers/cache/list-freshness';
import { anilistListMarker, malListMarker, traktListMarker, type TraktMarkedList } from '../../../../main/providers/cache/list-markers';
import { listEntrySchema, traktRatingItemSchema, traktWatchlistItemSchema } from '../../../../main/providers/cache/value-schemas';
import type { MediaKind } from '../../../../main/providers/model/list-entry';
import { manualClock } from '../../../emulators/common/clock';
import { useTempDirs } from '../../../support/temp-dir';
import { openFileDatabase, requestsDuring, startCacheWorld, type CacheWorld } from './fixture';

/**
 * "Lists are re-read only when the service says they changed" against the emulators: whether the list was
 * read is checked in the emulators' request log. Writes go through the real clients, so the emulator moves
 * its own stamps. The emulators run on a manual clock moved a minute between steps: the services' stamps
 * are whole seconds (list-markers.ts says what that misses), and a step keeps each write in its own second.
 */

const clock = manualClock();
let world: CacheWorld;
let db: Database.Database;
beforeAll(async () => {
  world = await startCacheWorld(clock);
});
afterAll(async () => world.emulators.close());

const tempDir = useTempDirs();
afterEach(() => {
  if (db?.open) db.close();
});

function account(service: 'anilist' | 'mal' | 'trakt', externalUserId: string): string {
  db = openFileDatabase(tempDir());
  return upsertAccount(db, { service, externalUserId, userName: 'tester', avatarUrl: null, tokenExpiresAt: null }).id;
}

const step = () => clock.advance(61_000);

describe('AniList lists re-read only when AniList says they changed', () => {
  const userId = () => world.emulators.world.users.anilist.id;
  const read = (accountId: string, type: AnilistMediaType, full = false) =>
    requestsDuring(world.emulators, 'anilist', () =>
      readListIfChanged({ db, accountId, list: type.toLowerCase(), ...anilistListMarker(world.anilist, userId(), type), readAll: () => world.anilist.listCollection(userId(), type), entrySchema: listEntrySchema, full }),
    );

  it('reads once, then only the marker until a write, a removal, a new score format or a full re-read', async () => {
    const accountId = account('anilist', String(userId()));
    const first = await read(accountId, 'ANIME');
    expect(first.value).toMatchObject({ reread: true, reason: 'first-read' });
    expect(first.labels).toEqual(['ListMarker', 'MediaListCollection']);
    expect(first.value.entries.length).toBeGreaterThan(2);

    step();
    const unchanged = await read(accountId, 'ANIME');
    expect(unchanged.labels).toEqual(['ListMarker']);
    expect(unchanged.value).toMatchObject({ reread: false, reason: 'unchanged' });
    expect(unchanged.value.entries).toEqual(first.value.entries);

    // An edit of an entry that is not the newest moves the newest updatedAt.
    step();
    const target = [...first.value.entries].sort((a, b) => a.updatedAt.localeCompare(b.updatedAt))[0]!;
    await world.anilist.saveEntries([{ mediaId: target.ids.anilist!, entryId: target.entryId!, progress: target.progress + 1 }]);
    const edited = await read(accountId, 'ANIME');
    expect(edited.value).toMatchObject({ reread: true, reason: 'marker-moved' });
    expect(edited.labels).toEqual(['ListMarker', 'MediaListCollection']);
    expect(edited.value.entries.find((entry) => entry.entryId === target.entryId)?.progress).toBe(target.progress + 1);

    // The manga list has its own marker: an anime edit does not re-read it.
    await read(accountId, 'MANGA');
    step();
    await world.anilist.saveEntries([{ mediaId: target.ids.anilist!, entryId: target.entryId!, progress: target.progress + 2 }]);
    expect((await read(accountId, 'MANGA')).value.reread).toBe(false);

    // Removing an old entry does not move the newest updatedAt; the count catches it.
    await read(accountId, 'ANIME');
    step();
    const oldest = [...edited.value.entries].sort((a, b) => a.updatedAt.localeCompare(b.updatedAt))[0]!;
    await world.anilist.deleteEntry(oldest.entryId!);
    const removed = await read(accountId, 'ANIME');
    expect(removed.value).toMatchObject({ reread: true, reason: 'marker-moved' });
    expect(removed.value.entries.map((entry) => entry.entryId)).not.toContain(oldest.entryId);

    // A new score format changes every displayed score without touching an entry.
    const user = world.anilistService.state.users.get(userId())!;
    user.scoreFormat = user.scoreFormat === 'POINT_5' ? 'POINT_100' : 'POINT_5';
    const rescored = await read(accountId, 'ANIME');
    expect(rescored.value).toMatchObject({ reread: true, reason: 'marker-moved' });
    expect(rescored.value.entries.find((entry) => entry.score)?.score?.scale).toBe(user.scoreFormat === 'POINT_5' ? 'point5' : 'point100');

    step();
    expect((await read(accountId, 'ANIME')).value.reread).toBe(false);
    const full = await read(accountId, 'ANIME', true);
    expect(full.value).toMatchObject({ reread: true, reason: 'full' });
    expect(full.labels).toContain('MediaListCollection');
  });
});

describe('MAL lists re-read only when MAL says they changed', () => {
  const read = (accountId: string, kind: MediaKind, full = false) =>
    requestsDuring(world.emulators, 'mal', () =>
      readListIfChanged({ db, accountId, list: kind, ...malListMarker(world.mal, kind), readAll: () => (kind === 'anime' ? world.mal.animeList() : world.mal.mangaList()), entrySchema: listEntrySchema, full }),
    );

  it('reads once, then only the newest change and the count, until a write, a removal or a full re-read', async () => {
    const accountId = account('mal', String(world.malState.user.id));
    const first = await read(accountId, 'anime');
    expect(first.value).toMatchObject({ reread: true, reason: 'first-read' });
    expect(first.value.entries.length).toBeGreaterThan(2);

    step();
    const unchanged = await read(accountId, 'anime');
    expect(unchanged.value).toMatchObject({ reread: false, reason: 'unchanged' });
    // The marker and the count check: two one- or two-entry pages, not the list.
    expect(unchanged.labels).toHaveLength(2);
    expect(unchanged.value.entries).toEqual(first.value.entries);

    step();
    const target = [...first.value.entries].sort((a, b) => a.updatedAt.localeCompare(b.updatedAt))[0]!;
    // A score, not progress: progress past the episode count is refused.
    const score100 = target.score?.value100 === 80 ? 70 : 80;
    await world.mal.updateAnime(target.ids.mal!, { score100 });
    const edited = await read(accountId, 'anime');
    expect(edited.value).toMatchObject({ reread: true, reason: 'marker-moved' });
    expect(edited.value.entries.find((entry) => entry.ids.mal === target.ids.mal)?.score?.value100).toBe(score100);
    expect((await read(accountId, 'manga')).value.reason).toBe('first-read');

    // A removal leaves the newest updated_at where it was; only the count check sees it.
    step();
    const oldest = [...edited.value.entries].sort((a, b) => a.updatedAt.localeCompare(b.updatedAt))[0]!;
    await world.mal.deleteAnime(oldest.ids.mal!);
    const removed = await read(accountId, 'anime');
    expect(removed.value).toMatchObject({ reread: true, reason: 'count-changed' });
    expect(removed.value.entries).toHaveLength(edited.value.entries.length - 1);

    // An addition is itself the newest change.
    step();
    await world.mal.updateAnime(oldest.ids.mal!, { status: 'planning' });
    expect((await read(accountId, 'anime')).value).toMatchObject({ reread: true, reason: 'marker-moved', entries: expect.arrayContaining([expect.objectContaining({ ids: expect.objectContaining({ mal: oldest.ids.mal }) })]) });

    expect((await read(accountId, 'anime')).value.reread).toBe(false);
    expect((await read(accountId, 'anime', true)).value).toMatchObject({ reread: true, reason: 'full' });
  });
});

describe('Trakt lists re-read only when last_activities says they changed', () => {
  it('the watchlist follows its own stamps; a watchlist change does not re-read the ratings', async () => {
    const accountId = account('trakt', world.emulators.world.users.trakt.slug);
    const watchlist = (full = false) =>
      requestsDuring(world.emulators, 'trakt', () =>
        readListIfChanged({ db, accountId, list: 'watchlist', ...traktListMarker(world.trakt, 'watchlist' satisfies TraktMarkedList), readAll: () => world.trakt.watchlist(), entrySchema: traktWatchlistItemSchema, full }),
      );
    const ratings = () =>
      requestsDuring(world.emulators, 'trakt', () =>
        readListIfChanged({ db, accountId, list: 'ratings', ...traktListMarker(world.trakt, 'ratings'), readAll: () => world.trakt.ratings(), entrySchema: traktRatingItemSchema }),
      );

    expect((await watchlist()).value).toMatchObject({ reread: true, reason: 'first-read' });
    expect((await ratings()).value.reread).toBe(true);
    step();
    const unchanged = await watchlist();
    expect(unchanged.value.reread).toBe(false);
    expect(unchanged.labels).toEqual(['GET /sync/last_activities']);

    step();
    const movie = world.traktService.state.catalogue.movies.find((candidate) => !world.traktService.state.library.onWatchlist(candidate))!;
    await world.trakt.addToWatchlist({ movies: [{ ids: { trakt: movie.ids.trakt } }] });
    const added = await watchlist();
    expect(added.value).toMatchObject({ reread: true, reason: 'marker-moved' });
    expect(added.value.entries.some((item) => item.type === 'movie' && item.movie.ids.trakt === movie.ids.trakt)).toBe(true);
    expect((await ratings()).value.reread).toBe(false);

    step();
    await world.trakt.removeFromWatchlist({ movies: [{ ids: { trakt: movie.ids.trakt } }] });
    const removed = await watchlist();
    expect(removed.value.reread).toBe(true);
    expect(removed.value.entries.some((item) => item.type === 'movie' && item.movie.ids.trakt === movie.ids.trakt)).toBe(false);

    expect((await watchlist()).value.reread).toBe(false);
    expect((await watchlist(true)).value).toMatchObject({ reread: true, reason: 'full' });
  });
});
