import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMalClient, type MalClient } from '../../../../main/providers/mal/client';
import type { ServiceFetch } from '../../../../main/providers/http/service-fetch';
import { AppError } from '../../../../shared/contract';
import type { MalState } from '../../../emulators/mal/index';
import { startEmulators, type RunningEmulators } from '../../../emulators/start-emulators';

/**
 * The MyAnimeList client against the MAL emulator on the small seed: lists, updates in the request
 * spellings, delete and its 404, search, details, and the errors a user must understand. The ServiceFetch
 * is global fetch plus the token; the real pipeline is tested on its own.
 */

let emulators: RunningEmulators;
let client: MalClient;
let state: MalState;
const requests: Array<{ method: string; url: string; body: string | null }> = [];

/** The seed's MAL list as the emulator holds it: one entry per MAL id, the first seed entry winning. */
function seedMalIds(kind: 'anime' | 'manga'): number[] {
  const titles = new Map(emulators.world.titles.map((title) => [title.key, title]));
  const ids = emulators.world.lists.mal.flatMap((entry) => {
    const title = titles.get(entry.titleKey);
    return title?.kind === kind && title.ids.mal !== undefined ? [title.ids.mal] : [];
  });
  return [...new Set(ids)].sort((a, b) => a - b);
}

export function bearerFetch(token: string, seen?: typeof requests): ServiceFetch {
  return async (input, init) => {
    // axios's fetch adapter passes a Request whose headers carry the content type; keep them.
    const request = new Request(input, init);
    request.headers.set('authorization', `Bearer ${token}`);
    seen?.push({ method: request.method, url: request.url, body: request.body ? await request.clone().text() : null });
    return fetch(request);
  };
}

beforeAll(async () => {
  emulators = await startEmulators({ seed: 'small' });
  state = (emulators.services.mal as unknown as { state: MalState }).state;
  const token = state.oauth.issueTokens('kizuna-demo-mal').access_token;
  client = createMalClient({ api: emulators.servicesConfig.mal.api, fetch: bearerFetch(token, requests) });
});

afterAll(async () => {
  await emulators.close();
});

describe('MyAnimeList client on the emulator', () => {
  it('reads who is signed in', async () => {
    expect(await client.me()).toMatchObject({ id: emulators.world.users.mal.id, name: emulators.world.users.mal.name });
  });

  it('reads the whole anime and manga lists with list_status, adult titles included', async () => {
    for (const kind of ['anime', 'manga'] as const) {
      const entries = kind === 'anime' ? await client.animeList() : await client.mangaList();
      expect(entries.map((entry) => entry.ids.mal).sort((a, b) => a! - b!)).toEqual(seedMalIds(kind));
      for (const entry of entries) {
        expect(entry.kind).toBe(kind);
        expect(entry.title?.ids.mal).toBe(entry.ids.mal);
        expect(entry.updatedAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
        expect(entry.progressVolumes === null).toBe(kind === 'anime');
      }
    }
    const listRequest = requests.find((request) => request.url.includes('/users/@me/animelist'))!;
    const query = new URL(listRequest.url).searchParams;
    expect(query.get('limit')).toBe('1000');
    expect(query.get('nsfw')).toBe('true');
    expect(query.get('fields')).toMatch(/^list_status\{status,score,num_episodes_watched,is_rewatching,num_times_rewatched,start_date,finish_date,priority,comments,updated_at\},/);
  });

  it('updates land, sent as a form in the request spellings', async () => {
    const [entry] = await client.animeList();
    const id = entry!.ids.mal!;
    const saved = await client.updateAnime(id, { status: 'repeating', progress: 1, score100: 80, repeat: 3, notes: 'again', startedAt: '2026-01-02', completedAt: null });
    expect(saved).toMatchObject({ status: 'repeating', progress: 1, score: { native: 8, scale: 'point10', value100: 80 }, repeat: 3, notes: 'again', startedAt: '2026-01-02', completedAt: null });
    const sent = requests.at(-1)!;
    expect(sent.method).toBe('PATCH');
    const form = new URLSearchParams(sent.body ?? '');
    expect(form.get('num_watched_episodes')).toBe('1');
    expect(form.has('num_episodes_watched')).toBe(false);
    expect(Object.fromEntries(form)).toMatchObject({ status: 'completed', is_rewatching: 'true', score: '8', num_times_rewatched: '3', comments: 'again', start_date: '2026-01-02', finish_date: '' });
    expect(state.lists.anime.get(id)).toMatchObject({ status: 'completed', repeating: true, progress: 1, score: 8, timesRepeated: 3, comments: 'again', startDate: '2026-01-02', finishDate: null });

    const [manga] = await client.mangaList();
    const read = await client.updateManga(manga!.ids.mal!, { status: 'current', progress: 2, progressVolumes: 1 });
    expect(read).toMatchObject({ status: 'current', progress: 2, progressVolumes: 1 });
    expect(Object.fromEntries(new URLSearchParams(requests.at(-1)!.body ?? ''))).toEqual({ status: 'reading', is_rereading: 'false', num_chapters_read: '2', num_volumes_read: '1' });
  });

  it('deletes an entry; deleting it again is "not on your list"', async () => {
    const [entry] = await client.mangaList();
    const id = entry!.ids.mal!;
    await client.deleteManga(id);
    expect(state.lists.manga.has(id)).toBe(false);
    const again = await client.deleteManga(id).catch((error: unknown) => error);
    expect(again).toBeInstanceOf(AppError);
    expect(again).toMatchObject({ code: 'not_found', message: expect.stringMatching(/is not on your MyAnimeList list/) });
  });

  it('searches titles and reads details; a query under 3 characters is refused before sending', async () => {
    const wanted = emulators.world.titles.find((title) => title.kind === 'anime' && title.ids.mal !== undefined && !title.isAdult)!;
    const page = await client.search('anime', wanted.titles.romaji);
    expect(page.titles.map((title) => title.ids.mal)).toContain(wanted.ids.mal);
    const details = await client.details('anime', wanted.ids.mal!);
    expect(details).toMatchObject({ ids: { mal: wanted.ids.mal }, kind: 'anime', title: wanted.titles.romaji });

    const before = requests.length;
    const short = await client.search('anime', ' ab ').catch((error: unknown) => error);
    expect(short).toMatchObject({ code: 'validation', message: 'Type at least 3 characters to search MyAnimeList.' });
    expect(requests.length).toBe(before);
  });

  it('an answer missing a required field names MyAnimeList and the field', async () => {
    const stubbed = createMalClient({
      api: emulators.servicesConfig.mal.api,
      fetch: async () => Response.json({ data: [{ node: { id: 1, title: 'X' }, list_status: { status: 'watching', score: 0, extra: 'tolerated' } }], paging: {} }),
    });
    const error = await stubbed.animeList().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: 'unavailable', retryable: false, message: expect.stringMatching(/^MyAnimeList answered GET \/users\/@me\/animelist page 1 without data\[0\]\.list_status\.updated_at/) });
  });

  it('a body that is not JSON is an AppError naming MyAnimeList', async () => {
    emulators.faults.add({ service: 'mal', times: 1, action: { kind: 'malformed' } });
    const error = await client.me().catch((caught: unknown) => caught);
    expect(error).toMatchObject({ code: 'unavailable', message: expect.stringMatching(/^MyAnimeList answered GET \/users\/@me with a body that is not JSON/) });
  });

  it('a refused token is "unauthenticated", telling the user to reconnect', async () => {
    const stale = createMalClient({ api: emulators.servicesConfig.mal.api, fetch: bearerFetch('not-a-token') });
    const error = await stale.animeList().catch((caught: unknown) => caught);
    expect(error).toMatchObject({ code: 'unauthenticated', message: expect.stringMatching(/MyAnimeList refused the sign-in \("token is invalid"\)\. Reconnect/) });
  });
});
