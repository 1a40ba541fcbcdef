import { describe, expect, it } from 'vitest';
import { mergeTitle } from '../../../../../main/sync/merge/index';
import { anilist, entry, mal, optionsOf, pair, plex, side, titleOf, writeFor, writtenTo } from './support';
import type { SideState } from '../../../../../main/sync/model';

const base = entry({ status: 'current', progress: 6, score: 80, notes: 'n', updatedAt: '2026-11-01T00:00:00Z' });
const plexBase = { status: 'current' as const, progress: 6 };

describe('mergeTitle: AniList, MyAnimeList and Plex at once', () => {
  it('settles each field across all three in one merge, one write per side', () => {
    const title = titleOf(
      side(anilist, { ...base, score: 90, updatedAt: '2026-11-20T00:00:00Z' }, base),
      side(mal, { ...base, status: 'paused' }, base),
      side(plex, { ...plexBase, progress: 8 }, plexBase),
    );
    const merge = mergeTitle(title, optionsOf());
    expect(writtenTo(merge, anilist)).toEqual({ status: 'paused', progress: 8 });
    expect(writtenTo(merge, mal)).toEqual({ progress: 8, score: 90 });
    expect(writtenTo(merge, plex)).toEqual({ status: 'paused' });
    expect(merge.writes.map((write) => write.side.service)).toEqual(['anilist', 'mal', 'plex']);
    expect(merge.conflicts).toEqual([]);
  });

  it('reaches Plex through MyAnimeList when AniList ⇄ Plex is off', () => {
    const pairs = [pair('anilist:mal'), pair('mal:plex')];
    const merge = mergeTitle(titleOf(side(anilist, { ...base, progress: 9 }, base), side(mal, base, base), side(plex, plexBase, plexBase)), optionsOf({ pairs }));
    expect(writtenTo(merge, mal)).toEqual({ progress: 9 });
    expect(writtenTo(merge, plex)).toEqual({ progress: 9 });
    expect(writeFor(merge, plex)?.changes[0]?.from).toEqual(anilist);
  });

  it('first sync of three lists: progress takes the furthest, agreeing values write nothing', () => {
    const merge = mergeTitle(titleOf(side(anilist, { ...base, progress: 3 }), side(mal, { ...base, progress: 5 }), side(plex, { status: 'current', progress: 7 })), optionsOf());
    expect(writtenTo(merge, anilist)).toEqual({ progress: 7 });
    expect(writtenTo(merge, mal)).toEqual({ progress: 7 });
    expect(writtenTo(merge, plex)).toBeUndefined();
  });

  it('creates on MyAnimeList from AniList while Plex only updates (Plex never gets a create it cannot hold from a missing pair)', () => {
    const merge = mergeTitle(titleOf(side(anilist, { ...base, progress: 7 }, null), side(mal, null), side(plex, plexBase, null)), optionsOf());
    expect(writeFor(merge, mal)?.op).toBe('create');
    expect(writtenTo(merge, mal)).toMatchObject({ progress: 7, status: 'current' });
    expect(writtenTo(merge, plex)).toEqual({ progress: 7 });
  });

  it('lists every side in a conflict', () => {
    const title = titleOf(
      side(anilist, { ...base, status: 'paused', updatedAt: null }, base),
      side(mal, { ...base, status: 'dropped' }, base),
      side(plex, { ...plexBase, status: 'completed' }, plexBase),
    );
    const merge = mergeTitle(title, optionsOf());
    expect(merge.conflicts).toMatchObject([{ field: 'status', sides: [{ value: 'paused' }, { value: 'dropped' }, { value: 'completed' }] }]);
    expect(merge.writes).toEqual([]);
  });
});

describe('mergeTitle: a list joining lists already in step', () => {
  it('raises a newly connected Plex to the progress the synced lists agree on, without a conflict', () => {
    const merge = mergeTitle(titleOf(side(anilist, { ...base, progress: 12 }, { ...base, progress: 12 }), side(mal, { ...base, progress: 12 }, { ...base, progress: 12 }), side(plex, { status: 'current', progress: 5 })), optionsOf());
    expect(writtenTo(merge, plex)).toEqual({ progress: 12 });
    expect(writeFor(merge, anilist)).toBeUndefined();
    expect(merge.conflicts).toEqual([]);
  });

  it('creates from a list that has not changed since the last sync', () => {
    const merge = mergeTitle(titleOf(side(anilist, base, base), side(mal, null, null)), optionsOf());
    expect(writeFor(merge, mal)?.op).toBe('create');
    expect(writtenTo(merge, mal)).toEqual({ status: 'current', progress: 6, score: 80, repeat: 0, notes: 'n' });
    expect(writeFor(merge, mal)?.changes[0]?.reason).toBe('new entry, from AniList');
  });
});

describe('mergeTitle: a side without change times (Plex)', () => {
  const dated = (status: SideState['status'], updatedAt: string) => entry({ status, progress: 12, updatedAt });
  const plexSays = (status: SideState['status']) => ({ status, progress: 12 });

  it('does not block the newest change when it agrees with it', () => {
    const merge = mergeTitle(titleOf(side(anilist, dated('completed', '2026-11-20T00:00:00Z')), side(mal, dated('current', '2026-11-01T00:00:00Z')), side(plex, plexSays('completed'))), optionsOf());
    expect(merge.conflicts).toEqual([]);
    expect(writtenTo(merge, mal)).toMatchObject({ status: 'completed' });
  });

  it('asks when it disagrees with the newest dated side, since nobody can say which came last', () => {
    const merge = mergeTitle(titleOf(side(anilist, dated('paused', '2026-11-20T00:00:00Z')), side(mal, dated('current', '2026-11-01T00:00:00Z')), side(plex, plexSays('completed'))), optionsOf());
    expect(merge.conflicts.map((conflict) => conflict.field)).toEqual(['status']);
  });
});
