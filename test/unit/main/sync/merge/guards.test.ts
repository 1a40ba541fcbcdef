import { describe, expect, it } from 'vitest';
import { evaluateGuards } from '../../../../../main/sync/merge/index';
import type { GuardReason, PlannedWrite, SideRef } from '../../../../../main/sync/model';
import { anilist, mal } from './support';

function writes(ref: SideRef, count: number, guards: GuardReason[] = [], op: PlannedWrite['op'] = 'update'): PlannedWrite[] {
  return Array.from({ length: count }, (_, index) => ({ id: `${ref.accountId}|${index}`, side: ref, titleKey: `anime:anilist:${index}`, title: `T${index}`, op, changes: [], target: null, guards }));
}

const limits = { share: 0.2, entries: 50 };
const sizes = (malSize: number, anilistSize = 1000) => new Map([[`${mal.accountId}|anime`, malSize], [`${anilist.accountId}|anime`, anilistSize]]);

describe('evaluateGuards', () => {
  it('asks before removing entries, saying how many and from which list', () => {
    const verdict = evaluateGuards(writes(mal, 12, ['removes-entry'], 'remove'), sizes(1000), limits);
    expect(verdict.reasons).toEqual([{ reason: 'removes-entry', accountId: mal.accountId, kind: 'anime', count: 12, message: '12 entries would be removed from your MyAnimeList anime list.' }]);
  });

  it('asks before lowering progress', () => {
    const verdict = evaluateGuards([...writes(anilist, 1, ['lowers-progress']), ...writes(anilist, 2)], sizes(10), limits);
    expect(verdict.reasons).toEqual([{ reason: 'lowers-progress', accountId: anilist.accountId, kind: 'anime', count: 1, message: '1 entry in your AniList anime list would have progress lowered.' }]);
  });

  it.each([
    ['2 of 5 entries (a tiny list is not stopped for two changes)', 2, 5, false],
    ['4 of 10 entries (still under 5 writes)', 4, 10, false],
    ['5 of 10 entries', 5, 10, true],
    ['20 of 100 entries (exactly the share)', 20, 100, false],
    ['21 of 100 entries', 21, 100, true],
    ['50 of 1000 entries (exactly the count)', 50, 1000, false],
    ['51 of 1000 entries', 51, 1000, true],
    ['5 writes to a list of unknown size', 5, undefined, true],
  ] as const)('large share: %s → %s', (_name, count, size, stops) => {
    const listSizes = size === undefined ? new Map<string, number>() : sizes(size);
    const verdict = evaluateGuards(writes(mal, count), listSizes, limits);
    expect(verdict.reasons.some((reason) => reason.reason === 'large-share')).toBe(stops);
  });

  it('counts each list on its own', () => {
    const verdict = evaluateGuards([...writes(mal, 30), ...writes(anilist, 30)], sizes(100, 1000), limits);
    expect(verdict.reasons).toEqual([{ reason: 'large-share', accountId: mal.accountId, kind: 'anime', count: 30, message: '30 entries in your MyAnimeList anime list would change (30% of its 100).' }]);
  });

  it('lets a plan with none of these through', () => {
    expect(evaluateGuards(writes(mal, 3), sizes(100), limits)).toEqual({ reasons: [] });
  });
});
