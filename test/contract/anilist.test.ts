import { parse, validate, type DocumentNode } from 'graphql';
import { describe, expect, it } from 'vitest';
import { queryComplexity, findOperation } from '../emulators/anilist/complexity';
import { checkResponseShape } from '../emulators/anilist/contract/response-shape';
import { loadOperation, maxSaveBatch, operationNames, saveBatchDocument, saveBatchVariables, type OperationName } from '../emulators/anilist/operations/index';
import { loadSdlSchema } from '../emulators/anilist/schema';
import { USER } from '../integration/emulators/anilist/fixtures';
import { useAnilist, type Harness } from '../integration/emulators/anilist/harness';

/**
 * The AniList contract: every operation the app sends is valid for the real schema (the SDL in
 * ../shared/specs), costs at most 500, and the emulator's answer to it has exactly the shape the schema
 * promises. Run against the emulator, so a drift between emulator and schema fails here.
 */

const schema = loadSdlSchema();
const start = useAnilist();

function documentOf(name: OperationName): DocumentNode {
  return parse(loadOperation(name));
}

/** Variables that make each operation return real data from the fixture world. */
const variablesFor: Record<OperationName, (anilist: Harness) => Record<string, unknown>> = {
  Viewer: () => ({}),
  MediaListCollection: () => ({ userId: USER.id, type: 'ANIME', chunk: 1 }),
  MediaListEntry: () => ({ userId: USER.id, mediaId: 1 }),
  SearchMedia: () => ({ search: 'attack on titan', type: 'ANIME' }),
  MediaByIds: () => ({ ids: [1, 5114, 21519] }),
  MediaByMalIds: () => ({ malIds: [2], type: 'MANGA' }),
  SaveMediaListEntry: () => ({ mediaId: 21, status: 'CURRENT', progress: 1, scoreRaw: 70, startedAt: { year: 2026, month: 11, day: 2 } }),
  UpdateMediaListEntries: (anilist) => ({ ids: [1, 9253].map((mediaId) => anilist.service.state.entryFor(USER.id, mediaId)!.id), status: 'COMPLETED' }),
  DeleteMediaListEntry: (anilist) => ({ id: anilist.service.state.entryFor(USER.id, 9253)!.id }),
};

describe('AniList contract: the app\'s operations against the real schema', () => {
  it.each(operationNames)('%s is valid for the SDL and costs at most 500', (name) => {
    const document = documentOf(name);
    expect(validate(schema, document).map((error) => error.message)).toEqual([]);
    expect(queryComplexity(document, findOperation(document, name)!, {})).toBeLessThanOrEqual(500);
  });

  it(`the aliased save batch is valid, and ${maxSaveBatch} is the most that fits under 500`, () => {
    for (const count of [1, 3, maxSaveBatch]) expect(validate(schema, parse(saveBatchDocument(count)))).toEqual([]);
    const cost = (count: number) => {
      const document = parse(saveBatchDocument(count));
      return queryComplexity(document, findOperation(document, undefined)!, {});
    };
    expect(cost(maxSaveBatch)).toBeLessThanOrEqual(500);
    expect(cost(maxSaveBatch + 1)).toBeGreaterThan(500);
  });

  it.each(operationNames)('the emulator answers %s with exactly the promised shape', async (name) => {
    const anilist = await start();
    const { status, body } = await anilist.gql(loadOperation(name), variablesFor[name](anilist));
    expect(body.errors).toBeUndefined();
    expect(status).toBe(200);
    expect(checkResponseShape(schema, documentOf(name), body.data)).toEqual([]);
    // An empty answer would pass any shape check; each of these must carry data.
    expect(JSON.stringify(body.data)).toMatch(/"(id|deleted)":/);
  });

  it('the aliased save batch answers with the promised shape', async () => {
    const anilist = await start();
    const document = saveBatchDocument(3);
    const { body } = await anilist.gql(document, saveBatchVariables([{ mediaId: 21 }, { mediaId: 1, progress: 2 }, { mediaId: 30002, scoreRaw: 40 }]));
    expect(body.errors).toBeUndefined();
    expect(checkResponseShape(schema, parse(document), body.data)).toEqual([]);
  });

  it('the shape check itself catches a missing non-null field, a wrong scalar and a bad enum', () => {
    const document = parse('{ Media(id: 1) { id episodes format } }');
    expect(checkResponseShape(schema, document, { Media: { id: null, episodes: '26', format: 'SERIES' } })).toEqual([
      'data.Media.id: null for non-null Int!',
      'data.Media.episodes: "26" is not a Int',
      'data.Media.format: "SERIES" is not a MediaFormat',
    ]);
  });

  // Known difference from the GraphQL specification (not from the SDL): AniList puts `status` and, for
  // mutation rules, `validation` at the top of each error instead of under `extensions`, and sets the HTTP
  // status from the first error (docs.anilist.co/guide/graphql/errors). Clients must read those keys there.
  it('names the difference: errors carry status and validation beside message, not under extensions', async () => {
    const anilist = await start();
    const { status, body } = await anilist.gql(loadOperation('SaveMediaListEntry'), { mediaId: 424242 });
    expect(status).toBe(400);
    expect(body.errors?.[0]).toEqual({ message: 'validation', status: 400, locations: expect.any(Array), validation: { mediaId: ['The selected media id is invalid.'] } });
    expect(body.errors?.[0]).not.toHaveProperty('extensions');
  });
});
