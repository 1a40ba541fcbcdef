import { describe, expect, it } from 'vitest';
import { createAnilistClient } from '../../../../../main/providers/anilist/client';
import type { ServiceFetch } from '../../../../../main/providers/http/service-fetch';
import { AppError } from '../../../../../shared/contract';

/**
 * Real AniList may fail a whole aliased request for one bad alias (API-NOTES §1: "one failing field fails the
 * whole request") and strips `path`, so the client resends the unconfirmed changes one by one to find it.
 */

const saved = (id: number, mediaId: number) => ({ id, mediaId, status: 'CURRENT', score100: 0, progress: 1, progressVolumes: null, repeat: 0, updatedAt: 1_700_000_000 });
const invalid = { data: null, errors: [{ message: 'validation', status: 400, validation: { mediaId: ['The selected media id is invalid.'] } }] };

function stub(answer: (variables: Record<string, unknown>) => { status: number; body: unknown }): { fetch: ServiceFetch; sent: Array<Record<string, unknown>> } {
  const sent: Array<Record<string, unknown>> = [];
  const fetch: ServiceFetch = async (input, init) => {
    const { variables } = (await new Request(input, init).json()) as { variables: Record<string, unknown> };
    sent.push(variables);
    const { status, body } = answer(variables);
    return Response.json(body, { status });
  };
  return { fetch, sent };
}

describe('AniList batched saves', () => {
  it('a whole-request validation failure is narrowed to the one bad change', async () => {
    const { fetch, sent } = stub((variables) => {
      if ('mediaId1' in variables) return { status: 400, body: invalid };
      return variables.mediaId0 === 999 ? { status: 400, body: invalid } : { status: 200, body: { data: { e0: saved(1, variables.mediaId0 as number) } } };
    });
    const client = createAnilistClient({ endpoint: 'https://graphql.anilist.co', fetch });
    const results = await client.saveEntries([
      { mediaId: 21, progress: 1 },
      { mediaId: 999, progress: 1 },
    ]);
    expect(sent).toHaveLength(3);
    expect(results[0]).toMatchObject({ ok: true, saved: { mediaId: 21 } });
    expect(results[1]).toMatchObject({ ok: false, error: { code: 'validation', issues: [{ path: 'mediaId', message: 'The selected media id is invalid.' }] } });
  });

  it('a failure of the whole request (sign-in, rate limit) goes to every change without resending', async () => {
    const { fetch, sent } = stub(() => ({ status: 429, body: { data: null, errors: [{ message: 'Too Many Requests.', status: 429 }] } }));
    const client = createAnilistClient({ endpoint: 'https://graphql.anilist.co', fetch });
    const results = await client.saveEntries([{ mediaId: 1, status: 'completed' }, { mediaId: 2, status: 'completed' }]);
    expect(sent).toHaveLength(1);
    expect(results.map((result) => (result.ok ? 'ok' : result.error.code))).toEqual(['rate_limited', 'rate_limited']);
  });

  it('a change with a malformed date fails alone, before anything is sent', async () => {
    const { fetch, sent } = stub((variables) => ({ status: 200, body: { data: { e0: saved(5, variables.mediaId0 as number) } } }));
    const client = createAnilistClient({ endpoint: 'https://graphql.anilist.co', fetch });
    const results = await client.saveEntries([{ mediaId: 3, startedAt: 'April' }, { mediaId: 4, progress: 2 }]);
    expect(sent).toEqual([{ mediaId0: 4, progress0: 2 }]);
    expect(results[0]).toMatchObject({ ok: false, error: expect.any(AppError) });
    expect(results[1]).toMatchObject({ ok: true, saved: { entryId: 5, mediaId: 4, updatedAt: '2023-11-14T22:13:20.000Z' } });
  });

  it(`more changes than fit in one request go out in batches of maxSaveBatch`, async () => {
    const { fetch, sent } = stub((variables) => {
      const data: Record<string, unknown> = {};
      for (let index = 0; `mediaId${index}` in variables; index++) data[`e${index}`] = saved(index, variables[`mediaId${index}`] as number);
      return { status: 200, body: { data } };
    });
    const client = createAnilistClient({ endpoint: 'https://graphql.anilist.co', fetch });
    const results = await client.saveEntries(Array.from({ length: 60 }, (_, index) => ({ mediaId: index + 1, progress: 1 })));
    expect(sent.map((variables) => Object.keys(variables).length / 2)).toEqual([client.maxSaveBatch, 60 - client.maxSaveBatch]);
    expect(results.map((result) => result.ok && result.saved.mediaId)).toEqual(Array.from({ length: 60 }, (_, index) => index + 1));
  });
});
