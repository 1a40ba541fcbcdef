import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LIST_PAGE, createMalClient } from '../../../../main/providers/mal/client';
import type { MalState } from '../../../emulators/mal/index';
import { startEmulators, type RunningEmulators } from '../../../emulators/start-emulators';

/** A 10,000-entry seed's MAL lists: 1000 entries a request, following paging.next to the end. */

let emulators: RunningEmulators;

beforeAll(async () => {
  emulators = await startEmulators({ seed: '10k' });
}, 120_000);

afterAll(async () => {
  await emulators?.close();
});

describe('MyAnimeList client on the 10k seed', () => {
  it('reads both lists in pages of 1000 by paging.next', async () => {
    const state = (emulators.services.mal as unknown as { state: MalState }).state;
    const token = state.oauth.issueTokens('kizuna-demo-mal').access_token;
    const client = createMalClient({
      api: emulators.servicesConfig.mal.api,
      fetch: (input, init) => {
        const request = new Request(input, init);
        request.headers.set('authorization', `Bearer ${token}`);
        return fetch(request);
      },
    });
    const before = emulators.log.entries.length;
    const anime = await client.animeList();
    const manga = await client.mangaList();
    const requests = emulators.log.entries.slice(before).filter((entry) => entry.service === 'mal');

    expect(anime.length + manga.length, 'the seed is the 10k one').toBeGreaterThanOrEqual(5_000);
    expect(new Set(anime.map((entry) => entry.ids.mal))).toEqual(new Set(state.lists.anime.keys()));
    expect(new Set(manga.map((entry) => entry.ids.mal))).toEqual(new Set(state.lists.manga.keys()));
    expect(requests).toHaveLength(Math.ceil(anime.length / LIST_PAGE) + Math.ceil(manga.length / LIST_PAGE));
    const offsets = requests.filter((request) => request.path.includes('animelist')).map((request) => new URL(request.path, 'http://x').searchParams.get('offset') ?? '0');
    expect(offsets).toEqual(offsets.map((_, index) => String(index * LIST_PAGE)));
    expect(requests.every((request) => request.status === 200)).toBe(true);
  }, 120_000);
});
