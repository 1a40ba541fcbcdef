import { describe, expect, it } from 'vitest';
import { mergeTitle } from '../../../../../main/sync/merge/index';
import { anilist, entry, mal, optionsOf, pair, plex, side, titleOf, writeFor, writtenTo } from './support';

const onList = entry({ status: 'current', progress: 4, score: 75, startedAt: '2026-10-01', notes: 'weekly', updatedAt: '2026-11-01T00:00:00Z' });

describe('mergeTitle: creates', () => {
  it('creates a title missing on MyAnimeList with every carried, non-empty field', () => {
    const merge = mergeTitle(titleOf(side(anilist, { ...onList, private: false }), side(mal, null)), optionsOf());
    const write = writeFor(merge, mal);
    expect(write?.op).toBe('create');
    expect(writtenTo(merge, mal)).toEqual({ status: 'current', progress: 4, score: 80, startedAt: '2026-10-01', repeat: 0, notes: 'weekly' });
    expect(write?.changes.every((change) => change.before === null)).toBe(true);
  });

  it('creates nothing when the pair does not add missing entries, or its direction points the other way', () => {
    const noCreate = [pair('anilist:mal', { createMissing: false })];
    expect(mergeTitle(titleOf(side(anilist, onList), side(mal, null)), optionsOf({ pairs: noCreate })).writes).toEqual([]);
    const malToAnilist = [pair('anilist:mal', { fields: { status: 'b-to-a', progress: 'b-to-a' } })];
    expect(mergeTitle(titleOf(side(anilist, onList), side(mal, null)), optionsOf({ pairs: malToAnilist })).writes).toEqual([]);
  });

  it('never re-creates a title the person removed from that side (base, no entry)', () => {
    const merge = mergeTitle(titleOf(side(anilist, { ...onList, progress: 5 }, onList), side(mal, null, onList)), optionsOf());
    expect(merge.writes).toEqual([]);
    expect(merge.skipped).toMatchObject([{ side: anilist, reason: 'Removed on MyAnimeList since the last sync; kept on AniList.' }]);
  });
});

describe('mergeTitle: removals', () => {
  const removedOnMal = () => titleOf(side(anilist, onList, onList), side(mal, null, onList));

  it('keeps the entry and says so when the pair does not copy removals', () => {
    const merge = mergeTitle(removedOnMal(), optionsOf());
    expect(merge.writes).toEqual([]);
    expect(merge.skipped).toEqual([{ titleKey: 'anime:anilist:1', title: 'Frieren', side: anilist, reason: 'Removed on MyAnimeList since the last sync; kept on AniList.' }]);
  });

  it('removes it on the other side, behind the removes-entry guard, when the pair copies removals', () => {
    const merge = mergeTitle(removedOnMal(), optionsOf({ pairs: [pair('anilist:mal', { propagateRemovals: true })] }));
    expect(merge.writes).toEqual([{ id: `${anilist.accountId}|anime|anime:anilist:1`, side: anilist, titleKey: 'anime:anilist:1', title: 'Frieren', op: 'remove', changes: [], target: { of: anilist.accountId }, guards: ['removes-entry'] }]);
    expect(merge.skipped).toEqual([]);
  });

  it('does not copy a removal against the pair’s direction', () => {
    const pairs = [pair('anilist:mal', { propagateRemovals: true, fields: { status: 'a-to-b' } })];
    expect(mergeTitle(removedOnMal(), optionsOf({ pairs })).writes).toEqual([]);
  });

  it('still merges the sides that keep the title (AniList removed; MyAnimeList and Plex keep it)', () => {
    const plexState = { status: 'current' as const, progress: 4 };
    const title = titleOf(side(anilist, null, onList), side(mal, onList, onList), side(plex, { ...plexState, progress: 6 }, plexState));
    const merge = mergeTitle(title, optionsOf());
    expect(writtenTo(merge, mal)).toEqual({ progress: 6 });
    expect(writeFor(merge, anilist)).toBeUndefined();
    expect(merge.skipped.map((note) => note.side.service)).toEqual(['mal', 'plex']);
  });
});

describe('mergeTitle: a side losing its entry gives no values', () => {
  it('does not copy MyAnimeList progress into Plex while removing it from MyAnimeList', () => {
    const plexState = { status: 'current' as const, progress: 4 };
    const pairs = [pair('anilist:mal', { propagateRemovals: true }), pair('anilist:plex'), pair('mal:plex')];
    const title = titleOf(side(anilist, null, onList), side(mal, { ...onList, progress: 9 }, onList), side(plex, plexState, plexState));
    const merge = mergeTitle(title, optionsOf({ pairs }));
    expect(merge.writes.map((write) => [write.side.service, write.op])).toEqual([['mal', 'remove']]);
  });
});

describe('mergeTitle: AniList private entries', () => {
  const privateEntry = { ...onList, private: true };

  it('does not copy a private AniList entry to MyAnimeList (no private flag there) or create it', () => {
    const update = mergeTitle(titleOf(side(anilist, { ...privateEntry, progress: 6 }, privateEntry), side(mal, onList, onList)), optionsOf());
    expect(update.writes).toEqual([]);
    expect(update.skipped).toMatchObject([{ side: mal, reason: 'Private on AniList: not copied to MyAnimeList (syncing private entries is off).' }]);
    const create = mergeTitle(titleOf(side(anilist, privateEntry), side(mal, null)), optionsOf());
    expect(create.writes).toEqual([]);
  });

  it('copies it when the person turned syncing private entries on', () => {
    const merge = mergeTitle(titleOf(side(anilist, { ...privateEntry, progress: 6 }, privateEntry), side(mal, onList, onList)), optionsOf({ syncPrivate: true }));
    expect(writtenTo(merge, mal)).toEqual({ progress: 6 });
  });

  it('still takes changes from MyAnimeList into the private AniList entry', () => {
    const merge = mergeTitle(titleOf(side(anilist, privateEntry, privateEntry), side(mal, { ...onList, progress: 7 }, onList)), optionsOf());
    expect(writtenTo(merge, anilist)).toEqual({ progress: 7 });
    expect(merge.skipped).toEqual([]);
  });

  it('keeps the private flag on sides that carry it (two AniList accounts are never paired, so nothing flows)', () => {
    const merge = mergeTitle(titleOf(side(anilist, privateEntry, privateEntry), side({ ...anilist, accountId: 'al-2' }, onList, onList)), optionsOf());
    expect(merge.writes).toEqual([]);
  });
});
