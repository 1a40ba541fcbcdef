import { describe, expect, it } from 'vitest';
import { animeStateOf, episodeChanges, episodesInRanges, groupBySeason, wantedProgress, watchedPrefix, type SeasonEpisode } from '../../../../../main/sync/sides/plex-anime-ranges';

/** The Plex anime side's arithmetic: which episodes an entry is, what their play state means, what a write sends. */

function season(count: number, watched: (index: number) => boolean, missing: number[] = []): SeasonEpisode[] {
  return Array.from({ length: count }, (_, i) => i + 1)
    .filter((index) => !missing.includes(index))
    .map((index) => ({ ratingKey: `k${index}`, index, watched: watched(index) }));
}

const keys = (episodes: Array<SeasonEpisode | null>) => episodes.map((episode) => episode?.ratingKey ?? null);

describe('episodesInRanges', () => {
  it('a split cour: e13-22 of a 22-episode season is ten episodes from 13, in order', () => {
    const episodes = episodesInRanges([{ start: 13, end: 22 }], season(22, () => false));
    expect(keys(episodes)).toEqual(['k13', 'k14', 'k15', 'k16', 'k17', 'k18', 'k19', 'k20', 'k21', 'k22']);
  });

  it('no ranges is the whole season; an open range ends at the last episode Plex has', () => {
    expect(episodesInRanges([], season(3, () => false))).toHaveLength(3);
    expect(keys(episodesInRanges([{ start: 2, end: null }], season(4, () => false)))).toEqual(['k2', 'k3', 'k4']);
  });

  it('a missing file keeps its place, so later episodes keep their AniList numbers', () => {
    expect(keys(episodesInRanges([{ start: 1, end: 4 }], season(4, () => false, [2])))).toEqual(['k1', null, 'k3', 'k4']);
  });

  it('ranges count on in the order listed (e1-2, e5-6)', () => {
    expect(keys(episodesInRanges([{ start: 1, end: 2 }, { start: 5, end: 6 }], season(6, () => false)))).toEqual(['k1', 'k2', 'k5', 'k6']);
  });
});

describe('progress from play state', () => {
  it('is the unbroken watched run from the first episode, not the count or the highest watched', () => {
    expect(watchedPrefix([true, true, false, true])).toBe(2);
    expect(watchedPrefix([false, true, true])).toBe(0);
    expect(watchedPrefix([true, null, true])).toBe(1);
    expect(watchedPrefix([])).toBe(0);
  });

  it('completed when all are watched, current when some of the run is, else only progress 0', () => {
    expect(animeStateOf([true, true])).toEqual({ progress: 2, status: 'completed' });
    expect(animeStateOf([true, false])).toEqual({ progress: 1 });
    expect(animeStateOf([false, true])).toEqual({ progress: 0 });
    expect(animeStateOf([true, null])).toEqual({ progress: 1 });
  });
});

describe('what a write sends', () => {
  const change = (field: string, after: unknown) => ({ field, after });

  it('progress n asks for n, capped to the range; completed asks for all', () => {
    expect(wantedProgress([change('progress', 5)], 10)).toBe(5);
    expect(wantedProgress([change('progress', 15)], 10)).toBe(10);
    expect(wantedProgress([change('status', 'completed'), change('progress', 3)], 10)).toBe(10);
    expect(wantedProgress([change('status', 'paused')], 10)).toBeUndefined();
  });

  it('scrobbles only what is not yet watched, never past the wanted number', () => {
    const episodes = [true, false, true, false, false].map((watched, i) => ({ ratingKey: `k${i + 1}`, watched }));
    expect(episodeChanges(episodes, 4, false)).toEqual({ scrobble: ['k2', 'k4'], unscrobble: [] });
  });

  it('unscrobbles past the wanted number only when the write lowers on purpose', () => {
    const episodes = [true, true, true, null, true].map((watched, i) => (watched === null ? null : { ratingKey: `k${i + 1}`, watched }));
    expect(episodeChanges(episodes, 1, false)).toEqual({ scrobble: [], unscrobble: [] });
    expect(episodeChanges(episodes, 1, true)).toEqual({ scrobble: [], unscrobble: ['k2', 'k3', 'k5'] });
  });
});

describe('groupBySeason', () => {
  const seasons = new Map([
    ['s1', ['a', 'b', 'c']],
    ['s2', ['d', 'e']],
    ['s3', ['f']],
  ]);

  it('sends a season once where every one of its episodes is in the list, the rest one by one', () => {
    expect(groupBySeason(['a', 'b', 'c', 'd', 'f'], seasons)).toEqual({ seasons: ['s1'], episodes: ['d', 'f'] });
  });

  it('never a season with an episode left out (it would play that one again), nor a one-episode season', () => {
    expect(groupBySeason(['a', 'b'], seasons)).toEqual({ seasons: [], episodes: ['a', 'b'] });
    expect(groupBySeason(['f'], seasons)).toEqual({ seasons: [], episodes: ['f'] });
  });
});
