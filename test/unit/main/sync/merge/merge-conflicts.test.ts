import { describe, expect, it } from 'vitest';
import { mergeTitle } from '../../../../../main/sync/merge/index';
import type { ConflictRule, SideState } from '../../../../../main/sync/model';
import { anilist, entry, mal, optionsOf, pair, side, titleOf, writtenTo } from './support';

const base = entry({ status: 'current', progress: 5, score: 70, startedAt: '2026-01-04', completedAt: null, repeat: 0, notes: 'ok', updatedAt: '2026-11-01T00:00:00Z' });

/** Both sides changed since the last sync, differently. */
function bothChanged(onAnilist: Partial<SideState>, onMal: Partial<SideState>) {
  return titleOf(side(anilist, { ...base, ...onAnilist }, base), side(mal, { ...base, ...onMal }, base));
}

const older = '2026-11-10T00:00:00Z';
const newer = '2026-11-20T08:00:00Z';

describe('mergeTitle: both sides changed, fields with their own rule', () => {
  it.each<[string, Partial<SideState>, Partial<SideState>, Record<string, unknown> | undefined, Record<string, unknown> | undefined]>([
    ['progress takes the furthest', { progress: 9 }, { progress: 7 }, undefined, { progress: 9 }],
    ['rewatch count takes the highest', { repeat: 1 }, { repeat: 2 }, { repeat: 2 }, undefined],
    ['start takes the earliest', { startedAt: '2026-01-02' }, { startedAt: '2026-01-03' }, undefined, { startedAt: '2026-01-02' }],
    ['finish takes the latest', { completedAt: '2026-03-01' }, { completedAt: '2026-03-05' }, { completedAt: '2026-03-05' }, undefined],
    ['a less precise start is the same date', { startedAt: '2026-01' }, { startedAt: '2026-01-09' }, undefined, undefined],
  ])('%s', (_name, onAnilist, onMal, toAnilist, toMal) => {
    const merge = mergeTitle(bothChanged(onAnilist, onMal), optionsOf());
    expect(writtenTo(merge, anilist)).toEqual(toAnilist);
    expect(writtenTo(merge, mal)).toEqual(toMal);
    expect(merge.conflicts).toEqual([]);
  });
});

describe('mergeTitle: both sides changed, settled by the pair conflict rule', () => {
  const rulePairs = (rule: ConflictRule | undefined) => [pair('anilist:mal', { conflicts: rule ? { score: rule, status: rule } : {} })];

  it.each<[string, ConflictRule | undefined, string | null, string | null, 'anilist' | 'mal' | 'conflict']>([
    ['newest by default: AniList newer', undefined, newer, older, 'anilist'],
    ['newest by default: MyAnimeList newer', undefined, older, newer, 'mal'],
    ['newest with equal times asks', 'newest', newer, newer, 'conflict'],
    ['newest with a missing time asks', 'newest', null, newer, 'conflict'],
    ['prefer-a keeps AniList', 'prefer-a', older, newer, 'anilist'],
    ['prefer-b keeps MyAnimeList', 'prefer-b', newer, older, 'mal'],
    ['ask always asks', 'ask', newer, older, 'conflict'],
  ])('%s', (_name, rule, anilistTime, malTime, expected) => {
    const merge = mergeTitle(bothChanged({ score: 90, status: 'paused', updatedAt: anilistTime }, { score: 40, status: 'dropped', updatedAt: malTime }), optionsOf({ pairs: rulePairs(rule) }));
    if (expected === 'conflict') {
      expect(merge.writes).toEqual([]);
      expect(merge.conflicts.map((conflict) => conflict.id)).toEqual(['anime:anilist:1|status', 'anime:anilist:1|score']);
      return;
    }
    const loser = expected === 'anilist' ? mal : anilist;
    const values = expected === 'anilist' ? { status: 'paused', score: 90 } : { status: 'dropped', score: 40 };
    expect(writtenTo(merge, loser)).toEqual(values);
    expect(merge.conflicts).toEqual([]);
  });

  it('names the newer side and its day in the reason', () => {
    const merge = mergeTitle(bothChanged({ score: 90, updatedAt: newer }, { score: 40, updatedAt: older }), optionsOf());
    expect(merge.writes[0]?.changes[0]?.reason).toBe('newer on AniList (2026-11-20)');
  });

  it('asks about notes by default (free text cannot be merged) with both values and bases', () => {
    const merge = mergeTitle(bothChanged({ notes: 'mine', updatedAt: newer }, { notes: 'theirs', updatedAt: older }), optionsOf());
    expect(merge.writes).toEqual([]);
    expect(merge.conflicts).toEqual([
      {
        id: 'anime:anilist:1|notes',
        titleKey: 'anime:anilist:1',
        title: 'Frieren',
        field: 'notes',
        sides: [
          { side: anilist, value: 'mine', base: 'ok', updatedAt: newer },
          { side: mal, value: 'theirs', base: 'ok', updatedAt: older },
        ],
      },
    ]);
  });

  it('lets an earlier answer decide the conflict for the account chosen', () => {
    const title = bothChanged({ notes: 'mine', updatedAt: newer }, { notes: 'theirs', updatedAt: older });
    const forMal = mergeTitle(title, optionsOf({ resolutions: new Map([['anime:anilist:1|notes', mal.accountId]]) }));
    expect(forMal.conflicts).toEqual([]);
    expect(writtenTo(forMal, anilist)).toEqual({ notes: 'theirs' });
    expect(forMal.writes[0]?.changes[0]?.reason).toBe('your answer to an earlier conflict');
    const forAnilist = mergeTitle(title, optionsOf({ resolutions: new Map([['anime:anilist:1|notes', anilist.accountId]]) }));
    expect(writtenTo(forAnilist, mal)).toEqual({ notes: 'mine' });
  });

  it('ignores an answer for another title or field', () => {
    const title = bothChanged({ notes: 'mine' }, { notes: 'theirs' });
    const merge = mergeTitle(title, optionsOf({ resolutions: new Map([['anime:anilist:2|notes', mal.accountId], ['anime:anilist:1|score', mal.accountId]]) }));
    expect(merge.conflicts.map((conflict) => conflict.field)).toEqual(['notes']);
  });
});

describe('mergeTitle: first sync (no bases)', () => {
  it('writes nothing where the values already agree, on each side’s scale', () => {
    const merge = mergeTitle(titleOf(side(anilist, { ...base, score: 75, startedAt: '2026-01' }), side(mal, { ...base, score: 80, startedAt: '2026-01-04' })), optionsOf());
    expect(merge.writes).toEqual([]);
  });

  it('settles values that differ by the field rules as if both changed', () => {
    const merge = mergeTitle(
      titleOf(side(anilist, { ...base, progress: 3, score: 90, updatedAt: newer }), side(mal, { ...base, progress: 6, score: 40, startedAt: '2025-12-30', updatedAt: older })),
      optionsOf(),
    );
    expect(writtenTo(merge, anilist)).toEqual({ progress: 6, startedAt: '2025-12-30' });
    expect(writtenTo(merge, mal)).toEqual({ score: 90 });
  });
});
