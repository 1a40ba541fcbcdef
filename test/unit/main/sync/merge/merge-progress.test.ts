import { describe, expect, it } from 'vitest';
import { mergeTitle } from '../../../../../main/sync/merge/index';
import { anilist, entry, mal, optionsOf, plex, side, titleOf, writeFor, writtenTo } from './support';

const watched = entry({ status: 'completed', progress: 24, score: 80, updatedAt: '2026-11-01T00:00:00Z' });
const plexWatched = { status: 'completed' as const, progress: 24 };

describe('mergeTitle: progress never regresses unless rewatching', () => {
  it('copies a rewatch (lower progress, repeating) to MyAnimeList with the lowers-progress guard', () => {
    const rewatch = { ...watched, status: 'repeating' as const, progress: 2 };
    const merge = mergeTitle(titleOf(side(anilist, rewatch, watched), side(mal, watched, watched)), optionsOf());
    expect(writtenTo(merge, mal)).toEqual({ status: 'repeating', progress: 2 });
    expect(writeFor(merge, mal)?.guards).toEqual(['lowers-progress']);
    expect(merge.conflicts).toEqual([]);
  });

  it('asks when a side lowered progress while not rewatching, instead of writing it', () => {
    const lowered = { ...watched, status: 'current' as const, progress: 20 };
    const merge = mergeTitle(titleOf(side(anilist, lowered, watched), side(mal, watched, watched)), optionsOf());
    expect(writtenTo(merge, mal)).toEqual({ status: 'current' });
    expect(merge.conflicts).toMatchObject([{ id: 'anime:anilist:1|progress', sides: [{ value: 20, base: 24 }, { value: 24, base: 24 }] }]);
  });

  it('lowers progress when the person answered that conflict for the lower side', () => {
    const lowered = { ...watched, progress: 20 };
    const resolutions = new Map([['anime:anilist:1|progress', anilist.accountId]]);
    const merge = mergeTitle(titleOf(side(anilist, lowered, watched), side(mal, watched, watched)), optionsOf({ resolutions }));
    expect(writtenTo(merge, mal)).toEqual({ progress: 20 });
    expect(writeFor(merge, mal)?.guards).toEqual(['lowers-progress']);
  });

  it('puts the higher progress back when the person answered for the side that kept it', () => {
    const lowered = { ...watched, progress: 20 };
    const resolutions = new Map([['anime:anilist:1|progress', mal.accountId]]);
    const merge = mergeTitle(titleOf(side(anilist, lowered, watched), side(mal, watched, watched)), optionsOf({ resolutions }));
    expect(writtenTo(merge, anilist)).toEqual({ progress: 24 });
    expect(writtenTo(merge, mal)).toBeUndefined();
  });

  it('does not lower progress in Plex (marking episodes unwatched) unless the person allowed it', () => {
    const rewatch = { ...watched, status: 'repeating' as const, progress: 2 };
    const title = titleOf(side(anilist, rewatch, watched), side(mal, watched, watched), side(plex, plexWatched, plexWatched));
    const merge = mergeTitle(title, optionsOf());
    expect(writtenTo(merge, plex)).toEqual({ status: 'repeating' });
    expect(writtenTo(merge, mal)).toEqual({ status: 'repeating', progress: 2 });
    expect(merge.skipped).toMatchObject([{ side: plex, reason: 'Progress not lowered on Plex: marking episodes unwatched there is off.' }]);

    const allowed = mergeTitle(title, optionsOf({ unwatch: ['plex'] }));
    expect(writtenTo(allowed, plex)).toEqual({ status: 'repeating', progress: 2 });
    expect(writeFor(allowed, plex)?.guards).toEqual(['lowers-progress']);
  });

  it('raises progress everywhere from the side that watched more (Plex ⇄ AniList ⇄ MyAnimeList)', () => {
    const before = { ...watched, status: 'current' as const, progress: 10 };
    const plexBefore = { status: 'current' as const, progress: 10 };
    const title = titleOf(side(anilist, before, before), side(mal, before, before), side(plex, { ...plexBefore, progress: 12 }, plexBefore));
    const merge = mergeTitle(title, optionsOf());
    expect(writtenTo(merge, anilist)).toEqual({ progress: 12 });
    expect(writtenTo(merge, mal)).toEqual({ progress: 12 });
    expect(writtenTo(merge, plex)).toBeUndefined();
    expect(merge.writes.every((write) => write.guards.length === 0)).toBe(true);
  });

  it('does not invent a status from progress reaching the episode total', () => {
    const before = { ...watched, status: 'current' as const, progress: 23 };
    const plexBefore = { status: 'current' as const, progress: 23 };
    const merge = mergeTitle(titleOf(side(anilist, before, before), side(plex, { ...plexBefore, progress: 24 }, plexBefore)), optionsOf());
    expect(writtenTo(merge, anilist)).toEqual({ progress: 24 });
  });

  it('copies a rewatch while the other side counted the finished watch', () => {
    const merge = mergeTitle(titleOf(side(anilist, { ...watched, status: 'repeating', progress: 3 }, watched), side(mal, { ...watched, progress: 24, repeat: 1 }, watched)), optionsOf());
    expect(writtenTo(merge, mal)).toEqual({ status: 'repeating', progress: 3 });
    expect(writtenTo(merge, anilist)).toEqual({ repeat: 1 });
    expect(writeFor(merge, mal)?.guards).toEqual(['lowers-progress']);
  });

  it('takes the rewatching side’s count when both changed progress and one is rewatching', () => {
    const midway = { ...watched, status: 'current' as const, progress: 10 };
    const merge = mergeTitle(titleOf(side(anilist, { ...midway, status: 'repeating', progress: 2 }, midway), side(mal, { ...midway, progress: 12 }, midway)), optionsOf());
    expect(writtenTo(merge, mal)).toMatchObject({ progress: 2 });
    expect(writtenTo(merge, anilist)).toBeUndefined();
  });

  it('treats volumes like progress (manga)', () => {
    const manga = { ...anilist, kind: 'manga' as const };
    const malManga = { ...mal, kind: 'manga' as const };
    const carries = ['status', 'progress', 'progressVolumes'] as const;
    const read = { ...watched, status: 'current' as const, progress: 50, progressVolumes: 5 };
    const merge = mergeTitle(titleOf(side(manga, { ...read, progressVolumes: 4 }, read, carries), side(malManga, { ...read, progressVolumes: 6, progress: 55 }, read, carries)), optionsOf());
    expect(writtenTo(merge, manga)).toEqual({ progress: 55, progressVolumes: 6 });
    expect(writtenTo(merge, malManga)).toBeUndefined();
  });
});
