import { parse, validate } from 'graphql';
import { describe, expect, it } from 'vitest';
import { MAX_COMPLEXITY, maxSaveBatch } from '../../main/providers/anilist/complexity';
import { DELETE_MEDIA_LIST_ENTRY, saveBatchDocument } from '../../main/providers/anilist/operations/mutations';
import { MEDIA_BY_IDS, MEDIA_BY_MAL_IDS, MEDIA_LIST_COLLECTION, SEARCH_MEDIA, VIEWER } from '../../main/providers/anilist/operations/queries';
import { findOperation, queryComplexity } from '../emulators/anilist/complexity';
import { loadSdlSchema } from '../emulators/anilist/schema';

/**
 * Every document the app's AniList client sends is valid for the real schema (../shared/specs, API-NOTES §1
 * "Spec") and costs at most 500 by the emulator's own implementation of webonyx's rule, an implementation
 * independent of the client's (main/providers/anilist/complexity.ts).
 */

const schema = loadSdlSchema();

const documents = {
  Viewer: VIEWER,
  MediaListCollection: MEDIA_LIST_COLLECTION,
  SearchMedia: SEARCH_MEDIA,
  MediaByIds: MEDIA_BY_IDS,
  MediaByMalIds: MEDIA_BY_MAL_IDS,
  DeleteMediaListEntry: DELETE_MEDIA_LIST_ENTRY,
  'SaveMediaListEntries (1)': saveBatchDocument(1),
  [`SaveMediaListEntries (${maxSaveBatch})`]: saveBatchDocument(maxSaveBatch),
};

function cost(text: string): number {
  const document = parse(text);
  return queryComplexity(document, findOperation(document, undefined)!, {});
}

describe('AniList client documents against the real schema', () => {
  it.each(Object.entries(documents))('%s validates against the SDL and costs at most 500', (_name, text) => {
    expect(validate(schema, parse(text)).map((error) => error.message)).toEqual([]);
    expect(cost(text)).toBeLessThanOrEqual(MAX_COMPLEXITY);
  });

  it(`the save batch of ${maxSaveBatch} is the largest under the cap, measured by the emulator's rule`, () => {
    expect(cost(saveBatchDocument(maxSaveBatch))).toBeLessThanOrEqual(500);
    expect(cost(saveBatchDocument(maxSaveBatch + 1))).toBeGreaterThan(500);
  });
});
