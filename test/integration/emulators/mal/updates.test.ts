import { afterEach, describe, expect, it } from 'vitest';
import { startMal, type MalFixture } from './mal-fixture';
import { smallWorld } from './world-fixture';

let mal: MalFixture | undefined;
afterEach(async () => {
  await mal?.close();
  mal = undefined;
});

async function listStatus(fixture: MalFixture, kind: 'anime' | 'manga', id: number): Promise<Record<string, unknown> | undefined> {
  const response = await fixture.get(`/v2/${kind}/${id}?fields=my_list_status{priority,num_times_rewatched,rewatch_value,tags,comments}`);
  const body = (await response.json()) as { my_list_status?: Record<string, unknown> };
  return body.my_list_status;
}

describe('MAL emulator: list updates', () => {
  it('PATCH changes only the fields sent and stamps updated_at from the clock', async () => {
    mal = await startMal(smallWorld());
    mal.clock.set(Date.UTC(2026, 10, 22, 12, 30, 5));
    const response = await mal.send('PATCH', '/v2/anime/9201/my_list_status', { num_watched_episodes: '2', tags: 'ova, short ,', comments: 'nice' });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      status: 'on_hold',
      score: 6,
      num_episodes_watched: 2,
      is_rewatching: false,
      updated_at: '2026-11-22T12:30:05+00:00',
      priority: 0,
      num_times_rewatched: 0,
      rewatch_value: 0,
      tags: ['ova', 'short'],
      comments: 'nice',
    });
    expect(await listStatus(mal, 'anime', 9201)).toMatchObject({ status: 'on_hold', num_episodes_watched: 2, comments: 'nice' });
    expect(mal.log.counters()).toMatchObject({ 'mal PATCH /v2/anime/{anime_id}/my_list_status': 1 });
  });

  it('PUT works the same as PATCH, as the spec’s own curl sample and clients use it', async () => {
    mal = await startMal(smallWorld());
    const response = await mal.send('PUT', '/v2/anime/32998/my_list_status', { status: 'watching', score: '8', is_rewatching: 'false', start_date: '2026-11-01' });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ status: 'watching', score: 8, num_episodes_watched: 0, start_date: '2026-11-01' });
    expect(mal.log.counters()).toMatchObject({ 'mal PUT /v2/anime/{anime_id}/my_list_status': 1 });
  });

  it('adds a title that is not on the list yet', async () => {
    mal = await startMal(smallWorld());
    expect(await listStatus(mal, 'anime', 5114)).toBeUndefined();
    const response = await mal.send('PATCH', '/v2/anime/5114/my_list_status', { status: 'completed', num_watched_episodes: '64', score: '10' });
    expect(await response.json()).toMatchObject({ status: 'completed', num_episodes_watched: 64, score: 10 });
    const list = (await (await mal.get('/v2/users/@me/animelist?limit=10')).json()) as { data: Array<{ node: { id: number } }> };
    expect(list.data.map((edge) => edge.node.id)).toContain(5114);
  });

  it('updates manga with the manga field names', async () => {
    mal = await startMal(smallWorld());
    const response = await mal.send('PATCH', '/v2/manga/2/my_list_status', { num_chapters_read: '121', num_volumes_read: '15', is_rereading: 'true', num_times_reread: '2', reread_value: '3' });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ status: 'reading', num_chapters_read: 121, num_volumes_read: 15, is_rereading: true, num_times_reread: 2, reread_value: 3 });
    expect((await mal.send('PATCH', '/v2/manga/2/my_list_status', { status: 'watching' })).status).toBe(400);
  });

  it('refuses invalid values with 400 and leaves the entry as it was', async () => {
    mal = await startMal(smallWorld());
    const before = await listStatus(mal, 'anime', 31646);
    const bad: Array<Record<string, string>> = [
      { score: '11' },
      { score: '-1' },
      { status: 'reading' },
      { priority: '3' },
      { rewatch_value: '6' },
      { is_rewatching: 'yes' },
      { num_watched_episodes: '23' },
      { start_date: '2017/01/02' },
      { score: '7', num_watched_episodes: 'x' },
    ];
    for (const form of bad) {
      const response = await mal.send('PATCH', '/v2/anime/31646/my_list_status', form);
      expect(response.status, JSON.stringify(form)).toBe(400);
      expect(await response.json()).toMatchObject({ error: 'bad_request' });
    }
    expect(await listStatus(mal, 'anime', 31646)).toEqual(before);
  });

  it('refuses the response spelling num_episodes_watched as an extra field', async () => {
    mal = await startMal(smallWorld());
    const response = await mal.send('PATCH', '/v2/anime/9201/my_list_status', { num_episodes_watched: '3' });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ message: 'This form should not contain extra fields.', error: 'bad_request' });
  });

  it('does not read a JSON body: nothing changes but updated_at', async () => {
    mal = await startMal(smallWorld());
    const response = await mal.send('PATCH', '/v2/anime/9201/my_list_status', JSON.stringify({ num_watched_episodes: 3 }));
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ num_episodes_watched: 1 });
  });

  it('deletes with 200, then 404 because the entry is gone; unknown titles are 404 too', async () => {
    mal = await startMal(smallWorld());
    const first = await mal.send('DELETE', '/v2/anime/9201/my_list_status', {});
    expect(first.status).toBe(200);
    expect(await first.json()).toBeNull();
    expect((await mal.send('DELETE', '/v2/anime/9201/my_list_status', {})).status).toBe(404);
    expect((await mal.send('DELETE', '/v2/anime/123456789/my_list_status', {})).status).toBe(404);
    expect((await mal.send('PATCH', '/v2/anime/123456789/my_list_status', { score: '1' })).status).toBe(404);
    expect((await mal.send('DELETE', '/v2/manga/2/my_list_status', {})).status).toBe(200);
    expect(mal.log.counters()).toMatchObject({ 'mal DELETE /v2/anime/{anime_id}/my_list_status': 3, 'mal DELETE /v2/manga/{manga_id}/my_list_status': 1 });
  });

  it('needs a valid user token to change the list', async () => {
    mal = await startMal(smallWorld());
    const response = await mal.send('PATCH', '/v2/anime/9201/my_list_status', { score: '1' }, 'forged');
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({ error: 'invalid_token', message: 'token is invalid' });
  });
});
