import { describe, expect, it } from 'vitest';
import type { Candidate, MatchQuery } from '../../../../../main/mapping/model';
import { DEFAULT_RESOLVER_OPTIONS } from '../../../../../main/mapping/resolve/resolver';
import { bridgeByShow } from '../../../../../main/mapping/resolve/title-bridge';
import type { TitleSource } from '../../../../../main/mapping/resolve/title-source';
import { fakeLookup, links, season } from '../resolve/fake-lookup';

/** The title source answers every question with these candidates, best first. */
function titlesNaming(...ranked: [number, number][]): TitleSource {
  const candidates: Candidate[] = ranked.map(([anilistId, confidence]) => ({ anilistId, confidence, evidence: [] }));
  return { match: () => ({ status: 'abstain', best: null, candidates }) };
}

function show(title: string, number: number): MatchQuery {
  return { type: 'show', title, year: null, season: number, guids: [], seasonGuids: [], seasonOrdering: null };
}

const { weights, bridge } = DEFAULT_RESOLVER_OPTIONS;

describe('bridgeByShow', () => {
  // ViVid Strike! is season 5 of a Nanoha show in TVDB: a Plex show titled "ViVid Strike!" is its own show.
  const nanoha = fakeLookup([
    links('plexanibridge-v2', 76, { seasons: [season('tvdb', 81115, 1)] }),
    links('plexanibridge-v2', 21871, { seasons: [season('tvdb', 81115, 5)] }),
  ]);

  it("does not answer with a bigger show's season 1 when the title names an entry that show files as a later season", () => {
    expect(bridgeByShow(nanoha, titlesNaming([21871, 0.9]), show('ViVid Strike!', 1), weights, bridge)).toBeNull();
  });

  it("still bridges through an entry that opens the show", () => {
    const bridged = bridgeByShow(nanoha, titlesNaming([76, 0.9]), show('Magical Girl Lyrical Nanoha', 5), weights, bridge);
    expect(bridged !== null && bridged !== 'ambiguous' ? bridged.answer.ids : null).toEqual([21871]);
  });

  // "Golden Kamuy" is every season's title: the title may name season 2 first, and season 1 is among its names.
  const kamuy = fakeLookup([
    links('plexanibridge-v2', 99699, { seasons: [season('tvdb', 338455, 1)] }),
    links('plexanibridge-v2', 102977, { seasons: [season('tvdb', 338455, 2)] }),
    links('plexanibridge-v2', 110355, { seasons: [season('tvdb', 338455, 3)] }),
  ]);

  it('bridges through a later season when the title also names other seasons of the same show', () => {
    const bridged = bridgeByShow(kamuy, titlesNaming([102977, 0.95], [110355, 0.9]), show('Golden Kamuy', 1), weights, bridge);
    expect(bridged !== null && bridged !== 'ambiguous' ? bridged.answer.ids : null).toEqual([99699]);
  });

  it('is not made ambiguous by a rival that only continues another show', () => {
    const lookup = fakeLookup([
      links('plexanibridge-v2', 666, { seasons: [season('tvdb', 83950, 1)] }),
      links('plexanibridge-v2', 20474, { seasons: [season('tvdb', 262954, 2)] }),
    ]);
    const bridged = bridgeByShow(lookup, titlesNaming([666, 0.8], [20474, 0.65]), show("JoJo's Bizarre Adventure", 1), weights, bridge);
    expect(bridged !== null && bridged !== 'ambiguous' ? bridged.answer.ids : bridged).toEqual([666]);
  });

  it('is ambiguous when two candidates each open a different show', () => {
    const lookup = fakeLookup([
      links('plexanibridge-v2', 1, { seasons: [season('tvdb', 10, 1)] }),
      links('plexanibridge-v2', 2, { seasons: [season('tvdb', 20, 1)] }),
    ]);
    expect(bridgeByShow(lookup, titlesNaming([1, 0.9], [2, 0.85]), show('Namesake', 2), weights, bridge)).toBe('ambiguous');
  });
});

describe('bridgeByShow with a title that names a lone later season', () => {
  it('is ambiguous when a rival opens another show, rather than leaving the title to answer alone', () => {
    const lookup = fakeLookup([
      links('plexanibridge-v2', 97765, { seasons: [season('tvdb', 326337, 1)] }),
      links('plexanibridge-v2', 99742, { seasons: [season('tvdb', 326337, 2)] }),
      links('plexanibridge-v2', 20693, { seasons: [season('tvdb', 289763, 1)] }),
    ]);
    const bridged = bridgeByShow(lookup, titlesNaming([99742, 0.86], [20693, 0.86]), show('Cinderella Girls Theater', 2), weights, bridge);
    expect(bridged).toBe('ambiguous');
  });
});

describe('bridgeByShow between namesakes in different shows', () => {
  // "Berserk" names the 1997 series (one season in the tables) and the 2016 one (two seasons).
  const berserk = fakeLookup([
    links('plexanibridge-v2', 33, { seasons: [season('tvdb', 73752, 1)] }),
    links('plexanibridge-v2', 21560, { seasons: [season('tvdb', 313000, 1)] }),
    links('plexanibridge-v2', 97643, { seasons: [season('tvdb', 313000, 2)] }),
  ]);
  const titles = titlesNaming([21560, 0.95], [33, 0.8]);

  it('takes the only show the tables map at the asked later season', () => {
    const bridged = bridgeByShow(berserk, titles, show('Berserk', 2), weights, bridge);
    expect(bridged !== null && bridged !== 'ambiguous' ? bridged.answer.ids : bridged).toEqual([97643]);
  });

  it('stays ambiguous for a first season, which every namesake has', () => {
    expect(bridgeByShow(berserk, titles, show('Berserk', 1), weights, bridge)).toBe('ambiguous');
  });

  it('stays ambiguous when both shows have the season', () => {
    const both = fakeLookup([
      links('plexanibridge-v2', 33, { seasons: [season('tvdb', 73752, 1)] }),
      links('plexanibridge-v2', 34, { seasons: [season('tvdb', 73752, 2)] }),
      links('plexanibridge-v2', 21560, { seasons: [season('tvdb', 313000, 1)] }),
      links('plexanibridge-v2', 97643, { seasons: [season('tvdb', 313000, 2)] }),
    ]);
    expect(bridgeByShow(both, titles, show('Berserk', 2), weights, bridge)).toBe('ambiguous');
  });
});
