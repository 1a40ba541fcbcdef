import { describe, expect, it } from 'vitest';
import type { AnilistService } from '../../../emulators/anilist/index';
import { loadOperation } from '../../../emulators/anilist/operations/index';
import type { FaultRule } from '../../../emulators/common/faults';
import { graphqlInit, useEmulators, type Fixture } from './emulator-fixture';

const start = useEmulators();

interface Chunk {
  data: { MediaListCollection: { hasNextChunk: boolean; lists: Array<{ entries: Array<{ id: number }> }> } };
}

/** Reads the whole anime list chunk by chunk, as the AniList client will. */
async function readAnimeList(fixture: Fixture, perChunk: number, fetchChunk: (init: RequestInit) => Promise<Response>): Promise<number[]> {
  const userId = (fixture.emulators.services.anilist as AnilistService).state.mainUserId;
  const ids: number[] = [];
  for (let chunk = 1; ; chunk++) {
    const response = await fetchChunk(graphqlInit(loadOperation('MediaListCollection'), { userId, type: 'ANIME', chunk, perChunk }));
    expect(response.status).toBe(200);
    const body = (await response.json()) as Chunk;
    for (const list of body.data.MediaListCollection.lists) ids.push(...list.entries.map((entry) => entry.id));
    if (!body.data.MediaListCollection.hasNextChunk) return ids.sort((a, b) => a - b);
  }
}

/**
 * One fault on every second request to `path`: rule k sees only the requests earlier rules let through, so
 * letting k of them pass puts it on request 2k.
 */
const everyOther = (service: string, path: string, actions: FaultRule['action'][]): FaultRule[] =>
  actions.map((action, index) => ({ service, path, after: index + 1, times: 1, action }));

describe('the request pipeline recovers from faults on the wire (emulators)', () => {
  it('AniList: a list read through a 429, 500, 502, 503, a reset and a timeout returns the same entries as a clean read', async () => {
    const fixture = await start();
    const clean = fixture.account('anilist', fixture.anilistToken());
    const expected = await readAnimeList(fixture, 50, (init) => clean(`${fixture.emulators.urls.anilist}/graphql`, init));
    expect(expected.length).toBeGreaterThan(20);

    const faulty = [{ kind: 'status', status: 500 }, { kind: 'rate-limited' }, { kind: 'status', status: 502 }, { kind: 'reset' }, { kind: 'status', status: 503 }, { kind: 'timeout' }] as const;
    for (const rule of everyOther('anilist', '/graphql', [...faulty])) fixture.emulators.faults.add(rule);
    fixture.emulators.log.clear();
    const account = fixture.account('anilist', fixture.anilistToken(), { timeoutMs: 1_000, retry: { maxAttempts: 4, baseDelayMs: 10, maxDelayMs: 50 } });
    const ids = await readAnimeList(fixture, 3, (init) => account(`${fixture.emulators.urls.anilist}/graphql`, init));

    expect(ids).toEqual(expected);
    const seen = fixture.emulators.log.entries.map((entry) => entry.fault).filter(Boolean);
    expect(seen).toEqual(['status', 'rate-limited', 'status', 'reset', 'status', 'timeout']);
    // The injected 429 started AniList's one-minute timeout; the pipeline waited it out instead of calling into it.
    const statuses = fixture.emulators.log.entries.map((entry) => entry.status);
    expect(statuses.filter((status) => status === 429)).toHaveLength(1);
  });

  it('MAL: paging through the anime list under random 403s, 5xx, resets and timeouts', async () => {
    const fixture = await start();
    const url = `${fixture.emulators.urls.mal}/v2/users/@me/animelist?fields=list_status&limit=10&nsfw=true`;
    const readAll = async (account: ReturnType<Fixture['account']>) => {
      const ids: number[] = [];
      for (let next: string | undefined = url; next; ) {
        const response = await account(next);
        expect(response.status).toBe(200);
        const page = (await response.json()) as { data: Array<{ node: { id: number } }>; paging: { next?: string } };
        ids.push(...page.data.map((row) => row.node.id));
        next = page.paging.next;
      }
      return ids;
    };
    const expected = await readAll(fixture.account('mal', fixture.malToken()));
    expect(expected.length).toBeGreaterThan(20);

    fixture.emulators.faults.setRandom({
      seed: 4,
      probability: 0.3,
      services: ['mal'],
      actions: [{ kind: 'rate-limited' }, { kind: 'status', status: 500 }, { kind: 'status', status: 503 }, { kind: 'reset' }, { kind: 'timeout' }],
    });
    fixture.emulators.log.clear();
    const ids = await readAll(fixture.account('mal', fixture.malToken(), { timeoutMs: 1_000, retry: { maxAttempts: 8, baseDelayMs: 10, maxDelayMs: 50 } }));
    expect(ids).toEqual(expected);
    expect(fixture.emulators.log.entries.filter((entry) => entry.fault).length).toBeGreaterThan(0);
  });
});
