import { describe, expect, it } from 'vitest';
import { loadOperation } from '../../../emulators/anilist/operations/index';
import { USER, testWorld } from './fixtures';
import { useAnilist } from './harness';

const start = useAnilist();

type Entry = { mediaId: number; status: string; score: number; media: { id: number; title: { romaji: string } } };
type Group = { name: string; isCustomList: boolean; status: string | null; entries: Entry[] };

describe('AniList emulator: the queries the app sends', () => {
  it('Viewer answers for the bearer token and carries the list settings', async () => {
    const anilist = await start();
    const { status, body, headers } = await anilist.gql(loadOperation('Viewer'));
    expect(status).toBe(200);
    expect(headers.get('x-ratelimit-limit')).toBe('90');
    expect(body.errors).toBeUndefined();
    expect(body.data?.Viewer).toMatchObject({
      id: USER.id,
      name: USER.name,
      avatar: { medium: `${anilist.baseUrl}/avatars/medium/${USER.id}.svg` },
      mediaListOptions: { scoreFormat: 'POINT_10_DECIMAL', animeList: { customLists: ['Hidden'], splitCompletedSectionByFormat: false } },
    });
    expect(anilist.log.entries.at(-1)).toMatchObject({ service: 'anilist', label: 'Viewer', status: 200 });
  });

  it('MediaListCollection groups by status with the real names and shows hidden entries only in custom lists', async () => {
    const anilist = await start();
    const { body } = await anilist.gql(loadOperation('MediaListCollection'), { userId: USER.id, type: 'ANIME', chunk: 1 });
    const collection = body.data?.MediaListCollection as { hasNextChunk: boolean; lists: Group[] };
    expect(collection.hasNextChunk).toBe(false);
    expect(collection.lists.map((group) => [group.name, group.status, group.isCustomList, group.entries.map((e) => e.mediaId)])).toEqual([
      ['Watching', 'CURRENT', false, [5114]],
      ['Rewatching', 'REPEATING', false, [16498]],
      ['Completed', 'COMPLETED', false, [1, 21519]],
      ['Planning', 'PLANNING', false, [9253]],
      ['Hidden', null, true, [20958]],
    ]);
    const bebop = collection.lists[2]!.entries[0]!;
    // The fragment asks for POINT_100; the seed's 90 survives the user's POINT_10_DECIMAL format.
    expect(bebop).toMatchObject({ score: 90, media: { id: 1, title: { romaji: 'Cowboy Bebop' } } });
  });

  it('MediaListCollection reads a list of more than 500 entries in chunks', async () => {
    const anilist = await start({ world: testWorld({ bulk: 1_100 }) });
    const seen: number[] = [];
    let chunk = 1;
    for (;;) {
      const { body } = await anilist.gql(loadOperation('MediaListCollection'), { userId: USER.id, type: 'ANIME', chunk, perChunk: 500 });
      const collection = body.data?.MediaListCollection as { hasNextChunk: boolean; lists: Group[] };
      const ids = collection.lists.flatMap((group) => group.entries.map((e) => e.mediaId));
      expect(ids.length).toBeLessThanOrEqual(500);
      seen.push(...ids);
      if (!collection.hasNextChunk) break;
      chunk += 1;
    }
    expect(chunk).toBe(3);
    // 1,100 bulk entries plus the six named anime; none twice.
    expect(new Set(seen).size).toBe(1_106);
    expect(anilist.log.counters('anilist')).toEqual({ 'anilist MediaListCollection': 3 });
  });

  it('perChunk above 500 is clamped, not refused', async () => {
    const anilist = await start({ world: testWorld({ bulk: 700 }) });
    const { body } = await anilist.gql(loadOperation('MediaListCollection'), { userId: USER.id, type: 'ANIME', chunk: 1, perChunk: 5_000 });
    const collection = body.data?.MediaListCollection as { hasNextChunk: boolean; lists: Group[] };
    expect(collection.lists.flatMap((group) => group.entries)).toHaveLength(500);
    expect(collection.hasNextChunk).toBe(true);
  });

  it('the manga list names its groups for reading', async () => {
    const anilist = await start();
    const { body } = await anilist.gql(loadOperation('MediaListCollection'), { userId: USER.id, type: 'MANGA', chunk: 1 });
    const lists = (body.data?.MediaListCollection as { lists: Group[] }).lists;
    expect(lists.map((group) => group.name)).toEqual(['Reading']);
  });

  it('Page search matches titles and synonyms case-insensitively, ranked, with pageInfo', async () => {
    const anilist = await start();
    const search = async (text: string, extra: Record<string, unknown> = {}) => {
      const { body } = await anilist.gql(loadOperation('SearchMedia'), { search: text, ...extra });
      return body.data?.Page as { pageInfo: { hasNextPage: boolean; perPage: number }; media: Array<{ id: number }> };
    };
    expect((await search('fmab')).media.map((m) => m.id)).toEqual([5114]);
    expect((await search('attack on titan')).media.map((m) => m.id)).toEqual([16498, 20958]);
    expect((await search('SHINGEKI', { formats: ['MOVIE'] })).media).toEqual([]);
    expect((await search('your name', { type: 'ANIME' })).media.map((m) => m.id)).toEqual([21519]);
    const paged = await search('a', { perPage: 2 });
    expect(paged.pageInfo).toMatchObject({ hasNextPage: true, perPage: 2 });
    expect(paged.media).toHaveLength(2);
  });

  it('Page perPage is at most 50', async () => {
    const anilist = await start({ world: testWorld({ bulk: 120 }) });
    const { body } = await anilist.gql('{ Page(perPage: 80) { pageInfo { perPage hasNextPage } media(type: ANIME) { id } } }');
    const page = body.data?.Page as { pageInfo: { perPage: number; hasNextPage: boolean }; media: unknown[] };
    expect(page.pageInfo).toEqual({ perPage: 50, hasNextPage: true });
    expect(page.media).toHaveLength(50);
  });

  it('finds media by AniList and MAL ids', async () => {
    const anilist = await start();
    const byIds = await anilist.gql(loadOperation('MediaByIds'), { ids: [21519, 1, 424242] });
    expect((byIds.body.data?.Page as { media: Array<{ id: number; idMal: number }> }).media.map((m) => [m.id, m.idMal])).toEqual([
      [1, 1],
      [21519, 32281],
    ]);
    const byMal = await anilist.gql(loadOperation('MediaByMalIds'), { malIds: [2, 32281], type: 'MANGA' });
    expect((byMal.body.data?.Page as { media: Array<{ id: number }> }).media.map((m) => m.id)).toEqual([30002]);
  });

  it('Media carries a local cover URL that serves an SVG', async () => {
    const anilist = await start();
    const { body } = await anilist.gql('{ Media(id: 1) { coverImage { large color } title { userPreferred } } }', {}, null);
    const media = body.data?.Media as { coverImage: { large: string; color: string }; title: { userPreferred: string } };
    expect(media.title.userPreferred).toBe('Cowboy Bebop');
    expect(media.coverImage.large).toBe(`${anilist.baseUrl}/covers/large/1.svg`);
    expect(media.coverImage.color).toMatch(/^#[0-9a-f]{6}$/);
    const cover = await fetch(media.coverImage.large);
    expect(cover.headers.get('content-type')).toBe('image/svg+xml');
    expect(await cover.text()).toContain('Cowboy Bebop');
  });

  it('MediaList finds one entry, and answers Not Found (404) for a title not on the list', async () => {
    const anilist = await start();
    const found = await anilist.gql(loadOperation('MediaListEntry'), { userId: USER.id, mediaId: 9253 });
    expect(found.body.data?.MediaList).toMatchObject({ mediaId: 9253, status: 'PLANNING', startedAt: { year: null, month: null, day: null } });
    const missing = await anilist.gql(loadOperation('MediaListEntry'), { userId: USER.id, mediaId: 21 });
    expect(missing.status).toBe(404);
    expect(missing.body).toEqual({ errors: [{ message: 'Not Found.', status: 404, locations: [{ line: 3, column: 3 }] }], data: { MediaList: null } });
  });

  it('GET with ?query= runs queries (as graphql-php servers do); mutations need POST', async () => {
    const anilist = await start();
    const query = await anilist.fetch(`/graphql?${new URLSearchParams({ query: 'query ($id: Int) { Media(id: $id) { id } }', variables: '{"id":1}' })}`);
    expect(await query.json()).toEqual({ data: { Media: { id: 1 } } });
    const mutation = await anilist.fetch(`/graphql?${new URLSearchParams({ query: 'mutation { DeleteMediaListEntry(id: 1) { deleted } }' })}`, { headers: { authorization: `Bearer ${anilist.token}` } });
    expect(mutation.status).toBe(400);
    expect(((await mutation.json()) as { errors: Array<{ message: string }> }).errors[0]!.message).toBe('GET supports only query operation');
  });

  it('a title without an AniList id is not on AniList', async () => {
    const anilist = await start();
    const { body } = await anilist.gql('{ Page { media(search: "Game of Thrones") { id } } }');
    expect((body.data?.Page as { media: unknown[] }).media).toEqual([]);
  });
});
