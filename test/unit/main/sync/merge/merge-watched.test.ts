import { describe, expect, it } from 'vitest';
import { mergeTitle } from '../../../../../main/sync/merge/index';
import type { SideState } from '../../../../../main/sync/model';
import { optionsOf, plexVideo, side, trakt, writeFor, writtenTo } from './support';

const show = (onTrakt: SideState | null, traktBase: SideState | null, onPlex: SideState | null, plexBase: SideState | null) => ({
  titleKey: 'show:tvdb:81797',
  title: 'One Piece',
  kind: 'video' as const,
  sides: [side(trakt, onTrakt, traktBase), side(plexVideo, onPlex, plexBase)],
});

describe('mergeTitle: watched episodes as sets (Trakt ⇄ Plex)', () => {
  it('adds what each side watched since the last sync to the other, with no duplicate plays', () => {
    const base = { watched: ['s1e1', 's1e2'] };
    const merge = mergeTitle(show({ watched: ['s1e1', 's1e2', 's1e3'] }, base, { watched: ['s1e1', 's1e2', 's1e10'] }, base), optionsOf());
    const all = ['s1e1', 's1e2', 's1e3', 's1e10'];
    expect(writeFor(merge, trakt)?.changes).toEqual([{ field: 'watched', before: ['s1e1', 's1e2', 's1e3'], after: all, from: plexVideo, reason: '1 watched on Plex' }]);
    expect(writtenTo(merge, plexVideo)).toEqual({ watched: all });
    expect(merge.conflicts).toEqual([]);
  });

  it('unions both histories at the first sync', () => {
    const merge = mergeTitle(show({ watched: ['s1e2', 's1e1'] }, null, { watched: ['s1e2', 's1e3'] }, null), optionsOf());
    expect(writtenTo(merge, trakt)).toEqual({ watched: ['s1e1', 's1e2', 's1e3'] });
    expect(writtenTo(merge, plexVideo)).toEqual({ watched: ['s1e1', 's1e2', 's1e3'] });
  });

  it('writes nothing when both already hold the same episodes in another order', () => {
    const merge = mergeTitle(show({ watched: ['s1e2', 's1e1'] }, null, { watched: ['s1e1', 's1e2'] }, null), optionsOf());
    expect(merge.writes).toEqual([]);
  });

  it('copies an unwatch into Plex only when the person allowed it', () => {
    const base = { watched: ['s1e1', 's1e2'] };
    const title = show({ watched: ['s1e1'] }, base, base, base);
    expect(mergeTitle(title, optionsOf()).writes).toEqual([]);
    const allowed = mergeTitle(title, optionsOf({ unwatch: ['plex'] }));
    expect(writtenTo(allowed, plexVideo)).toEqual({ watched: ['s1e1'] });
    expect(writeFor(allowed, plexVideo)?.changes[0]?.reason).toBe('1 unwatched on Trakt');
  });

  it('never copies an unwatch into Trakt (not a service the person can allow it for)', () => {
    const base = { watched: ['s1e1', 's1e2'] };
    expect(mergeTitle(show(base, base, { watched: ['s1e1'] }, base), optionsOf({ unwatch: ['plex'] })).writes).toEqual([]);
  });

  it('merges ratings and the watchlist alongside, by the pair rule', () => {
    const base = { watched: [], score: 70, watchlisted: false };
    const merge = mergeTitle(show({ ...base, score: 90 }, base, { ...base, watchlisted: true }, base), optionsOf());
    expect(writtenTo(merge, plexVideo)).toEqual({ score: 90 });
    expect(writtenTo(merge, trakt)).toEqual({ watchlisted: true });
  });

  it('fills a Plex-side list created from Trakt with the whole history', () => {
    const merge = mergeTitle(show({ watched: ['movie'], score: 80 }, null, null, null), optionsOf());
    expect(writeFor(merge, plexVideo)?.op).toBe('create');
    expect(writtenTo(merge, plexVideo)).toEqual({ watched: ['movie'], score: 80 });
  });
});
