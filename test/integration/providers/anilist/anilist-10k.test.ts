import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PER_CHUNK, createAnilistClient } from '../../../../main/providers/anilist/client';
import type { AnilistService } from '../../../emulators/anilist/index';
import { startEmulators, type RunningEmulators } from '../../../emulators/start-emulators';

/**
 * A 10,000-entry seed read under AniList's default limits (90 a minute): both lists in chunks of 500, about
 * 20 requests, no 429 (issue 4 "reading a 10,000-entry list under the default limits with no 429").
 */

let emulators: RunningEmulators;

beforeAll(async () => {
  emulators = await startEmulators({ seed: '10k' });
}, 120_000);

afterAll(async () => {
  await emulators?.close();
});

describe('AniList client on the 10k seed', () => {
  it('reads both lists in ceil(n / 500) chunk requests each, with no 429', async () => {
    const anilist = emulators.services.anilist as AnilistService;
    const token = anilist.issueToken();
    const client = createAnilistClient({
      endpoint: emulators.servicesConfig.anilist.api,
      fetch: (input, init) => {
        const request = new Request(input, init);
        request.headers.set('authorization', `Bearer ${token}`);
        return fetch(request);
      },
    });
    const userId = emulators.world.users.anilist.id;
    const before = emulators.log.entries.length;
    const anime = await client.listCollection(userId, 'ANIME');
    const manga = await client.listCollection(userId, 'MANGA');
    const requests = emulators.log.entries.slice(before).filter((entry) => entry.service === 'anilist');

    const expected = { anime: anilist.state.listOf(userId, 'ANIME').length, manga: anilist.state.listOf(userId, 'MANGA').length };
    expect(anime.length + manga.length, 'the seed is the 10k one').toBeGreaterThanOrEqual(9_000);
    expect(new Set(anime.map((entry) => entry.entryId)).size).toBe(expected.anime);
    expect(new Set(manga.map((entry) => entry.entryId)).size).toBe(expected.manga);
    expect(requests.every((request) => request.label === 'MediaListCollection')).toBe(true);
    expect(requests).toHaveLength(Math.ceil(expected.anime / PER_CHUNK) + Math.ceil(expected.manga / PER_CHUNK));
    expect(requests.length).toBeLessThanOrEqual(22);
    expect(requests.filter((request) => request.status === 429)).toEqual([]);
  }, 120_000);
});
