import { describe, expect, it } from 'vitest';
import { createAnilistClient } from '../../../../../main/providers/anilist/client';
import type { ServiceFetch } from '../../../../../main/providers/http/service-fetch';
import { AppError } from '../../../../../shared/contract';

/** AniList's answers (API-NOTES §1 "Rate limits, errors and query limits") as the errors a user sees. */

function answering(status: number, body: unknown): ServiceFetch {
  return async () => Response.json(body, { status });
}

async function failure(fetch: ServiceFetch): Promise<AppError> {
  const client = createAnilistClient({ endpoint: 'https://graphql.anilist.co', fetch });
  const error = await client.viewer().catch((caught: unknown) => caught);
  if (!(error instanceof AppError)) throw new Error(`expected an AppError, got ${String(error)}`);
  return error;
}

describe('AniList errors', () => {
  it('errors with HTTP 200 are still errors', async () => {
    const error = await failure(answering(200, { data: { Viewer: null }, errors: [{ message: 'Invalid token', status: 400 }] }));
    expect(error).toMatchObject({ code: 'unauthenticated', message: expect.stringMatching(/^AniList refused the sign-in \("Invalid token"\)/) });
  });

  it('the 429 body is rate_limited and retryable', async () => {
    const error = await failure(answering(429, { data: null, errors: [{ message: 'Too Many Requests.', status: 429 }] }));
    expect(error).toMatchObject({ code: 'rate_limited', retryable: true });
  });

  it('the "API disabled" 403 says AniList is not answering', async () => {
    const error = await failure(answering(403, { data: null, errors: [{ message: 'The AniList API has been temporarily disabled due to severe stability issues.', status: 403 }] }));
    expect(error).toMatchObject({ code: 'unavailable', message: expect.stringMatching(/^AniList is not answering requests right now \("The AniList API has been temporarily disabled/) });
  });

  it('a validation failure lists the fields', async () => {
    const error = await failure(answering(400, { data: null, errors: [{ message: 'validation', status: 400, validation: { score: ['The score may not be greater than 100.'], mediaId: ['The selected media id is invalid.'] } }] }));
    expect(error.code).toBe('validation');
    expect(error.message).toBe('AniList refused the change (score: The score may not be greater than 100.; mediaId: The selected media id is invalid.).');
    expect(error.issues).toEqual([
      { path: 'score', message: 'The score may not be greater than 100.' },
      { path: 'mediaId', message: 'The selected media id is invalid.' },
    ]);
  });

  it('a complexity refusal is a Kizuna bug, not the user\'s', async () => {
    const error = await failure(answering(400, { data: null, errors: [{ message: 'Max query complexity should be 500 but got 646.', status: 400 }] }));
    expect(error).toMatchObject({ code: 'internal', message: expect.stringMatching(/too complex.*bug in Kizuna/) });
  });

  it('an answer without a required field names AniList and the field; extra fields are fine', async () => {
    const viewer = { id: 1, name: 'a', unknownField: true, mediaListOptions: { scoreFormat: 'POINT_10' } };
    const client = createAnilistClient({ endpoint: 'https://graphql.anilist.co', fetch: answering(200, { data: { Viewer: viewer } }) });
    await expect(client.viewer()).resolves.toMatchObject({ id: 1, scoreScale: 'point10' });
    const error = await failure(answering(200, { data: { Viewer: { id: 1, name: 'a' } } }));
    expect(error).toMatchObject({ code: 'unavailable', retryable: false, message: expect.stringMatching(/^AniList answered Viewer without Viewer\.mediaListOptions\./) });
  });

  it('an AppError from the pipeline passes through unchanged', async () => {
    const fromPipeline = new AppError('rate_limited', 'paced');
    const error = await failure(async () => {
      throw fromPipeline;
    });
    expect(error).toBe(fromPipeline);
  });
});
