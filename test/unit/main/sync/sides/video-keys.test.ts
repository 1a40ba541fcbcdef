import { describe, expect, it } from 'vitest';
import type { PlannedWrite } from '../../../../../main/sync/model';
import { bulkOf, planWrite } from '../../../../../main/sync/sides/trakt-video-batch';
import { idsOfVideoKey, rating10Of, score100Of, sortEpisodeKeys, videoKeyOfIds } from '../../../../../main/sync/sides/video-keys';

/** The keys Trakt and Plex titles meet under, the score scales, and how writes become Trakt's bulk bodies. */

describe('video keys', () => {
  it('shows by TVDB, movies by TMDB, IMDb only when that id is missing; none without ids', () => {
    expect(videoKeyOfIds('show', { tvdb: 81797, tmdb: 37854, imdb: 'tt0388629' })).toBe('show:tvdb:81797');
    expect(videoKeyOfIds('show', { tmdb: 37854, imdb: 'tt0388629' })).toBe('show:imdb:tt0388629');
    expect(videoKeyOfIds('movie', { tmdb: 129, imdb: 'tt0245429' })).toBe('movie:tmdb:129');
    expect(videoKeyOfIds('movie', { tmdb: null, imdb: 'tt0245429' })).toBe('movie:imdb:tt0245429');
    expect(videoKeyOfIds('movie', {})).toBeNull();
  });

  it('reads a key back into the id a new Trakt entry is named by', () => {
    expect(idsOfVideoKey('show:tvdb:81797')).toEqual({ type: 'show', ids: { tvdb: 81797 } });
    expect(idsOfVideoKey('movie:imdb:tt0245429')).toEqual({ type: 'movie', ids: { imdb: 'tt0245429' } });
    expect(idsOfVideoKey('anime:anilist:1')).toBeNull();
    expect(idsOfVideoKey('show:tvdb:abc')).toBeNull();
  });

  it('sorts episode keys by number, not text (s1e10 after s1e9)', () => {
    expect(sortEpisodeKeys(['s2e1', 's1e10', 's1e9', 's1e9'])).toEqual(['s1e9', 's1e10', 's2e1']);
  });

  it('converts 1-10 to 0-100 and back without drift; 0 is unrated', () => {
    expect(score100Of(7)).toBe(70);
    expect(score100Of(0)).toBeNull();
    expect(rating10Of(70)).toBe(7);
    expect(rating10Of(84)).toBe(8);
    expect(rating10Of(3)).toBe(1);
    expect(rating10Of(null)).toBeNull();
  });
});

describe('Trakt write plans', () => {
  const write = (after: string[], guards: PlannedWrite['guards'] = []): PlannedWrite => ({
    id: 'w',
    side: { accountId: 't', service: 'trakt', kind: 'video', scale: 'point10' },
    titleKey: 'show:tvdb:1',
    title: 'Show',
    op: 'update',
    changes: [{ field: 'watched', before: null, after, from: { accountId: 'p', service: 'plex', kind: 'video', scale: null }, reason: 'test' }],
    target: null,
    guards,
  });
  const target = { type: 'show' as const, ids: { trakt: 5, tvdb: 1 } };

  it('plays only the episodes Trakt does not have; removes only when the write lowers on purpose', () => {
    const now = new Set(['s1e1', 's1e2', 's1e9']);
    expect(planWrite(write(['s1e1', 's1e2', 's1e3']), target, now)).toMatchObject({ addPlays: ['s1e3'], removePlays: [] });
    expect(planWrite(write(['s1e1'], ['lowers-progress']), target, now)).toMatchObject({ addPlays: [], removePlays: ['s1e2', 's1e9'] });
  });

  it('groups a show\'s episodes under their seasons in one bulk body', () => {
    const plan = planWrite(write(['s1e3', 's2e1', 's2e2']), target, new Set());
    expect(bulkOf([plan], (one) => one.addPlays)).toEqual({
      shows: [{ ids: { trakt: 5, tvdb: 1 }, seasons: [{ number: 1, episodes: [{ number: 3 }] }, { number: 2, episodes: [{ number: 1 }, { number: 2 }] }] }],
    });
    expect(bulkOf([planWrite(write(['s1e1']), target, new Set(['s1e1']))], (one) => one.addPlays)).toEqual({});
  });
});
