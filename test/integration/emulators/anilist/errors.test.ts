import { describe, expect, it } from 'vitest';
import { NO_QUERY_MESSAGE } from '../../../emulators/anilist/errors';
import { loadOperation, maxSaveBatch, saveBatchDocument } from '../../../emulators/anilist/operations/index';
import { USER } from './fixtures';
import { useAnilist } from './harness';

const start = useAnilist();

describe('AniList emulator: errors in AniList\'s shapes', () => {
  it('a query invalid for the real schema gets graphql\'s message with status 400 and locations, and no data', async () => {
    const anilist = await start();
    const { status, body } = await anilist.gql('query {\n  Media(id: 1) {\n    id\n    nonexistentField\n  }\n}');
    expect(status).toBe(400);
    expect(body).toEqual({ errors: [{ message: 'Cannot query field "nonexistentField" on type "Media".', status: 400, locations: [{ line: 4, column: 5 }] }], data: null });
  });

  it('a syntax error is reported the same way', async () => {
    const anilist = await start();
    const { status, body } = await anilist.gql('{ Viewer { id }');
    expect(status).toBe(400);
    expect(body.errors).toEqual([{ message: 'Syntax Error: Expected Name, found <EOF>.', status: 400, locations: [{ line: 1, column: 16 }] }]);
    expect(body.data).toBeNull();
  });

  it('a JSON array of operations (transport batching) is not supported: "No query or mutation provided"', async () => {
    const anilist = await start();
    const response = await anilist.fetch('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify([{ query: '{ Media(id: 1) { id } }' }, { query: '{ Media(id: 5114) { id } }' }]),
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ errors: [{ message: NO_QUERY_MESSAGE, status: 400, locations: [{ line: 1, column: 1 }] }], data: null });
  });

  it('an empty or unparsable body gets the same answer', async () => {
    const anilist = await start();
    for (const body of ['', '{"query": ', '{"variables": {}}']) {
      const response = await anilist.fetch('/graphql', { method: 'POST', headers: { 'content-type': 'application/json' }, body });
      expect(response.status).toBe(400);
      expect(((await response.json()) as { errors: Array<{ message: string }> }).errors[0]!.message).toBe(NO_QUERY_MESSAGE);
    }
  });

  it(`complexity over 500 is refused with webonyx's text; ${maxSaveBatch} aliased saves still fit`, async () => {
    const anilist = await start();
    const over = await anilist.gql(saveBatchDocument(maxSaveBatch + 1), { mediaId0: 21 });
    expect(over.status).toBe(400);
    expect(over.body).toEqual({ errors: [{ message: `Max query complexity should be 500 but got ${(maxSaveBatch + 1) * 9}.`, status: 400 }], data: null });
    expect(anilist.service.state.entryFor(USER.id, 21)).toBeUndefined();

    const fits = await anilist.gql(saveBatchDocument(maxSaveBatch), { mediaId0: 21 });
    expect(fits.body.errors?.some((error) => String(error.message).startsWith('Max query complexity'))).toBeFalsy();
  });

  it('@skip and @include change the complexity as in webonyx', async () => {
    const anilist = await start({ limits: { maxComplexity: 3 } });
    const skipped = await anilist.gql('query ($big: Boolean!) { Media(id: 1) { id title @include(if: $big) { romaji english native } } }', { big: false }, null);
    expect(skipped.status).toBe(200);
    const included = await anilist.gql('query ($big: Boolean!) { Media(id: 1) { id title @include(if: $big) { romaji english native } } }', { big: true }, null);
    expect(included.body.errors).toEqual([{ message: 'Max query complexity should be 3 but got 6.', status: 400 }]);
  });

  it('Viewer without a token is Unauthorized (401)', async () => {
    const anilist = await start();
    const { status, body } = await anilist.gql('{\n  Viewer { id }\n}', {}, null);
    expect(status).toBe(401);
    expect(body).toEqual({ errors: [{ message: 'Unauthorized.', status: 401, locations: [{ line: 2, column: 3 }] }], data: { Viewer: null } });
  });

  it('an unknown, an expired and a revoked token all get "Invalid token" (400), even on public queries', async () => {
    const anilist = await start();
    const expected = { errors: [{ message: 'Invalid token', status: 400, locations: [{ line: 2, column: 3 }] }], data: { MediaListCollection: null } };
    const query = `query {\n  MediaListCollection(userId: ${USER.id}, type: ANIME) { hasNextChunk }\n}`;

    const forged = `${anilist.token.split('.').slice(0, 2).join('.')}.AAAA`;
    expect(await anilist.gql(query, {}, forged)).toMatchObject({ status: 400, body: expected });

    const expiring = anilist.service.issueToken();
    anilist.clock.advance(366 * 86_400_000);
    expect(await anilist.gql(query, {}, expiring)).toMatchObject({ status: 400, body: expected });

    const revoked = anilist.service.issueToken();
    anilist.service.state.tokens.revoke(revoked);
    expect(await anilist.gql(query, {}, revoked)).toMatchObject({ status: 400, body: expected });

    // Without a token the same query is public.
    expect((await anilist.gql(query, {}, null)).status).toBe(200);
  });

  it('the expire-token fault ends the session from that request on', async () => {
    const anilist = await start({ faults: { rules: [{ service: 'anilist', after: 1, times: 1, action: { kind: 'expire-token' } }] } });
    expect((await anilist.gql(loadOperation('Viewer'))).status).toBe(200);
    const second = await anilist.gql(loadOperation('Viewer'));
    expect(second.status).toBe(400);
    expect(second.body.errors?.[0]).toMatchObject({ message: 'Invalid token', status: 400 });
    expect((await anilist.gql(loadOperation('Viewer'))).status).toBe(400);
  });

  it('an unknown user is Not Found (404)', async () => {
    const anilist = await start();
    const { status, body } = await anilist.gql('{ User(name: "nobody-here") { id } }', {}, null);
    expect(status).toBe(404);
    expect(body.data).toEqual({ User: null });
    expect(body.errors?.[0]).toMatchObject({ message: 'Not Found.', status: 404 });
  });

  it('the disabled API answers 403 with AniList\'s message, and can be switched at run time', async () => {
    const anilist = await start({ limits: { disabled: true } });
    const down = await anilist.gql(loadOperation('Viewer'));
    expect(down.status).toBe(403);
    expect(down.body).toEqual({ errors: [{ message: 'The AniList API has been temporarily disabled due to severe stability issues.', status: 403 }], data: null });
    anilist.service.limits.disabled = false;
    expect((await anilist.gql(loadOperation('Viewer'))).status).toBe(200);
  });

  it('MediaListCollection without a user or type is a validation error', async () => {
    const anilist = await start();
    const { status, body } = await anilist.gql('{ MediaListCollection { hasNextChunk } }', {}, null);
    expect(status).toBe(400);
    expect(body.errors?.[0]).toMatchObject({
      message: 'validation',
      validation: { userId: ['The user id field is required when user name is not present.'], type: ['The type field is required.'] },
    });
  });
});
