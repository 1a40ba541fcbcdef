import { describe, expect, it } from 'vitest';
import type { Candidate, MatchQuery } from '../../../../../main/mapping/model';
import { createResolver as createStrictResolver, type ResolverDeps } from '../../../../../main/mapping/resolve/resolver';
import type { TitleAnswer, TitleQuery, TitleSource } from '../../../../../main/mapping/resolve/title-source';
import { fakeLookup, links, season } from './fake-lookup';

/** Each fixture gives a title one table's rows: these tests are about what the rows say, not how many repeat them. */
function createResolver(deps: ResolverDeps) {
  return createStrictResolver({ ...deps, options: { ...deps.options, weights: { lonePenalty: 0, ...deps.options?.weights } } });
}

/** Which ids the resolver trusts, in which numbering, and when it turns to titles or abstains. */

function show(title: string, guids: string[], seasonNumber: number, rest: Partial<MatchQuery> = {}): MatchQuery {
  return { type: 'show', title, year: null, season: seasonNumber, guids, seasonOrdering: 'tvdb', ...rest };
}

function movie(title: string, guids: string[]): MatchQuery {
  return { type: 'movie', title, year: 2016, guids };
}

/** A title matcher that knows a few exact titles, and records what it was asked. */
function fakeTitles(known: Record<string, number>, confidence = 0.9): TitleSource & { asked: TitleQuery[] } {
  const asked: TitleQuery[] = [];
  return {
    asked,
    match(query): TitleAnswer {
      asked.push(query);
      const id = known[query.title];
      if (id === undefined) return { status: 'abstain', best: null, candidates: [] };
      const best: Candidate = { anilistId: id, confidence, evidence: [{ kind: 'title', detail: `title "${query.title}"`, weight: confidence }] };
      return { status: 'matched', best, candidates: [best] };
    },
  };
}

const tables = fakeLookup([
  links('plexanibridge-v2', 136, { tvdbId: 79076, seasons: [season('tvdb', 79076, 1)] }),
  links('plexanibridge-v2', 11061, { tvdbId: 252322, tmdbShowIds: [46298], seasons: [season('tvdb', 252322, 1)] }),
  links('plexanibridge-v2', 21519, { tmdbMovieIds: [372058], imdbIds: ['tt5311514'] }),
  links('fribb', 21519, { tmdbMovieIds: [372058], imdbIds: ['tt5311514'] }),
  // A show TVDB splits into two seasons where TMDB keeps one season of 24.
  links('anibridge-v3', 500, { seasons: [season('tvdb', 9000, 1), season('tmdb', 7000, 1, [1, 12])] }),
  links('anibridge-v3', 501, { seasons: [season('tvdb', 9000, 2), season('tmdb', 7000, 1, [13, 24])] }),
  links('plexanibridge-v2', 700, { seasons: [season('tvdb', 9100, 3)] }),
]);

describe('show ids', () => {
  const resolver = createResolver({ lookup: tables });

  it('Hunter × Hunter 1999 and 2011 share a title but not a TVDB id', () => {
    expect(resolver.resolve(show('Hunter x Hunter', ['tvdb://79076'], 1)).anilistIds).toEqual([136]);
    expect(resolver.resolve(show('Hunter x Hunter', ['tvdb://252322', 'tmdb://46298'], 1)).anilistIds).toEqual([11061]);
  });

  it('reads the season in the numbering the item follows: TVDB season 2 is TMDB season 1 episodes 13-24', () => {
    const guids = ['tvdb://9000', 'tmdb://7000'];
    expect(resolver.resolve(show('Split', guids, 2, { seasonOrdering: 'tvdb' })).anilistIds).toEqual([501]);
    expect(resolver.resolve(show('Split', guids, 1, { seasonOrdering: 'tmdb(trakt)' })).anilistIds).toEqual([500, 501]);
    expect(resolver.resolve(show('Split', guids, 1, { seasonOrdering: 'tvdb' })).anilistIds).toEqual([500]);
  });

  it('falls back to the other numbering with less confidence, and says so', () => {
    const direct = resolver.resolve(show('Three', ['tvdb://9100'], 3, { seasonOrdering: 'tvdb' }));
    const fallback = resolver.resolve(show('Three', ['tvdb://9100', 'tmdb://1'], 3, { seasonOrdering: 'tmdb' }));
    expect(fallback.confidence).toBeLessThan(direct.confidence);
    expect(fallback.candidates[0]?.evidence.some((e) => e.kind === 'season')).toBe(true);
  });

  it('never reads a season GUID as a show id', () => {
    const result = resolver.resolve(show('Nothing', ['tmdb://5'], 1, { seasonGuids: ['tvdb://79076'] }));
    expect(result.status).toBe('abstain');
  });
});

describe('movies', () => {
  const resolver = createResolver({ lookup: tables });

  it('by TMDB movie id and by IMDb id, more sure when both agree', () => {
    const both = resolver.resolve(movie('Your Name.', ['imdb://tt5311514', 'tmdb://372058']));
    expect(both.anilistIds).toEqual([21519]);
    expect(resolver.resolve(movie('Your Name.', ['tmdb://372058'])).anilistIds).toEqual([21519]);
    const imdbOnly = resolver.resolve(movie('Your Name.', ['imdb://tt5311514']));
    expect(imdbOnly.anilistIds).toEqual([21519]);
    expect(both.confidence).toBeGreaterThan(imdbOnly.confidence - 0.0001);
  });

  it('a movie no table knows falls back to its title, or abstains without one', () => {
    const query = movie('A Silent Voice', ['tmdb://378064']);
    expect(createResolver({ lookup: tables }).resolve(query)).toMatchObject({ status: 'abstain', anilistIds: [] });
    const titles = fakeTitles({ 'A Silent Voice': 20954 });
    const result = createResolver({ lookup: tables, titles }).resolve(query);
    expect(result).toMatchObject({ status: 'matched', anilistIds: [20954] });
    expect(result.candidates[0]?.evidence[0]?.kind).toBe('title');
    expect(titles.asked[0]).toMatchObject({ title: 'A Silent Voice', type: 'movie', year: 2016 });
  });

  it('a title match below the resolver’s own bar is not enough', () => {
    const titles = fakeTitles({ 'A Silent Voice': 20954 }, 0.5);
    expect(createResolver({ lookup: tables, titles, options: { minTitleConfidence: 0.6 } }).resolve(movie('A Silent Voice', [])).status).toBe('abstain');
    expect(createResolver({ lookup: tables, titles }).resolve(movie('A Silent Voice', [])).status).toBe('matched');
  });
});

describe('tables that disagree', () => {
  const conflicted = fakeLookup([
    links('kometa', 300, { seasons: [season('tvdb', 4000, 1)] }),
    links('fribb', 301, { seasons: [season('tvdb', 4000, 1)] }),
  ]);

  it('abstain with both candidates when nothing settles them', () => {
    const result = createResolver({ lookup: conflicted }).resolve(show('Disputed', ['tvdb://4000'], 1));
    expect(result.status).toBe('abstain');
    expect(result.candidates.map((c) => c.anilistId).sort()).toEqual([300, 301]);
    expect(result.candidates.find((c) => c.anilistId === 300)?.evidence.some((e) => e.kind === 'conflict')).toBe(true);
  });

  it('the title settles them when it names the trusted table’s entry', () => {
    const result = createResolver({ lookup: conflicted, titles: fakeTitles({ Disputed: 300 }) }).resolve(show('Disputed', ['tvdb://4000'], 1));
    expect(result).toMatchObject({ status: 'matched', anilistIds: [300] });
  });

  it('the title does not overrule the tables: naming the other entry still abstains', () => {
    const result = createResolver({ lookup: conflicted, titles: fakeTitles({ Disputed: 301 }) }).resolve(show('Disputed', ['tvdb://4000'], 1));
    expect(result.status).toBe('abstain');
  });
});
