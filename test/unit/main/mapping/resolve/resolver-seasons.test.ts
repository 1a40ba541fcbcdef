import { describe, expect, it } from 'vitest';
import type { MatchQuery } from '../../../../../main/mapping/model';
import { createResolver as createStrictResolver, type ResolverDeps } from '../../../../../main/mapping/resolve/resolver';
import { fakeLookup, links, season } from './fake-lookup';

/** Each fixture gives a title one table's rows: these tests are about what the rows say, not how many repeat them. */
function createResolver(deps: ResolverDeps) {
  return createStrictResolver({ ...deps, options: { ...deps.options, weights: { lonePenalty: 0, ...deps.options?.weights } } });
}

/** Season-level cases where one provider season and AniList entries do not line up one to one. */

function show(title: string, guids: string[], seasonNumber: number, rest: Partial<MatchQuery> = {}): MatchQuery {
  return { type: 'show', title, year: null, season: seasonNumber, guids, seasonOrdering: 'tvdb', ...rest };
}

const AOT = 267440;
const aotFinal = [
  links('plexanibridge-v2', 110277, { tvdbId: AOT, seasons: [season('tvdb', AOT, 4, [1, 16])] }),
  links('plexanibridge-v2', 131681, { tvdbId: AOT, seasons: [season('tvdb', AOT, 4, [17, 28])] }),
  links('plexanibridge-v2', 146984, { tvdbId: AOT, seasons: [season('tvdb', AOT, 4, [29, 30])] }),
  links('plexanibridge-v2', 162314, { tvdbId: AOT, seasons: [season('tvdb', AOT, 4, [31, 32])] }),
  links('fribb', 131681, { tvdbId: AOT, seasons: [season('tvdb', AOT, 4, undefined, { offset: 16 })] }),
];

describe('split cours', () => {
  const resolver = createResolver({ lookup: fakeLookup(aotFinal) });

  it("Attack on Titan's final season: the whole TVDB season is every entry, in episode order", () => {
    const result = resolver.resolve(show('Attack on Titan', ['tvdb://267440'], 4));
    expect(result.status).toBe('matched');
    expect(result.anilistIds).toEqual([110277, 131681, 146984, 162314]);
    expect(result.candidates[1]?.episodes).toEqual([{ start: 17, end: 28 }]);
    expect(result.candidates[0]?.evidence[0]).toMatchObject({ kind: 'id-table' });
  });

  it('an episode of the final season is the one entry whose range holds it', () => {
    expect(resolver.resolve(show('Attack on Titan', ['tvdb://267440'], 4, { episodes: { start: 20, end: 20 } })).anilistIds).toEqual([131681]);
    expect(resolver.resolve(show('Attack on Titan', ['tvdb://267440'], 4, { episodes: { start: 30, end: 31 } })).anilistIds).toEqual([146984, 162314]);
  });

  it('Fate/Zero: two cours in one TVDB season told apart by offset alone', () => {
    const lookup = fakeLookup([
      links('fribb', 10087, { tvdbId: 257098, seasons: [season('tvdb', 257098, 1)] }),
      links('fribb', 11741, { tvdbId: 257098, seasons: [season('tvdb', 257098, 1, undefined, { offset: 13 })] }),
    ]);
    const fz = createResolver({ lookup });
    expect(fz.resolve(show('Fate/Zero', ['tvdb://257098'], 1)).anilistIds).toEqual([10087, 11741]);
    expect(fz.resolve(show('Fate/Zero', ['tvdb://257098'], 1, { episodes: { start: 13, end: 13 } })).anilistIds).toEqual([10087]);
    expect(fz.resolve(show('Fate/Zero', ['tvdb://257098'], 1, { episodes: { start: 14, end: 14 } })).anilistIds).toEqual([11741]);
  });

  it('SPY×FAMILY: cours in TMDB season 1, the sequel in season 2', () => {
    const lookup = fakeLookup([
      links('anibridge-v3', 140960, { seasons: [season('tmdb', 120089, 1, [1, 12])] }),
      links('anibridge-v3', 142838, { seasons: [season('tmdb', 120089, 1, [13, 25])] }),
      links('anibridge-v3', 158927, { seasons: [season('tmdb', 120089, 2, [1, 12])] }),
    ]);
    const spy = createResolver({ lookup });
    const query = (n: number, rest: Partial<MatchQuery> = {}): MatchQuery => show('SPY×FAMILY', ['tmdb://120089'], n, { seasonOrdering: 'tmdb(trakt)', ...rest });
    expect(spy.resolve(query(1)).anilistIds).toEqual([140960, 142838]);
    expect(spy.resolve(query(1, { episodes: { start: 13, end: null } })).anilistIds).toEqual([142838]);
    expect(spy.resolve(query(2)).anilistIds).toEqual([158927]);
  });
});

describe('absolute numbering', () => {
  const ONE_PIECE = 81797;

  it('One Piece "season 1 episode 70" in an absolute-order library lands in the TVDB season that holds it', () => {
    const lookup = fakeLookup([
      links('plexanibridge-v2', 21, { tvdbId: ONE_PIECE, seasons: [season('tvdb', ONE_PIECE, 1, [1, 61]), season('tvdb', ONE_PIECE, 2, [1, 16], { offset: -61 })] }),
      links('plexanibridge-v2', 99999, { tvdbId: ONE_PIECE, seasons: [season('tvdb', ONE_PIECE, 3, [1, 14])] }),
    ]);
    const result = createResolver({ lookup }).resolve(show('One Piece', ['tvdb://81797'], 1, { episodes: { start: 70, end: 70 } }));
    expect(result.anilistIds).toEqual([21]);
    expect(result.candidates[0]?.evidence.some((e) => e.detail.includes('absolute'))).toBe(true);
    // Episode 80 is in season 3 (61 + 16 = 77 before it), which another entry holds.
    expect(createResolver({ lookup }).resolve(show('One Piece', ['tvdb://81797'], 1, { episodes: { start: 80, end: 80 } })).anilistIds).toEqual([99999]);
  });

  it('an Anime-Lists absolute ("a") mapping answers an absolute episode directly', () => {
    const lookup = fakeLookup([
      links('anime-lists', 21, { seasons: [season('tvdb', ONE_PIECE, -1, [1, 1000])] }),
      links('anime-lists', 88888, { seasons: [season('tvdb', ONE_PIECE, -1, [1001, null])] }),
    ]);
    const resolver = createResolver({ lookup });
    expect(resolver.resolve(show('One Piece', ['tvdb://81797'], 1, { episodes: { start: 1000, end: 1000 } })).anilistIds).toEqual([21]);
    expect(resolver.resolve(show('One Piece', ['tvdb://81797'], 1, { episodes: { start: 1050, end: 1050 } })).anilistIds).toEqual([88888]);
  });

  it('abstains when the seasons before are open-ended, so no arithmetic can place the episode', () => {
    const lookup = fakeLookup([links('plexanibridge-v2', 21, { seasons: [season('tvdb', ONE_PIECE, 1), season('tvdb', ONE_PIECE, 2)] })]);
    const result = createResolver({ lookup }).resolve(show('One Piece', ['tvdb://81797'], 1, { episodes: { start: 5000, end: 5000 } }));
    expect(result.status).toBe('matched'); // season 1 with no ranges is the whole season, open-ended
    const strict = fakeLookup([links('plexanibridge-v2', 21, { seasons: [season('tvdb', ONE_PIECE, 1, [1, 61]), season('tvdb', ONE_PIECE, 3, [1, 14])] })]);
    expect(createResolver({ lookup: strict }).resolve(show('One Piece', ['tvdb://81797'], 1, { episodes: { start: 70, end: 70 } })).status).toBe('abstain');
  });
});

describe('specials', () => {
  it('season 0 episodes map to the specials each table names', () => {
    const lookup = fakeLookup([
      links('plexanibridge-v2', 1, { tvdbId: 76885, seasons: [season('tvdb', 76885, 1)] }),
      links('plexanibridge-v2', 5, { tvdbId: 76885, seasons: [season('tvdb', 76885, 0, [1, 1])] }),
      links('plexanibridge-v2', 4037, { tvdbId: 76885, seasons: [season('tvdb', 76885, 0, [2, 2])] }),
    ]);
    const resolver = createResolver({ lookup });
    expect(resolver.resolve(show('Cowboy Bebop', ['tvdb://76885'], 0, { episodes: { start: 1, end: 1 } })).anilistIds).toEqual([5]);
    expect(resolver.resolve(show('Cowboy Bebop', ['tvdb://76885'], 0, { episodes: { start: 2, end: 2 } })).anilistIds).toEqual([4037]);
    expect(resolver.resolve(show('Cowboy Bebop', ['tvdb://76885'], 0, { episodes: { start: 3, end: 3 } })).status).toBe('abstain');
    expect(resolver.resolve(show('Cowboy Bebop', ['tvdb://76885'], 1)).anilistIds).toEqual([1]);
    // The whole specials season is not one entry: the item goes to review with both.
    const whole = resolver.resolve(show('Cowboy Bebop', ['tvdb://76885'], 0));
    expect(whole.status).toBe('abstain');
    expect(whole.candidates.map((c) => c.anilistId)).toEqual([5, 4037]);
  });
});
