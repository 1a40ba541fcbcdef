import { describe, expect, it } from 'vitest';
import type { Candidate, MatchQuery } from '../../../../../main/mapping/model';
import { createResolver as createStrictResolver, type ResolverDeps } from '../../../../../main/mapping/resolve/resolver';
import type { TitleAnswer, TitleSource } from '../../../../../main/mapping/resolve/title-source';
import { fakeLookup, links, season } from './fake-lookup';

/** Each fixture gives a title one table's rows: these tests are about what the rows say, not how many repeat them. */
function createResolver(deps: ResolverDeps) {
  return createStrictResolver({ ...deps, options: { ...deps.options, weights: { lonePenalty: 0, ...deps.options?.weights } } });
}

/** Rival rows, partial tables, formats and titles: the evidence around the ID tables. */

function show(title: string, guids: string[], seasonNumber: number, rest: Partial<MatchQuery> = {}): MatchQuery {
  return { type: 'show', title, year: null, season: seasonNumber, guids, seasonOrdering: 'tvdb', ...rest };
}

/** Exact titles only; with `anySeason` the season asked is ignored, as a title with no season words would be. */
function titlesFor(known: Record<string, number>, anySeason = true, confidence = 0.9): TitleSource {
  return {
    match(query): TitleAnswer {
      const id = anySeason || (query.season ?? 1) <= 1 ? known[query.title] : undefined;
      if (id === undefined) return { status: 'abstain', best: null, candidates: [] };
      const best: Candidate = { anilistId: id, confidence, evidence: [{ kind: 'title', detail: `title "${query.title}"`, weight: confidence }] };
      return { status: 'matched', best, candidates: [best] };
    },
  };
}

describe('rival rows', () => {
  it('of two entries over the same episodes, the one more tables name wins; the other stays a candidate', () => {
    const lookup = fakeLookup([
      links('anibridge-v3', 558, { seasons: [season('tmdb', 29602, 1, [1, 26])] }),
      links('anibridge-v3', 627, { seasons: [season('tmdb', 29602, 1, [1, 26])] }),
      links('fribb', 627, { seasons: [season('tmdb', 29602, 1)] }),
    ]);
    const result = createResolver({ lookup }).resolve(show('Major', ['tmdb://29602'], 1, { seasonOrdering: 'tmdb(trakt)' }));
    expect(result.anilistIds).toEqual([627]);
    expect(result.candidates.map((c) => c.anilistId)).toContain(558);
  });

  it('abstains when nothing prefers either', () => {
    const lookup = fakeLookup([
      links('fribb', 849, { seasons: [season('tvdb', 79414, 1)] }),
      links('fribb', 4382, { seasons: [season('tvdb', 79414, 1)] }),
    ]);
    const result = createResolver({ lookup }).resolve(show('Haruhi', ['tvdb://79414'], 1));
    expect(result.status).toBe('abstain');
    expect(result.candidates[0]?.evidence.some((e) => e.kind === 'conflict')).toBe(true);
  });
});

describe('a table that maps only later cours', () => {
  it('takes the season opening from the tables below it', () => {
    const lookup = fakeLookup([
      links('anibridge-v3', 154768, { seasons: [season('tmdb', 123249, 1, [13, 24])] }),
      links('fribb', 132405, { seasons: [season('tmdb', 123249, 1)] }),
    ]);
    const result = createResolver({ lookup }).resolve(show('My Dress-Up Darling', ['tmdb://123249'], 1, { seasonOrdering: 'tmdb(trakt)' }));
    expect(result.anilistIds).toEqual([132405, 154768]);
  });

  it('fills a cour missing in the middle, as anibridge v3 leaves Attack on Titan e17-28 to PlexAniBridge', () => {
    const lookup = fakeLookup([
      links('anibridge-v3', 110277, { seasons: [season('tvdb', 267440, 4, [1, 16])] }),
      links('anibridge-v3', 146984, { seasons: [season('tvdb', 267440, 4, [29, 29])] }),
      links('plexanibridge-v2', 110277, { seasons: [season('tvdb', 267440, 4, [1, 16])] }),
      links('plexanibridge-v2', 131681, { seasons: [season('tvdb', 267440, 4, [17, 28])] }),
      links('plexanibridge-v2', 146984, { seasons: [season('tvdb', 267440, 4, [29, 29])] }),
    ]);
    const resolver = createResolver({ lookup });
    expect(resolver.resolve(show('Attack on Titan', ['tvdb://267440'], 4)).anilistIds).toEqual([110277, 131681, 146984]);
    expect(resolver.resolve(show('Attack on Titan', ['tvdb://267440'], 4, { episodes: { start: 20, end: 20 } })).anilistIds).toEqual([131681]);
  });
});

describe('formats', () => {
  const lookup = fakeLookup([links('plexanibridge-v2', 21, { imdbIds: ['tt2598466'] }), links('plexanibridge-v2', 15323, { imdbIds: ['tt2598466'] })]);
  const formats = new Map([
    [21, 'TV'],
    [15323, 'SPECIAL'],
  ]);

  it('a movie item never lands on a TV series its IMDb id is shared with', () => {
    const movie: MatchQuery = { type: 'movie', title: 'One Piece Episode of Nami', guids: ['imdb://tt2598466'] };
    expect(createResolver({ lookup, formatOf: (id) => formats.get(id) }).resolve(movie).anilistIds).toEqual([15323]);
    const onlySeries = fakeLookup([links('plexanibridge-v2', 21, { imdbIds: ['tt2598466'] })]);
    expect(createResolver({ lookup: onlySeries, formatOf: (id) => formats.get(id) }).resolve(movie).status).toBe('abstain');
  });
});

describe('titles beside the tables', () => {
  const lookup = fakeLookup([
    links('fribb', 1000, { seasons: [season('tmdb', 50, 1)] }),
    links('fribb', 1001, { seasons: [season('tmdb', 50, 2)] }),
    links('fribb', 2000, { seasons: [season('tmdb', 60, 1)] }),
  ]);

  it('a first season the title contradicts goes to review', () => {
    const resolver = createResolver({ lookup, titles: titlesFor({ 'Show A': 2000 }) });
    expect(resolver.resolve(show('Show A', ['tmdb://50'], 1, { seasonOrdering: 'tmdb' })).status).toBe('abstain');
  });

  it('a later season keeps the tables’ answer even when the title names the first season', () => {
    const resolver = createResolver({ lookup, titles: titlesFor({ 'Show A': 1000 }) });
    expect(resolver.resolve(show('Show A', ['tmdb://50'], 2, { seasonOrdering: 'tmdb' })).anilistIds).toEqual([1001]);
  });

  it('a title-only later season: the title finds the show, the tables its season', () => {
    const resolver = createResolver({ lookup, titles: titlesFor({ 'Show A': 1000 }, false) });
    const result = resolver.resolve(show('Show A', [], 2, { seasonOrdering: 'tmdb(trakt)' }));
    expect(result).toMatchObject({ status: 'matched', anilistIds: [1001] });
    expect(result.candidates[0]?.evidence[0]?.detail).toContain('AniList 1000');
    expect(createResolver({ lookup }).resolve(show('Show A', [], 2)).status).toBe('abstain');
  });

  it('a title-only season where the title names another season than the tables goes to review', () => {
    const resolver = createResolver({ lookup, titles: titlesFor({ 'Show A': 1000 }, true) });
    expect(resolver.resolve(show('Show A', [], 2, { seasonOrdering: 'tmdb(trakt)' })).status).toBe('abstain');
  });
});

describe('corroboration', () => {
  const one = fakeLookup([links('anibridge-v3', 11103, { tmdbMovieIds: [396861] })]);
  const movie: MatchQuery = { type: 'movie', title: 'Busou Shinki Moon Angel', guids: ['tmdb://396861'] };

  it('one row of one table, which nothing repeats, goes to review', () => {
    const result = createStrictResolver({ lookup: one }).resolve(movie);
    expect(result.status).toBe('abstain');
    expect(result.candidates[0]?.evidence.some((e) => e.detail.includes('no other table'))).toBe(true);
  });

  it('is enough once another table, the other id, or the title says the same', () => {
    const two = fakeLookup([links('anibridge-v3', 11103, { tmdbMovieIds: [396861] }), links('fribb', 11103, { tmdbMovieIds: [396861] })]);
    expect(createStrictResolver({ lookup: two }).resolve(movie).anilistIds).toEqual([11103]);
    const byImdb = fakeLookup([links('anibridge-v3', 11103, { tmdbMovieIds: [396861], imdbIds: ['tt2074341'] })]);
    expect(createStrictResolver({ lookup: byImdb }).resolve({ ...movie, guids: ['tmdb://396861', 'imdb://tt2074341'] }).anilistIds).toEqual([11103]);
    expect(createStrictResolver({ lookup: one, titles: titlesFor({ 'Busou Shinki Moon Angel': 11103 }) }).resolve(movie).anilistIds).toEqual([11103]);
  });

  it('a later season the tables do not map, of a show they know by id, is not answered by title', () => {
    const lookup = fakeLookup([links('fribb', 1000, { seasons: [season('tmdb', 50, 1)] }), links('kometa', 1000, { seasons: [season('tmdb', 50, 1)] })]);
    const resolver = createStrictResolver({ lookup, titles: titlesFor({ 'Show A': 1999 }) });
    expect(resolver.resolve(show('Show A', ['tmdb://50'], 3, { seasonOrdering: 'tmdb' })).status).toBe('abstain');
    expect(createStrictResolver({ lookup }).resolve(show('Show A', ['tmdb://50'], 1, { seasonOrdering: 'tmdb' })).anilistIds).toEqual([1000]);
  });
});
