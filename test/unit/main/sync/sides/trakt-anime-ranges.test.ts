import { describe, expect, it } from 'vitest';
import type { AnimeLinks } from '../../../../../main/mapping/model';
import { episodeKeysOf, lengthOf, playsToAdd, stretchesOf, targetFromLinks, traktAnimeState, type TraktAnimeTarget } from '../../../../../main/sync/sides/trakt-anime-ranges';

const show = (stretches: TraktAnimeTarget['stretches']): TraktAnimeTarget => ({ anilistId: 1, type: 'show', ids: { tvdb: 10 }, title: 'Show', stretches });
const watched = (...keys: string[]) => new Set(keys);

describe('Trakt anime positions', () => {
  it('numbers a split cour from its own first episode: AniList episode 1 of part 2 is Trakt s1e13', () => {
    const part2 = show(stretchesOf(1, [{ start: 13, end: 24 }]));
    expect(episodeKeysOf(part2.stretches, 3)).toEqual(['s1e13', 's1e14', 's1e15']);
    expect(traktAnimeState(part2, watched('s1e1', 's1e13', 's1e14', 's1e16'))).toEqual({ progress: 2 });
    expect(lengthOf(part2.stretches)).toBe(12);
  });

  it('counts on across seasons in order, and is completed only when every episode of closed stretches is watched', () => {
    const twoSeasons = show([...stretchesOf(1, [{ start: 1, end: 2 }]), ...stretchesOf(2, [{ start: 1, end: 1 }])]);
    expect(traktAnimeState(twoSeasons, watched('s1e1', 's1e2'))).toEqual({ progress: 2 });
    expect(traktAnimeState(twoSeasons, watched('s1e1', 's1e2', 's2e1'))).toEqual({ progress: 3, status: 'completed' });
  });

  it('never calls an open season completed, since Trakt does not say where it ends', () => {
    const open = show(stretchesOf(3, []));
    expect(traktAnimeState(open, watched('s3e1', 's3e2', 's3e3'))).toEqual({ progress: 3 });
    expect(lengthOf(open.stretches)).toBeNull();
  });

  it('adds only the plays Trakt lacks, up to the wanted progress', () => {
    const season = show(stretchesOf(1, [{ start: 1, end: 12 }]));
    expect(playsToAdd(season, watched('s1e1', 's1e3'), 4)).toEqual(['s1e2', 's1e4']);
    expect(playsToAdd(season, watched('s1e1'), 0)).toEqual([]);
    const film: TraktAnimeTarget = { anilistId: 2, type: 'movie', ids: { tmdb: 5 }, title: 'Film', stretches: [] };
    expect(playsToAdd(film, watched(), 1)).toEqual(['movie']);
    expect(playsToAdd(film, watched('movie'), 1)).toEqual([]);
    expect(traktAnimeState(film, watched('movie'))).toEqual({ progress: 1, status: 'completed' });
  });
});

describe('a Trakt place for a title from the ID tables', () => {
  const links = (overrides: Partial<AnimeLinks>): AnimeLinks => ({ source: 'anibridge-v3', anilistId: 7, malIds: [], anidbId: null, tvdbId: null, tmdbShowIds: [], tmdbMovieIds: [], imdbIds: [], seasons: [], ...overrides });

  it('takes the TVDB show and its seasons in order', () => {
    const target = targetFromLinks(7, 'T', [
      links({ tvdbId: 99, seasons: [{ provider: 'tvdb', showId: '99', season: 2, episodes: [], ratio: 1, offset: 0 }, { provider: 'tvdb', showId: '99', season: 1, episodes: [{ start: 13, end: null }], ratio: 1, offset: 0 }] }),
    ]);
    expect(target).toEqual({ anilistId: 7, type: 'show', ids: { tvdb: 99 }, title: 'T', stretches: [{ season: 1, start: 13, end: null }, { season: 2, start: 1, end: null }] });
  });

  it('takes a TMDB film, and refuses mappings it cannot count (ratios, offsets) or that name nothing', () => {
    expect(targetFromLinks(7, 'F', [links({ tmdbMovieIds: [123] })])).toMatchObject({ type: 'movie', ids: { tmdb: 123 } });
    expect(targetFromLinks(7, 'R', [links({ tvdbId: 1, seasons: [{ provider: 'tvdb', showId: '1', season: 1, episodes: [], ratio: 2, offset: 0 }] })])).toBeNull();
    expect(targetFromLinks(7, 'O', [links({ tvdbId: 1, seasons: [{ provider: 'tvdb', showId: '1', season: 1, episodes: [], ratio: 1, offset: 12 }] })])).toBeNull();
    expect(targetFromLinks(7, 'N', [links({})])).toBeNull();
  });
});
