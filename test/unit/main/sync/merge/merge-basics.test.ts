import { describe, expect, it } from 'vitest';
import { mergeTitle } from '../../../../../main/sync/merge/index';
import { writeIdOf, type ScoreScale, type SideState } from '../../../../../main/sync/model';
import { anilist, entry, mal, optionsOf, pair, side, titleOf, writeFor, writtenTo } from './support';

const synced = entry({ status: 'current', progress: 5, score: 70, startedAt: '2026-01-04', notes: 'good', updatedAt: '2026-11-01T00:00:00Z' });

describe('mergeTitle: one side changed', () => {
  it.each<[string, Partial<SideState>, Record<string, unknown>]>([
    ['status', { status: 'paused' }, { status: 'paused' }],
    ['progress', { progress: 7 }, { progress: 7 }],
    ['score', { score: 90 }, { score: 90 }],
    ['start date', { startedAt: '2026-01-02' }, { startedAt: '2026-01-02' }],
    ['finish date', { completedAt: '2026-11-02' }, { completedAt: '2026-11-02' }],
    ['rewatch count', { repeat: 1 }, { repeat: 1 }],
    ['notes', { notes: 'great' }, { notes: 'great' }],
  ])('copies a %s changed on AniList to MyAnimeList and nothing back', (_name, change, expected) => {
    const merge = mergeTitle(titleOf(side(anilist, { ...synced, ...change }, synced), side(mal, synced, synced)), optionsOf());
    expect(writtenTo(merge, mal)).toEqual(expected);
    expect(writtenTo(merge, anilist)).toBeUndefined();
    expect(merge.conflicts).toEqual([]);
  });

  it('copies a change made on MyAnimeList to AniList, saying where it came from', () => {
    const merge = mergeTitle(titleOf(side(anilist, synced, synced), side(mal, { ...synced, progress: 8 }, synced)), optionsOf());
    const write = writeFor(merge, anilist);
    expect(write).toMatchObject({ id: writeIdOf(anilist, 'anime:anilist:1'), op: 'update', title: 'Frieren', titleKey: 'anime:anilist:1', target: { of: anilist.accountId }, guards: [] });
    expect(write?.changes).toEqual([{ field: 'progress', before: 5, after: 8, from: mal, reason: 'changed on MyAnimeList since the last sync' }]);
  });

  it('writes nothing when nothing changed', () => {
    expect(mergeTitle(titleOf(side(anilist, synced, synced), side(mal, synced, synced)), optionsOf()).writes).toEqual([]);
  });

  it('copies several agreeing changes nowhere (both sides already hold them)', () => {
    const both = { ...synced, progress: 9, startedAt: '2026-01' };
    const merge = mergeTitle(titleOf(side(anilist, both, synced), side(mal, { ...both, startedAt: '2026-01-20' }, synced)), optionsOf());
    expect(merge.writes).toEqual([]);
  });
});

describe('mergeTitle: empty values never clear present ones', () => {
  it.each<[string, Partial<SideState>]>([
    ['score', { score: null }],
    ['start date', { startedAt: null }],
    ['notes', { notes: '' }],
    ['notes (null)', { notes: null }],
    ['an invalid date', { startedAt: '2026-02-30' }],
  ])('a %s cleared on AniList is not cleared on MyAnimeList', (_name, change) => {
    const merge = mergeTitle(titleOf(side(anilist, { ...synced, ...change }, synced), side(mal, synced, synced)), optionsOf());
    expect(merge.writes).toEqual([]);
  });

  it('fills a side that has no value from one that has, at the first sync', () => {
    const merge = mergeTitle(titleOf(side(anilist, { ...synced, score: null, notes: null }), side(mal, synced)), optionsOf());
    expect(writtenTo(merge, anilist)).toEqual({ score: 70, notes: 'good' });
    expect(writtenTo(merge, mal)).toBeUndefined();
  });

  it('takes a field a read did not carry as it was at the last sync (MyAnimeList notes)', () => {
    const { notes: _notes, ...withoutNotes } = synced;
    const merge = mergeTitle(titleOf(side(anilist, synced, synced), side(mal, withoutNotes, synced)), optionsOf());
    expect(merge.writes).toEqual([]);
  });
});

describe('mergeTitle: directions and carried fields', () => {
  const changedOnMal = () => titleOf(side(anilist, synced, synced), side(mal, { ...synced, score: 90, notes: 'mal' }, synced));

  it.each([
    ['off', undefined],
    ['a-to-b', undefined],
    ['b-to-a', { score: 90 }],
    ['both', { score: 90 }],
  ] as const)('score direction %s', (direction, expected) => {
    const pairs = [pair('anilist:mal', { fields: { score: direction }, conflicts: {} })];
    expect(writtenTo(mergeTitle(changedOnMal(), optionsOf({ pairs })), anilist)).toEqual(expected);
  });

  it('flows nothing without a pair', () => {
    expect(mergeTitle(changedOnMal(), optionsOf({ pairs: [] })).writes).toEqual([]);
  });

  it('writes only the fields the receiving side carries', () => {
    const title = titleOf(side(anilist, synced, synced, ['status', 'progress']), side(mal, { ...synced, score: 90, progress: 6 }, synced));
    expect(writtenTo(mergeTitle(title, optionsOf()), anilist)).toEqual({ progress: 6 });
  });

  it('never writes the hidden flag', () => {
    const hidden = { ...synced, hidden: true, progress: 6 };
    const merge = mergeTitle(titleOf(side(anilist, hidden, synced), side(mal, synced, synced)), optionsOf());
    expect(merge.writes.flatMap((write) => write.changes.map((change) => change.field))).toEqual(['progress']);
  });
});

describe('mergeTitle: scores without drift through the merge', () => {
  const anilistScales: ScoreScale[] = ['point100', 'point10decimal', 'point10', 'point5', 'point3'];

  for (const scale of anilistScales) {
    it(`AniList ${scale} → MyAnimeList → next sync writes nothing back, for every score`, () => {
      const al = { ...anilist, scale };
      for (let raw = 1; raw <= 100; raw += 1) {
        const before = { ...synced, score: 50 };
        const first = mergeTitle(titleOf(side(al, { ...synced, score: raw }, before), side(mal, before, before)), optionsOf());
        const malAfter = writtenTo(first, mal)?.score ?? 50;
        // The executor settles both bases to what each side now holds; a re-read of MyAnimeList gives whole points.
        const malState = { ...before, score: malAfter as number };
        const second = mergeTitle(titleOf(side(al, { ...synced, score: raw }, { ...synced, score: raw }), side(mal, malState, malState)), optionsOf());
        expect(second.writes).toEqual([]);
        // And the first sync never sent anything back to AniList.
        expect(writtenTo(first, al)).toBeUndefined();
      }
    });

    it(`first sync of AniList ${scale} and MyAnimeList in step writes nothing, for every score`, () => {
      const al = { ...anilist, scale };
      for (let raw = 1; raw <= 100; raw += 1) {
        const onMal = Math.min(10, Math.max(1, Math.round(raw / 10))) * 10;
        const merge = mergeTitle(titleOf(side(al, { ...synced, score: raw }), side(mal, { ...synced, score: onMal })), optionsOf());
        expect(merge.writes.filter((write) => write.changes.some((change) => change.field === 'score'))).toEqual([]);
      }
    });
  }

  it('writes AniList 7.5 to MyAnimeList as 8 and a later MyAnimeList 8 is not sent back', () => {
    const base = { ...synced, score: 70 };
    const first = mergeTitle(titleOf(side(anilist, { ...synced, score: 75 }, base), side(mal, base, base)), optionsOf());
    expect(writtenTo(first, mal)).toEqual({ score: 80 });
    const settledMal = { ...synced, score: 80 };
    const again = mergeTitle(titleOf(side(anilist, { ...synced, score: 75 }, { ...synced, score: 75 }), side(mal, settledMal, settledMal)), optionsOf());
    expect(again.writes).toEqual([]);
  });

  it('does not overwrite AniList 7.5 with a MyAnimeList change that lands on 8 (already in step)', () => {
    const merge = mergeTitle(titleOf(side(anilist, { ...synced, score: 75 }, { ...synced, score: 75 }), side(mal, { ...synced, score: 80 }, { ...synced, score: 90 })), optionsOf());
    expect(merge.writes).toEqual([]);
  });

  it('sends a real MyAnimeList change (8 → 9) to AniList as 9.0', () => {
    const merge = mergeTitle(titleOf(side(anilist, { ...synced, score: 75 }, { ...synced, score: 75 }), side(mal, { ...synced, score: 90 }, { ...synced, score: 80 })), optionsOf());
    expect(writtenTo(merge, anilist)).toEqual({ score: 90 });
  });
});
