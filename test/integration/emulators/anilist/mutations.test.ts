import { describe, expect, it } from 'vitest';
import { loadOperation, saveBatchDocument, saveBatchVariables } from '../../../emulators/anilist/operations/index';
import { USER, testWorld } from './fixtures';
import { useAnilist } from './harness';

const start = useAnilist();

type Saved = { id: number; mediaId: number; status: string; score: number; progress: number; updatedAt: number; createdAt?: number };

describe('AniList emulator: list writes', () => {
  it('SaveMediaListEntry creates an entry, stamps updatedAt with the clock, and updates it by id later', async () => {
    const anilist = await start();
    const created = await anilist.gql(loadOperation('SaveMediaListEntry'), { mediaId: 21, status: 'CURRENT', progress: 3, scoreRaw: 75 });
    expect(created.status).toBe(200);
    const entry = created.body.data?.SaveMediaListEntry as Saved;
    const firstStamp = Math.floor(anilist.clock.now() / 1000);
    expect(entry).toMatchObject({ mediaId: 21, status: 'CURRENT', progress: 3, score: 75, updatedAt: firstStamp, createdAt: firstStamp });

    anilist.clock.advance(90_000);
    const updated = await anilist.gql(loadOperation('SaveMediaListEntry'), { id: entry.id, progress: 4, startedAt: { year: 2026, month: 11, day: 1 } });
    expect(updated.body.data?.SaveMediaListEntry).toMatchObject({ id: entry.id, progress: 4, status: 'CURRENT', updatedAt: firstStamp + 90, createdAt: firstStamp, startedAt: { year: 2026, month: 11, day: 1 } });
  });

  it('saving by mediaId when the title is already listed updates that entry instead of adding a second', async () => {
    const anilist = await start();
    const before = anilist.service.state.entryFor(USER.id, 9253)!;
    const { body } = await anilist.gql(loadOperation('SaveMediaListEntry'), { mediaId: 9253, status: 'COMPLETED' });
    expect(body.data?.SaveMediaListEntry).toMatchObject({ id: before.id, status: 'COMPLETED' });
    expect(anilist.service.state.listOf(USER.id, 'ANIME').filter((entry) => entry.mediaId === 9253)).toHaveLength(1);
  });

  it('score is read in the user\'s format unless asked for another', async () => {
    const anilist = await start({ world: testWorld({ scoreFormat: 'POINT_5' }) });
    await anilist.gql('mutation { SaveMediaListEntry(mediaId: 9253, score: 4) { id } }');
    const { body } = await anilist.gql('{ MediaList(userId: 5550001, mediaId: 9253) { score raw: score(format: POINT_100) decimal: score(format: POINT_10_DECIMAL) } }');
    expect(body.data?.MediaList).toEqual({ score: 4, raw: 80, decimal: 8 });
  });

  it('three aliased saves in one request each land, one request in the log', async () => {
    const anilist = await start();
    const variables = saveBatchVariables([
      { mediaId: 21, status: 'PLANNING' },
      { mediaId: 9253, status: 'CURRENT', progress: 2 },
      { mediaId: 1, scoreRaw: 100 },
    ]);
    const { status, body } = await anilist.gql(saveBatchDocument(3), variables);
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
    expect(body.data).toMatchObject({
      e0: { mediaId: 21, status: 'PLANNING' },
      e1: { mediaId: 9253, status: 'CURRENT', progress: 2 },
      e2: { mediaId: 1, status: 'COMPLETED', score: 100 },
    });
    expect(anilist.log.entries.map((entry) => entry.label)).toEqual(['SaveMediaListEntries']);
  });

  it('one failing alias fails only its own field, and the answer takes the error\'s status', async () => {
    const anilist = await start();
    const { status, body } = await anilist.gql(saveBatchDocument(2), saveBatchVariables([{ mediaId: 21, status: 'PLANNING' }, { id: 1, status: 'CURRENT' }]));
    expect(status).toBe(400);
    expect(body.data).toMatchObject({ e0: { mediaId: 21 }, e1: null });
    expect(body.errors).toEqual([{ message: 'validation', status: 400, locations: [expect.any(Object)], validation: { id: ['The selected id is invalid.'] } }]);
  });

  it('UpdateMediaListEntries writes the same values to many entries', async () => {
    const anilist = await start();
    const ids = [1, 21519].map((mediaId) => anilist.service.state.entryFor(USER.id, mediaId)!.id);
    anilist.clock.advance(5_000);
    const { body } = await anilist.gql(loadOperation('UpdateMediaListEntries'), { ids, status: 'REPEATING', progress: 0 });
    const stamp = Math.floor(anilist.clock.now() / 1000);
    expect(body.data?.UpdateMediaListEntries).toEqual([
      expect.objectContaining({ id: ids[0], mediaId: 1, status: 'REPEATING', progress: 0, updatedAt: stamp }),
      expect.objectContaining({ id: ids[1], mediaId: 21519, status: 'REPEATING', progress: 0, updatedAt: stamp }),
    ]);
  });

  it('DeleteMediaListEntry removes by entry id; a second delete is a validation error', async () => {
    const anilist = await start();
    const id = anilist.service.state.entryFor(USER.id, 9253)!.id;
    const first = await anilist.gql(loadOperation('DeleteMediaListEntry'), { id });
    expect(first.body).toEqual({ data: { DeleteMediaListEntry: { deleted: true } } });
    const again = await anilist.gql(loadOperation('DeleteMediaListEntry'), { id });
    expect(again.status).toBe(400);
    expect(again.body.errors?.[0]).toMatchObject({ message: 'validation', validation: { id: ['The selected id is invalid.'] } });
    const gone = await anilist.gql(loadOperation('MediaListEntry'), { userId: USER.id, mediaId: 9253 });
    expect(gone.status).toBe(404);
  });

  it('rule failures are AniList\'s validation errors with Laravel messages', async () => {
    const anilist = await start();
    const { status, body } = await anilist.gql('mutation {\n  SaveMediaListEntry(mediaId: 424242, scoreRaw: 101, repeat: -1) { id }\n}');
    expect(status).toBe(400);
    expect(body).toEqual({
      errors: [
        {
          message: 'validation',
          status: 400,
          locations: [{ line: 2, column: 3 }],
          validation: { mediaId: ['The selected media id is invalid.'], scoreRaw: ['The score raw may not be greater than 100.'], repeat: ['The repeat must be at least 0.'] },
        },
      ],
      data: { SaveMediaListEntry: null },
    });
  });

  it('mutations without a token are Unauthorized (401) and change nothing', async () => {
    const anilist = await start();
    const count = anilist.service.state.entries.size;
    const { status, body } = await anilist.gql(loadOperation('SaveMediaListEntry'), { mediaId: 21 }, null);
    expect(status).toBe(401);
    expect(body.errors).toEqual([{ message: 'Unauthorized.', status: 401, locations: [expect.any(Object)] }]);
    expect(body.data).toEqual({ SaveMediaListEntry: null });
    expect(anilist.service.state.entries.size).toBe(count);
  });
});
