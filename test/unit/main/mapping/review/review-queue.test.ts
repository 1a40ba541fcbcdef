import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migration005MatchOverrides } from '../../../../../main/db/migrations/005-match-overrides';
import type { MatchQuery, MatchResult } from '../../../../../main/mapping/model';
import { listOverrides } from '../../../../../main/mapping/overrides/override-store';
import { listReviewItems } from '../../../../../main/mapping/review/review-repository';
import { createReviewQueue } from '../../../../../main/mapping/review/review-queue';

function setup(resolve?: (query: MatchQuery) => MatchResult) {
  const db = new Database(':memory:');
  migration005MatchOverrides.up(db);
  const changes: number[] = [];
  const queue = createReviewQueue({
    db,
    resolve,
    changed: (open) => void changes.push(open),
    describe: async (ids) => new Map(ids.map((id) => [id, { title: `Title ${id}`, year: 2020, format: 'tv', episodeCount: 12, coverUrl: `https://img.example/${id}.jpg` }])),
  });
  return { db, queue, changes };
}

const spyPlex: MatchQuery = { type: 'show', title: 'SPY x FAMILY', year: 2022, season: 1, guids: ['tvdb://405920'] };
// Trakt names the TMDB show first: its own item, sharing the TVDB season with Plex's.
const spyTrakt: MatchQuery = { type: 'show', title: 'Spy × Family', year: 2022, season: 1, guids: ['tmdb://120089', 'tvdb://405920'] };
const unsure: MatchResult = {
  status: 'abstain',
  anilistIds: [],
  confidence: 0.4,
  candidates: [
    { anilistId: 140960, confidence: 0.6, evidence: [{ kind: 'title', detail: 'same title', weight: 0.5 }], episodes: [{ start: 1, end: 12 }] },
    { anilistId: 142838, confidence: 0.5, evidence: [{ kind: 'title', detail: 'same title', weight: 0.4 }] },
  ],
};

describe('review queue', () => {
  it('queues what the matcher would not decide, with described candidates, and keeps confident matches out', async () => {
    const { db, queue, changes } = setup();
    expect(await queue.record({ origin: 'plex', accountId: 'plex:1', query: spyPlex, result: unsure })).toBe('queued');
    expect(await queue.record({ origin: 'plex', accountId: 'plex:1', query: { ...spyPlex, season: 2 }, result: { status: 'matched', anilistIds: [1], confidence: 0.97, candidates: [] } })).toBe('matched');
    expect(await queue.record({ origin: 'plex', accountId: 'plex:1', query: { ...spyPlex, season: 3 }, result: { status: 'matched', anilistIds: [1], confidence: 0.6, candidates: [{ anilistId: 1, confidence: 0.6, evidence: [] }] } })).toBe('queued');
    const { items, total } = listReviewItems(db, 'open', 50, 0);
    expect(total).toBe(2);
    const first = items.find((item) => item.season === 1)!;
    expect(first).toMatchObject({ itemKey: 'tvdb:405920:s1', reason: 'no-match', title: 'SPY x FAMILY', origin: 'plex' });
    expect(first.candidates[0]).toMatchObject({ anilistId: 140960, title: 'Title 140960', coverUrl: 'https://img.example/140960.jpg', episodes: [{ start: 1, end: 12 }] });
    expect(items.find((item) => item.season === 3)?.reason).toBe('low-confidence');
    expect(changes.at(-1)).toBe(2);
  });

  it('accepting makes an override and re-runs the other items it affects', async () => {
    const { db, queue, changes } = setup();
    await queue.record({ origin: 'plex', accountId: 'plex:1', query: spyPlex, result: unsure });
    await queue.record({ origin: 'trakt', accountId: 'trakt:1', query: spyTrakt, result: unsure });
    await queue.record({ origin: 'plex', accountId: 'plex:1', query: { ...spyPlex, season: 2 }, result: unsure });
    const item = listReviewItems(db, 'open', 50, 0).items.find((candidate) => candidate.origin === 'plex' && candidate.season === 1)!;
    const { item: decided, alsoResolved } = await queue.decide(item.id, { kind: 'accept' });
    expect(decided.status).toBe('resolved');
    expect(alsoResolved).toBe(1); // the Trakt item naming the same TVDB season; season 2 is another item
    expect(listOverrides(db)).toMatchObject([{ itemKey: 'tvdb:405920:s1', kind: 'link', anilistId: 140960, episodes: { start: 1, end: 12 } }]);
    expect(listReviewItems(db, 'open', 50, 0).items.map((open) => open.season)).toEqual([2]);
    expect(changes.at(-1)).toBe(1);
    // Later syncs of the same season are matched by the decision, whatever the tables say.
    expect(await queue.record({ origin: 'plex', accountId: 'plex:1', query: spyPlex, result: unsure })).toBe('matched');
  });

  it('the same season read from two libraries is one item', async () => {
    const { db, queue } = setup();
    await queue.record({ origin: 'plex', accountId: 'plex:1', query: spyPlex, result: unsure });
    await queue.record({ origin: 'plex', accountId: 'plex:2', query: { ...spyPlex, title: 'Spy x Family (2022)' }, result: unsure });
    expect(listReviewItems(db, 'open', 50, 0)).toMatchObject({ total: 1, items: [{ accountId: 'plex:2', title: 'Spy x Family (2022)' }] });
  });

  it('picking another entry with an episode range, and ignoring, stick across later syncs', async () => {
    const { db, queue } = setup();
    await queue.record({ origin: 'plex', accountId: null, query: spyPlex, result: unsure });
    await queue.record({ origin: 'plex', accountId: null, query: { ...spyPlex, season: 0, title: 'SPY x FAMILY' }, result: unsure });
    const [newest, older] = listReviewItems(db, 'open', 50, 0).items;
    await queue.decide(older!.id, { kind: 'pick', anilistId: 142838, episodes: { start: 13, end: null } });
    expect(listOverrides(db)[0]).toMatchObject({ anilistId: 142838, episodes: { start: 13, end: null } });
    const { item } = await queue.decide(newest!.id, { kind: 'ignore' });
    expect(item.status).toBe('ignored');
    expect(await queue.record({ origin: 'plex', accountId: null, query: { ...spyPlex, season: 0 }, result: unsure })).toBe('ignored');
    expect(listReviewItems(db, 'ignored', 50, 0).total).toBe(1);
  });

  it('says what to do when there is nothing to accept or the item is gone', async () => {
    const { db, queue } = setup();
    await queue.record({ origin: 'trakt', accountId: null, query: spyTrakt, result: { status: 'abstain', anilistIds: [], confidence: 0, candidates: [] } });
    const [item] = listReviewItems(db, 'open', 50, 0).items;
    await expect(queue.decide(item!.id, { kind: 'accept' })).rejects.toThrow(/search for the right entry/);
    await expect(queue.decide(9999, { kind: 'ignore' })).rejects.toMatchObject({ code: 'not_found' });
  });

  it('re-runs affected items through the matcher when there is one', async () => {
    const resolveCalls: MatchQuery[] = [];
    const { db, queue } = setup((query) => {
      resolveCalls.push(query);
      return unsure;
    });
    await queue.record({ origin: 'plex', accountId: null, query: spyPlex, result: unsure });
    await queue.record({ origin: 'trakt', accountId: null, query: { ...spyTrakt, guids: [] }, result: unsure });
    const plexItem = listReviewItems(db, 'open', 50, 0).items.find((item) => item.origin === 'plex')!;
    const { alsoResolved } = await queue.decide(plexItem.id, { kind: 'accept' });
    // The Trakt item shares the title key only; the decision was about the TVDB season, so it stays open, re-run.
    expect(alsoResolved).toBe(0);
    expect(resolveCalls.map((query) => query.title)).toEqual(['Spy × Family']);
  });
});
