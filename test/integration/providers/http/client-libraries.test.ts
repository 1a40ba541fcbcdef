import axios from 'axios';
import { GraphQLClient } from 'graphql-request';
import { describe, expect, it } from 'vitest';
import { useEmulators } from './emulator-fixture';

const start = useEmulators();

/**
 * The clients hand the pipeline their requests as the libraries make them: graphql-request calls it with a
 * URL and init, axios's fetch adapter with a Request. Both must work, retries included.
 */
describe('the pipeline under the chosen client libraries (emulators)', () => {
  it('graphql-request reads AniList through it, across an injected 502', async () => {
    const fixture = await start({ faults: { rules: [{ service: 'anilist', path: '/graphql', times: 1, action: { kind: 'status', status: 502 } }] } });
    const account = fixture.account('anilist', fixture.anilistToken(), { retry: { baseDelayMs: 1, maxDelayMs: 5 } });
    const client = new GraphQLClient(`${fixture.emulators.urls.anilist}/graphql`, { fetch: account });
    const data = await client.request<{ Viewer: { id: number } }>('query Viewer { Viewer { id } }');
    expect(data.Viewer.id).toBeGreaterThan(0);
    expect(fixture.emulators.log.forService('anilist').map((entry) => entry.status)).toEqual([502, 200]);
  });

  it('axios (fetch adapter) reads and writes MAL through it, the form body replayed after a reset', async () => {
    const fixture = await start({ faults: { rules: [{ service: 'mal', method: 'PATCH', times: 1, action: { kind: 'reset' } }] } });
    const account = fixture.account('mal', fixture.malToken(), { retry: { baseDelayMs: 1, maxDelayMs: 5 } });
    const http = axios.create({ baseURL: `${fixture.emulators.urls.mal}/v2`, adapter: 'fetch', env: { fetch: account } });
    const list = await http.get<{ data: Array<{ node: { id: number } }> }>('/users/@me/animelist', { params: { fields: 'list_status', limit: 5 } });
    expect(list.data.data.length).toBeGreaterThan(0);
    const id = list.data.data[0]!.node.id;
    const saved = await http.patch<{ score: number }>(`/anime/${id}/my_list_status`, new URLSearchParams({ score: '7' }));
    expect(saved.data.score).toBe(7);
    const patches = fixture.emulators.log.forService('mal').filter((entry) => entry.method === 'PATCH');
    expect(patches.map((entry) => entry.status)).toEqual([0, 200]);
  });
});
