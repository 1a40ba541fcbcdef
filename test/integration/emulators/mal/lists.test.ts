import { afterEach, describe, expect, it } from 'vitest';
import { DEMO_CLIENT, startMal, type MalFixture } from './mal-fixture';
import { bigWorld, seedEntry, seedTitle, seedWorld, smallWorld } from './world-fixture';

interface ListPage {
  data: Array<{ node: Record<string, unknown>; list_status?: Record<string, unknown> }>;
  paging: { next?: string; previous?: string };
}

let mal: MalFixture | undefined;
afterEach(async () => {
  await mal?.close();
  mal = undefined;
});

async function page(path: string, init?: Parameters<MalFixture['get']>[1]): Promise<ListPage> {
  const response = await mal!.get(path, init);
  expect(response.status, await response.clone().text()).toBe(200);
  return (await response.json()) as ListPage;
}

describe('MAL emulator: user lists', () => {
  it('pages through more than 1000 entries by following paging.next to the end', async () => {
    mal = await startMal(bigWorld(2345));
    const token = mal.token();
    const ids: unknown[] = [];
    let next: string | undefined = `${mal.base}/v2/users/@me/animelist?fields=list_status&limit=1000&nsfw=true`;
    const links: string[] = [];
    while (next) {
      links.push(next);
      const body = await page(next, { token });
      ids.push(...body.data.map((edge) => edge.node.id));
      next = body.paging.next;
    }
    expect(ids).toHaveLength(2345);
    expect(new Set(ids).size).toBe(2345);
    // Absolute URLs on the emulator, the same query with the offset first, as in the spec's example.
    expect(links[1]).toBe(`${mal.base}/v2/users/@me/animelist?offset=1000&fields=list_status&limit=1000&nsfw=true`);
    expect(links).toHaveLength(3);
    const last = await page(links[2]!, { token });
    expect(last.paging.previous).toBe(`${mal.base}/v2/users/@me/animelist?offset=1000&fields=list_status&limit=1000&nsfw=true`);
    expect(mal.log.counters()).toEqual({ 'mal GET /v2/users/@me/animelist': 4 });
  });

  it('defaults to 100 entries, hides adult titles unless nsfw=true, and refuses limit over 1000', async () => {
    mal = await startMal(bigWorld(1200));
    const first = await page('/v2/users/@me/animelist');
    expect(first.data).toHaveLength(100);
    expect(first.paging.previous).toBeUndefined();
    expect(first.paging.next).toBe(`${mal.base}/v2/users/@me/animelist?offset=100`);
    const all = await page('/v2/users/@me/animelist?limit=1000&offset=1000');
    expect(all.data).toHaveLength(1200 - 1000 - 2); // two of the 1200 are adult titles, hidden by default
    expect(all.paging.next).toBeUndefined();
    expect((await page('/v2/users/@me/animelist?limit=1000&offset=1000&nsfw=true')).data).toHaveLength(200);
    for (const bad of ['limit=1001', 'limit=0', 'limit=ten', 'offset=-1']) {
      const response = await mal.get(`/v2/users/@me/animelist?${bad}`);
      expect(response.status, bad).toBe(400);
      expect(await response.json()).toMatchObject({ error: 'bad_request' });
    }
  });

  it('returns only id, title and main_picture unless fields asks, and list_status only when asked', async () => {
    mal = await startMal(smallWorld());
    const bare = await page('/v2/users/@me/animelist');
    expect(bare.data.map((edge) => edge.node.title)).toEqual(['3-gatsu no Lion', '91 Days', 'Air Gear Special']);
    expect(Object.keys(bare.data[0]!)).toEqual(['node']);
    expect(Object.keys(bare.data[0]!.node)).toEqual(['id', 'title', 'main_picture']);
    expect((bare.data[0]!.node.main_picture as { medium: string }).medium).toMatch(new RegExp(`^${mal.base}/images/anime/\\d+/31646\\.svg$`));

    const withStatus = await page('/v2/users/@me/animelist?fields=list_status');
    expect(withStatus.data[0]!.list_status).toEqual({
      status: 'completed',
      score: 9,
      num_episodes_watched: 22,
      is_rewatching: true,
      updated_at: '2026-02-01T00:00:00+00:00',
      start_date: '2017-01-02',
      finish_date: '2017-06-30',
    });

    const chosen = await page('/v2/users/@me/animelist?fields=num_episodes,genres,list_status{priority,tags,comments,num_times_rewatched}');
    const lion = chosen.data[0]!;
    expect(Object.keys(lion.node)).toEqual(['id', 'title', 'main_picture', 'num_episodes', 'genres']);
    expect(lion.list_status).toMatchObject({ priority: 0, tags: [], num_times_rewatched: 1 });
    // "You cannot contain this field in a list" (spec: AnimeListStatus.comments).
    expect(lion.list_status).not.toHaveProperty('comments');
  });

  it('reads nested and repeated field lists, and refuses unbalanced braces', async () => {
    mal = await startMal(smallWorld());
    const merged = await page('/v2/users/@me/animelist?fields=list_status{priority},list_status{tags},my_list_status{rewatch_value}&limit=1');
    expect(merged.data[0]!.list_status).toMatchObject({ priority: 0, tags: [] });
    expect(merged.data[0]!.node.my_list_status).toMatchObject({ rewatch_value: 0, status: 'completed' });
    for (const fields of ['list_status{priority', 'list_status}', 'a{b{c}']) {
      const response = await mal.get(`/v2/users/@me/animelist?fields=${encodeURIComponent(fields)}`);
      expect(response.status, fields).toBe(400);
      expect(await response.json()).toEqual({ message: 'invalid fields', error: 'bad_request' });
    }
  });

  it('keeps one entry per MAL id when two seed titles map to the same MAL entry', async () => {
    const titles = [seedTitle('al:1', { romaji: 'Split Part 1', mal: 777 }), seedTitle('al:2', { romaji: 'Split Part 2', mal: 777 })];
    mal = await startMal(seedWorld(titles, [seedEntry('al:1', { progress: 5 }), seedEntry('al:2', { progress: 9 })]));
    const body = await page('/v2/users/@me/animelist?fields=list_status');
    expect(body.data).toEqual([{ node: expect.objectContaining({ id: 777, title: 'Split Part 1' }) as unknown, list_status: expect.objectContaining({ num_episodes_watched: 5 }) as unknown }]);
  });

  it('sorts and filters by status as the spec lists, and refuses unknown values', async () => {
    mal = await startMal(smallWorld());
    const byUpdate = await page('/v2/users/@me/animelist?sort=list_updated_at&nsfw=true');
    expect(byUpdate.data.map((edge) => edge.node.id)).toEqual([32998, 31646, 9201, 99999]);
    const byScore = await page('/v2/users/@me/animelist?sort=list_score&nsfw=true');
    expect(byScore.data.map((edge) => edge.node.id)).toEqual([31646, 9201, 99999, 32998]);
    const onHold = await page('/v2/users/@me/animelist?status=on_hold&fields=list_status');
    expect(onHold.data.map((edge) => edge.list_status?.status)).toEqual(['on_hold']);
    expect((await mal.get('/v2/users/@me/animelist?status=reading')).status).toBe(400);
    expect((await mal.get('/v2/users/@me/animelist?sort=manga_title')).status).toBe(400);
  });

  it('serves the manga list with manga list fields', async () => {
    mal = await startMal(smallWorld());
    const manga = await page('/v2/users/@me/mangalist?fields=list_status,num_chapters');
    expect(manga.data).toEqual([
      {
        node: expect.objectContaining({ id: 2, title: 'Berserk', num_chapters: 380 }) as unknown,
        list_status: { status: 'reading', is_rereading: false, num_volumes_read: 14, num_chapters_read: 120, score: 10, updated_at: '2026-01-01T00:00:00+00:00' },
      },
    ]);
  });

  it('needs a user token for @me; the user name alone is readable with a client id', async () => {
    mal = await startMal(smallWorld());
    const anonymous = await mal.get('/v2/users/@me/animelist', { token: null, clientId: DEMO_CLIENT });
    expect(anonymous.status).toBe(401);
    expect(await anonymous.json()).toEqual({ error: 'invalid_token', message: 'token is invalid' });
    const byName = await page('/v2/users/kizuna_mal/animelist', { token: null, clientId: DEMO_CLIENT });
    expect(byName.data).toHaveLength(3);
    expect((await mal.get('/v2/users/someone_else/animelist')).status).toBe(404);
    expect((await mal.get('/v2/users/@me/animelist', { token: 'not-a-token' })).status).toBe(401);
  });
});
