import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAnilistClient, type AnilistClient } from '../../../../main/providers/anilist/client';
import { AppError } from '../../../../shared/contract';
import type { AnilistService } from '../../../emulators/anilist/index';
import { scoreIn } from '../../../emulators/anilist/scores';
import { startEmulators, type RunningEmulators } from '../../../emulators/start-emulators';

/**
 * The AniList client against the AniList emulator on the small seed: reads, search, batched saves, delete,
 * and the errors a user must be able to understand. The ServiceFetch is global fetch plus the token; the real
 * pipeline (pacing, retries) is tested on its own.
 */

let emulators: RunningEmulators;
let client: AnilistClient;
let anilist: AnilistService;

/** What the AniList emulator serves as the user's list: seed entries whose title has an AniList id. */
function seedMediaIds(kind: 'anime' | 'manga'): number[] {
  const titles = new Map(emulators.world.titles.map((title) => [title.key, title]));
  const ids = emulators.world.lists.anilist.flatMap((entry) => {
    const title = titles.get(entry.titleKey);
    return title?.kind === kind && title.ids.anilist !== undefined ? [title.ids.anilist] : [];
  });
  return [...new Set(ids)].sort((a, b) => a - b);
}

beforeAll(async () => {
  emulators = await startEmulators({ seed: 'small' });
  anilist = emulators.services.anilist as AnilistService;
  const token = anilist.issueToken();
  client = createAnilistClient({
    endpoint: emulators.servicesConfig.anilist.api,
    fetch: (input, init) => {
      const headers = new Headers(init?.headers);
      headers.set('authorization', `Bearer ${token}`);
      return fetch(input, { ...init, headers });
    },
  });
});

afterAll(async () => {
  await emulators.close();
});

describe('AniList client on the emulator', () => {
  it('reads the Viewer with the user\'s score scale', async () => {
    const viewer = await client.viewer();
    expect(viewer.id).toBe(emulators.world.users.anilist.id);
    expect(viewer.name).toBe(emulators.world.users.anilist.name);
    expect(viewer.scoreScale).toBe(emulators.world.users.anilist.scoreFormat.toLowerCase().replaceAll('_', ''));
  });

  it('reads the whole anime and manga lists, custom lists included, each entry once', async () => {
    const userId = emulators.world.users.anilist.id;
    // An entry hidden from status lists is only in a custom list (API-NOTES §1); the small seed has none, so
    // hide one, and put another in a custom list as well as its status list.
    const user = anilist.state.users.get(userId)!;
    user.customLists.ANIME = ['Hidden', 'Favourites'];
    const [hidden, both] = anilist.state.listOf(userId, 'ANIME');
    Object.assign(hidden!, { hiddenFromStatusLists: true, customLists: { Hidden: true } });
    both!.customLists = { Favourites: true };
    for (const [type, kind] of [['ANIME', 'anime'], ['MANGA', 'manga']] as const) {
      const entries = await client.listCollection(userId, type);
      expect(entries.map((entry) => entry.ids.anilist).sort((a, b) => a! - b!)).toEqual(seedMediaIds(kind));
      expect(new Set(entries.map((entry) => entry.entryId)).size).toBe(entries.length);
      for (const entry of entries) {
        expect(entry.kind).toBe(kind);
        expect(entry.updatedAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
        if (entry.score) expect(entry.score.value100).toBeGreaterThan(0);
      }
    }
  });

  it('searches titles and looks them up by AniList and MAL ids', async () => {
    const wanted = emulators.world.titles.find((title) => title.kind === 'anime' && title.ids.anilist !== undefined && title.ids.mal !== undefined)!;
    const page = await client.searchMedia(wanted.titles.romaji, 'ANIME');
    expect(page.titles.map((title) => title.ids.anilist)).toContain(wanted.ids.anilist);
    const [byId] = await client.mediaByIds([wanted.ids.anilist!]);
    expect(byId?.ids).toEqual({ anilist: wanted.ids.anilist, mal: wanted.ids.mal });
    const byMal = await client.mediaByMalIds([wanted.ids.mal!], 'ANIME');
    expect(byMal.map((title) => title.ids.anilist)).toContain(wanted.ids.anilist);
  });

  it(`saves 60 changes in ceil(60 / maxSaveBatch) requests, and every one lands`, async () => {
    const userId = emulators.world.users.anilist.id;
    // The small seed's lists hold fewer than 60 entries, so the batch updates all of them and adds new titles.
    const existing = [...(await client.listCollection(userId, 'ANIME')), ...(await client.listCollection(userId, 'MANGA'))];
    const onList = new Set(existing.map((entry) => entry.ids.anilist));
    const fresh = emulators.world.titles.filter((title) => title.kind === 'anime' && title.ids.anilist !== undefined && !onList.has(title.ids.anilist));
    const mediaIds = [...existing.map((entry) => entry.ids.anilist!), ...fresh.map((title) => title.ids.anilist!)].slice(0, 60);
    expect(mediaIds).toHaveLength(60);
    const changes = mediaIds.map((mediaId, index) => ({ mediaId, progress: index + 1, score100: 10 + index, notes: `batch ${index}`, startedAt: `2025-01-0${(index % 9) + 1}` }));

    const viewerScale = (await client.viewer()).scoreScale;
    const before = emulators.log.entries.length;
    const results = await client.saveEntries(changes);
    const requests = emulators.log.entries.slice(before).filter((entry) => entry.service === 'anilist');
    expect(requests).toHaveLength(Math.ceil(60 / client.maxSaveBatch));
    expect(requests.every((request) => request.status === 200 && request.label === 'SaveMediaListEntries')).toBe(true);
    expect(results.map((result) => result.ok)).toEqual(changes.map(() => true));

    const after = new Map([...(await client.listCollection(userId, 'ANIME')), ...(await client.listCollection(userId, 'MANGA'))].map((entry) => [entry.ids.anilist, entry]));
    changes.forEach((change, index) => {
      const read = after.get(change.mediaId)!;
      expect(read.progress).toBe(index + 1);
      // scoreRaw is stored as sent; the native score is the same value on the user's scale.
      expect(read.score).toEqual({ value100: 10 + index, scale: viewerScale, native: scoreIn(10 + index, emulators.world.users.anilist.scoreFormat) });
      expect(read.notes).toBe(`batch ${index}`);
      expect(read.startedAt).toBe(change.startedAt);
    });
  });

  it('a failing change in a batch fails alone; the others land', async () => {
    const userId = emulators.world.users.anilist.id;
    const [first, second] = await client.listCollection(userId, 'MANGA');
    const results = await client.saveEntries([
      { mediaId: first!.ids.anilist!, entryId: first!.entryId!, repeat: 2 },
      { mediaId: second!.ids.anilist!, entryId: second!.entryId!, score100: 250 },
    ]);
    expect(results[0]).toMatchObject({ ok: true, saved: { repeat: 2 } });
    expect(results[1]?.ok).toBe(false);
    const error = results[1]?.ok === false ? results[1].error : undefined;
    expect(error?.code).toBe('validation');
    expect(error?.message).toMatch(/AniList refused the change \(scoreRaw: The score raw may not be greater than 100\.\)/);
    expect(error?.issues).toEqual([{ path: 'scoreRaw', message: 'The score raw may not be greater than 100.' }]);
  });

  it('adds a new title by media id, then deletes it; deleting again is "not on your list"', async () => {
    const userId = emulators.world.users.anilist.id;
    const onList = new Set((await client.listCollection(userId, 'ANIME')).map((entry) => entry.ids.anilist));
    const fresh = emulators.world.titles.find((title) => title.kind === 'anime' && title.ids.anilist !== undefined && !onList.has(title.ids.anilist))!;
    const [result] = await client.saveEntries([{ mediaId: fresh.ids.anilist!, status: 'planning' }]);
    if (!result?.ok) throw new Error('save failed');
    expect(result.saved).toMatchObject({ mediaId: fresh.ids.anilist, status: 'planning' });
    await client.deleteEntry(result.saved.entryId);
    const again = await client.deleteEntry(result.saved.entryId).catch((error: unknown) => error);
    expect(again).toBeInstanceOf(AppError);
    expect(again).toMatchObject({ code: 'not_found', message: expect.stringMatching(/not on your AniList list/) });
  });

  it('a body that is not JSON is an AppError naming AniList', async () => {
    emulators.faults.add({ service: 'anilist', times: 1, action: { kind: 'malformed' } });
    const error = await client.viewer().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).message).toMatch(/^AniList answered with a body that is not JSON/);
  });

  it('a refused token is "unauthenticated", telling the user to reconnect', async () => {
    const stale = createAnilistClient({
      endpoint: emulators.servicesConfig.anilist.api,
      fetch: (input, init) => fetch(input, { ...init, headers: { ...Object.fromEntries(new Headers(init?.headers)), authorization: 'Bearer not-a-token' } }),
    });
    const error = await stale.viewer().catch((caught: unknown) => caught);
    expect(error).toMatchObject({ code: 'unauthenticated', message: expect.stringMatching(/AniList refused the sign-in.*Reconnect AniList/) });
  });
});
