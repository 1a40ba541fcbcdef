import { afterEach, describe, expect, it } from 'vitest';
import { DEMO_CLIENT, startMal, type MalFixture } from './mal-fixture';
import { seedTitle, seedWorld, smallWorld } from './world-fixture';

let mal: MalFixture | undefined;
afterEach(async () => {
  await mal?.close();
  mal = undefined;
});

const clientOnly = { token: null, clientId: DEMO_CLIENT } as const;

describe('MAL emulator: details, search, user, pictures', () => {
  it('answers details with id, title and main_picture by default and the fields asked for', async () => {
    mal = await startMal(smallWorld());
    const bare = await mal.get('/v2/anime/31646', clientOnly);
    expect(bare.status).toBe(200);
    expect(Object.keys((await bare.json()) as object)).toEqual(['id', 'title', 'main_picture']);
    const full = (await (await mal.get('/v2/anime/31646?fields=alternative_titles,start_date,media_type,status,num_episodes,mean,genres,nsfw,start_season,pictures', clientOnly)).json()) as Record<string, unknown>;
    expect(full).toMatchObject({
      alternative_titles: { synonyms: ['Sangatsu no Lion'], en: 'March Comes in Like a Lion', ja: '3月のライオン' },
      media_type: 'tv',
      status: 'finished_airing',
      num_episodes: 22,
      mean: 8,
      genres: [{ id: 8, name: 'Drama' }],
      nsfw: 'white',
      start_season: { year: 2016, season: 'fall' },
    });
    expect(full.start_date).toMatch(/^2016-1[0-2]-\d\d$/);
    expect(full.pictures).toHaveLength(1);
    // No mean when the seed has no score: the spec leaves the field out rather than sending null.
    expect(await (await mal.get('/v2/anime/9201?fields=mean,media_type', clientOnly)).json()).not.toHaveProperty('mean');
    expect((await (await mal.get('/v2/anime/99999?fields=nsfw', clientOnly)).json()) as object).toMatchObject({ nsfw: 'black' });
    expect((await (await mal.get('/v2/manga/2?fields=media_type,num_volumes,num_chapters,status', clientOnly)).json()) as object).toMatchObject({
      media_type: 'manga',
      num_volumes: 42,
      num_chapters: 380,
      status: 'finished',
    });
  });

  it('adds my_list_status only for a user token, and 404s unknown ids', async () => {
    mal = await startMal(smallWorld());
    const withClient = (await (await mal.get('/v2/anime/31646?fields=my_list_status', clientOnly)).json()) as object;
    expect(withClient).not.toHaveProperty('my_list_status');
    const withUser = (await (await mal.get('/v2/anime/31646?fields=my_list_status{comments}')).json()) as { my_list_status: object };
    expect(withUser.my_list_status).toMatchObject({ status: 'completed', is_rewatching: true, comments: 'again' });
    const notOnList = (await (await mal.get('/v2/anime/5114?fields=my_list_status')).json()) as object;
    expect(notOnList).not.toHaveProperty('my_list_status');
    for (const path of ['/v2/anime/1', '/v2/anime/abc', '/v2/manga/31646', '/v2/forum/boards']) {
      const response = await mal.get(path, clientOnly);
      expect(response.status, path).toBe(404);
    }
    expect((await mal.get('/v2/anime/31646', { token: null })).status).toBe(401);
    expect((await mal.get('/v2/anime/31646', { token: null, clientId: 'unknown-client' })).status).toBe(401);
  });

  it('searches titles, English titles and synonyms; q needs three bytes; limit at most 100', async () => {
    mal = await startMal(smallWorld());
    const search = async (query: string) => {
      const response = await mal!.get(`/v2/anime?${query}`, clientOnly);
      return { status: response.status, body: (await response.json()) as { data?: Array<{ node: { id: number } }>; paging?: object; error?: string; message?: string } };
    };
    expect((await search('q=lion')).body.data?.map((edge) => edge.node.id)).toEqual([31646]);
    expect((await search('q=March%20Comes')).body.data?.map((edge) => edge.node.id)).toEqual([31646]);
    expect((await search('q=sangatsu')).body.data?.map((edge) => edge.node.id)).toEqual([31646]);
    expect((await search('q=adult%20only')).body.data).toEqual([]);
    expect((await search('q=adult%20only&nsfw=true')).body.data?.map((edge) => edge.node.id)).toEqual([99999]);
    expect((await search(`q=${'ライ'}`)).status).toBe(200);
    for (const bad of ['q=li', 'q=', '', `q=${'a'.repeat(65)}`]) {
      const { status, body } = await search(bad);
      expect(status, bad).toBe(400);
      expect(body).toEqual({ message: 'invalid q', error: 'bad_request' });
    }
    expect((await mal.get(`/v2/manga?q=${'b'.repeat(65)}`, clientOnly)).status).toBe(200);
    expect((await search('q=lion&limit=101')).status).toBe(400);
    expect((await search('q=lion&limit=100')).status).toBe(200);
  });

  it('pages search results with paging.next', async () => {
    const titles = Array.from({ length: 25 }, (_, i) => seedTitle(`al:${i + 1}`, { romaji: `Robot Story ${i}`, mal: 700 + i }));
    mal = await startMal(seedWorld(titles, []));
    const first = (await (await mal.get('/v2/anime?q=robot&limit=10', clientOnly)).json()) as { data: unknown[]; paging: { next?: string } };
    expect(first.data).toHaveLength(10);
    expect(first.paging.next).toBe(`${mal.base}/v2/anime?offset=10&q=robot&limit=10`);
    const last = (await (await mal.get('/v2/anime?q=robot&limit=10&offset=20', clientOnly)).json()) as { data: unknown[]; paging: { next?: string; previous?: string } };
    expect(last.data).toHaveLength(5);
    expect(last.paging).toEqual({ previous: `${mal.base}/v2/anime?offset=10&q=robot&limit=10` });
  });

  it('answers /users/@me with id, name, picture and joined_at, and statistics when asked', async () => {
    mal = await startMal(smallWorld());
    const user = (await (await mal.get('/v2/users/@me?fields=anime_statistics')).json()) as Record<string, unknown>;
    expect(user).toMatchObject({ id: 6548478, name: 'kizuna_mal', location: '' });
    expect(user.joined_at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+00:00$/);
    expect(user.anime_statistics).toMatchObject({ num_items: 4, num_items_completed: 2, num_items_on_hold: 1, num_items_plan_to_watch: 1 });
    expect((await mal.get('/v2/users/@me', clientOnly)).status).toBe(401);
  });

  it('serves the pictures it links to from its own host', async () => {
    mal = await startMal(smallWorld());
    const node = (await (await mal.get('/v2/anime/31646', clientOnly)).json()) as { main_picture: { medium: string; large: string } };
    for (const url of [node.main_picture.medium, node.main_picture.large]) {
      expect(url.startsWith(mal.base)).toBe(true);
      const response = await fetch(url);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('image/svg+xml');
      expect(await response.text()).toContain('3-gatsu no Lion');
    }
    const user = (await (await mal.get('/v2/users/@me')).json()) as { picture: string };
    expect((await fetch(user.picture)).status).toBe(200);
    expect((await fetch(`${mal.base}/images/anime/1/1.svg`)).status).toBe(404);
  });
});
