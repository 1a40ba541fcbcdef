import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { upsertAccount } from '../../../../main/db/accounts-repository';
import { migration001Accounts } from '../../../../main/db/migrations/001-accounts';
import { migration002AccountSettings } from '../../../../main/db/migrations/002-account-settings';
import { migration003ReadCache } from '../../../../main/db/migrations/003-read-cache';
import { openDatabase } from '../../../../main/db/open-database';
import { createTraktClient } from '../../../../main/providers/trakt/client';
import { videoKeyOf, type PlannedWrite, type SideEntry, type SideRef, type SyncField } from '../../../../main/sync/model';
import { createTraktVideoSide } from '../../../../main/sync/sides/trakt-video-side';
import { defaultTraktClient, type TraktService } from '../../../emulators/trakt/index';
import { useEmulators, type Fixture } from '../../providers/http/emulator-fixture';
import { useTempDirs } from '../../../support/temp-dir';

/**
 * The Trakt video side against the Trakt emulator on the small seed, over the real request pipeline (its
 * 1-write-per-second pacing runs on the fixture's manual clock). The seed's "Glass Orchard"-style made-up
 * titles: show tvdb 9500005 has s1e1-4 played and rated 7, movie tmdb 9600003 played and rated 6, movie
 * tmdb 9600001 and show tvdb 9500001 on the watchlist.
 */
const start = useEmulators();
const tempDir = useTempDirs();
const ref: SideRef & { service: 'trakt'; kind: 'video' } = { accountId: 'trakt-1', service: 'trakt', kind: 'video', scale: 'point10' };

async function setup(withSnapshots = false) {
  const fixture = await start();
  const fetch = fixture.account('trakt', fixture.traktToken());
  const client = createTraktClient({ api: fixture.emulators.servicesConfig.trakt.api, clientId: defaultTraktClient.id, fetch });
  let freshness = {};
  if (withSnapshots) {
    // Only the migrations the snapshots need: later ones belong to other work and are not this test's concern.
    const db = openDatabase(join(tempDir(), 'kizuna.db'), { migrations: [migration001Accounts, migration002AccountSettings, migration003ReadCache] });
    const account = upsertAccount(db, { service: 'trakt', externalUserId: 'tester', userName: 'tester', avatarUrl: null, tokenExpiresAt: null });
    freshness = { freshness: { db, accountId: account.id } };
  }
  const side = createTraktVideoSide({ ref, client, ...freshness });
  fixture.emulators.log.clear();
  return { fixture, side };
}

const show = (tvdb: number) => videoKeyOf('show', 'tvdb', tvdb);
const movie = (tmdb: number) => videoKeyOf('movie', 'tmdb', tmdb);
const trakt = (fixture: Fixture) => (fixture.emulators.services.trakt as TraktService).state;
const posts = (fixture: Fixture, endpoint: string) => fixture.emulators.log.forService('trakt').filter((entry) => entry.method === 'POST' && entry.endpoint === endpoint);
/** Plays the emulator holds for one show's episode, or a movie. */
function plays(fixture: Fixture, tvdbOrTmdb: number, season?: number, episode?: number): number {
  return trakt(fixture).library.history.filter((entry) =>
    entry.record.type === 'movie' ? entry.record.ids.tmdb === tvdbOrTmdb : entry.record.show.ids.tvdb === tvdbOrTmdb && entry.record.season === season && entry.record.number === episode,
  ).length;
}

function write(titleKey: string, changes: Array<[SyncField, unknown]>, target: unknown = null, id = titleKey): PlannedWrite {
  return {
    id,
    side: ref,
    titleKey,
    title: titleKey,
    op: 'update',
    changes: changes.map(([field, after]) => ({ field, before: null, after: after as string[], from: { ...ref, service: 'plex' }, reason: 'test' })),
    target,
    guards: [],
  };
}

const entry = (entries: SideEntry[], key: string) => entries.find((candidate) => candidate.titleKey === key) as SideEntry;

describe('Trakt video side (emulator, small seed)', () => {
  it('reads history, ratings and the watchlist into show and movie keys in three requests', async () => {
    const { fixture, side } = await setup();
    const read = await side.read();
    expect(entry(read.entries, show(9500005)).state).toEqual({ watched: ['s1e1', 's1e2', 's1e3', 's1e4'], score: 70, watchlisted: false });
    expect(entry(read.entries, movie(9600003)).state).toEqual({ watched: ['movie'], score: 60, watchlisted: false });
    expect(entry(read.entries, movie(9600001)).state).toEqual({ watched: [], score: null, watchlisted: true });
    expect(entry(read.entries, show(9500001)).state).toMatchObject({ watchlisted: true });
    // A season rating (Attack on Titan s3: 10) is not the show's score (9).
    expect(entry(read.entries, show(267440)).state.score).toBe(90);
    expect(fixture.emulators.log.forService('trakt')).toHaveLength(3);
  });

  it('with snapshots, a list is read again only when last_activities says it moved', async () => {
    const { fixture, side } = await setup(true);
    const first = await side.read();
    const requests = () => fixture.emulators.log.forService('trakt').map((entry) => entry.endpoint);
    expect(requests()).toHaveLength(4);
    fixture.emulators.log.clear();

    const second = await side.read();
    expect(second.entries).toEqual(first.entries);
    expect(requests()).toEqual(['GET /sync/last_activities']);

    await side.apply([write(movie(9600005), [['score', 80]], entry(first.entries, movie(9600005)).target)]);
    fixture.emulators.log.clear();
    const third = await side.read();
    expect(entry(third.entries, movie(9600005)).state.score).toBe(80);
    expect(requests()).toEqual(['GET /sync/last_activities', 'GET /sync/ratings/{type}/{rating}']);
    fixture.emulators.log.clear();
    await side.read({ full: true });
    expect(requests()).toHaveLength(4);
  });

  it('adds only the episodes Trakt lacks, in one history call; the same write again adds no play', async () => {
    const { fixture, side } = await setup();
    const read = await side.read();
    const target = entry(read.entries, show(9500005)).target;
    const moviePlays = plays(fixture, 9600001);
    fixture.emulators.log.clear();
    const writes = [
      write(show(9500005), [['watched', ['s1e1', 's1e2', 's1e3', 's1e4', 's1e5', 's1e6']]], target),
      write(movie(9600001), [['watched', ['movie']]], entry(read.entries, movie(9600001)).target),
    ];

    const outcomes = await side.apply(writes);
    expect(outcomes.map((outcome) => outcome.ok)).toEqual([true, true]);
    expect(outcomes[0]).toMatchObject({ state: { watched: ['s1e1', 's1e2', 's1e3', 's1e4', 's1e5', 's1e6'], score: 70 } });
    expect(posts(fixture, 'POST /sync/history')).toHaveLength(1);
    expect([1, 2, 3, 4, 5, 6].map((episode) => plays(fixture, 9500005, 1, episode))).toEqual([1, 1, 1, 1, 1, 1]);
    expect(plays(fixture, 9600001)).toBe(moviePlays + 1);

    fixture.emulators.log.clear();
    const again = await side.apply(writes);
    expect(again.map((outcome) => outcome.ok)).toEqual([true, true]);
    expect(posts(fixture, 'POST /sync/history')).toHaveLength(0);
    expect([1, 2, 3, 4, 5, 6].map((episode) => plays(fixture, 9500005, 1, episode))).toEqual([1, 1, 1, 1, 1, 1]);
    expect(plays(fixture, 9600001)).toBe(moviePlays + 1);
  });

  it('remembers the plays it sent: a history read that lags behind the write does not make it send them again', async () => {
    const { fixture, side } = await setup();
    const read = await side.read();
    const change = write(show(9500005), [['watched', ['s1e1', 's1e2', 's1e3', 's1e4', 's1e5']]], entry(read.entries, show(9500005)).target);
    expect((await side.apply([change]))[0]).toMatchObject({ ok: true });
    // Trakt's history answer without the new play, as a cached read right after a write can be.
    const library = trakt(fixture).library;
    library.history = library.history.filter((play) => !(play.record.type === 'episode' && play.record.show.ids.tvdb === 9500005 && play.record.number === 5));
    fixture.emulators.log.clear();

    expect((await side.apply([change]))[0]).toMatchObject({ ok: true, state: { watched: ['s1e1', 's1e2', 's1e3', 's1e4', 's1e5'] } });
    expect(posts(fixture, 'POST /sync/history')).toHaveLength(0);
  });

  it('ratings and the watchlist go out as one bulk call each way', async () => {
    const { fixture, side } = await setup();
    const read = await side.read();
    fixture.emulators.log.clear();
    const outcomes = await side.apply([
      write(movie(9600005), [['score', 80]], entry(read.entries, movie(9600005)).target),
      write(show(9500005), [['score', 90]], entry(read.entries, show(9500005)).target),
      write(movie(9600003), [['score', null]], entry(read.entries, movie(9600003)).target),
      write(show(9500002), [['watchlisted', true]], side.createTarget?.(show(9500002), [])),
      write(movie(9600001), [['watchlisted', false]], entry(read.entries, movie(9600001)).target),
    ]);
    expect(outcomes.every((outcome) => outcome.ok)).toBe(true);
    for (const endpoint of ['POST /sync/ratings', 'POST /sync/ratings/remove', 'POST /sync/watchlist', 'POST /sync/watchlist/remove']) expect(posts(fixture, endpoint)).toHaveLength(1);
    const after = await side.readCurrent([movie(9600005), show(9500005), movie(9600003), show(9500002), movie(9600001)]);
    expect(after.get(movie(9600005))).toMatchObject({ score: 80 });
    expect(after.get(show(9500005))).toMatchObject({ score: 90 });
    expect(after.get(movie(9600003))).toMatchObject({ score: null });
    expect(after.get(show(9500002))).toMatchObject({ watchlisted: true });
    // Its only presence on Trakt was the listing: now it is on none of the lists, as the write's outcome said.
    expect(after.get(movie(9600001))).toBeNull();
    expect(outcomes[4]).toMatchObject({ ok: true, state: null });
  });

  it('a failing call fails only its writes, and a title Trakt does not know fails alone inside a batch that lands', async () => {
    const { fixture, side } = await setup();
    const read = await side.read();
    fixture.emulators.faults.add({ service: 'trakt', method: 'POST', path: '/sync/ratings', times: 1, action: { kind: 'malformed' } });
    const outcomes = await side.apply([
      write(movie(9600005), [['score', 80]], entry(read.entries, movie(9600005)).target),
      write(show(9500005), [['watched', ['s1e1', 's1e2', 's1e3', 's1e4', 's1e5']]], entry(read.entries, show(9500005)).target),
      write(movie(123_456_789), [['watched', ['movie']]], side.createTarget?.(movie(123_456_789), [])),
      write(show(9500002), [['watchlisted', true]], side.createTarget?.(show(9500002), [])),
    ]);
    expect(outcomes.map((outcome) => (outcome.ok ? 'ok' : outcome.error.code))).toEqual(['unavailable', 'ok', 'not_found', 'ok']);
    expect(plays(fixture, 9500005, 1, 5)).toBe(1);
    expect(posts(fixture, 'POST /sync/history')).toHaveLength(1);
  });

  it('never deletes a title from Trakt, and makes a target from a key alone', async () => {
    const { side } = await setup();
    expect(side.createTarget?.(show(81797), [])).toEqual({ type: 'show', ids: { tvdb: 81797 } });
    expect(side.createTarget?.(videoKeyOf('movie', 'imdb', 'tt0245429'), [])).toEqual({ type: 'movie', ids: { imdb: 'tt0245429' } });
    const [outcome] = await side.apply([{ ...write(movie(9600003), []), op: 'remove' }]);
    expect(outcome).toMatchObject({ ok: false, error: { code: 'validation' } });
  });
});
