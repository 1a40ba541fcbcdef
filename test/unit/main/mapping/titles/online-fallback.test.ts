import { describe, expect, it, vi } from 'vitest';
import type { AnilistClient } from '../../../../../main/providers/anilist/client';
import type { TitleSummary } from '../../../../../main/providers/model/list-entry';
import { matchWithFallback, mergeCandidates, searchOnlineWith, type AnimeSearch, type SearchOnline } from '../../../../../main/mapping/titles/online-fallback';
import { createTitleMatcher } from '../../../../../main/mapping/titles/title-matcher';
import type { TitleRecord } from '../../../../../main/mapping/titles/title-pool';

const local = createTitleMatcher([
  { anilistId: 1, titles: ['Cowboy Bebop'], format: 'TV' },
  { anilistId: 2, titles: ['Kanon'], format: 'TV' },
  { anilistId: 3, titles: ['Kanon'], format: 'TV' },
]);
const online: TitleRecord[] = [
  { anilistId: 3, titles: ['Kanon (2006)', 'Kanon'], format: 'TV', year: 2006, episodes: 24 },
  { anilistId: 50, titles: ['Frieren: Beyond Journey`s End', 'Sousou no Frieren'], format: 'TV', year: 2023, episodes: 28 },
];
const search: SearchOnline = async (title) => online.filter((record) => record.titles.some((name) => name.toLowerCase().includes(title.toLowerCase().slice(0, 5))));

describe('online fallback', () => {
  it('never searches when the local pool answers', async () => {
    const spy = vi.fn(search);
    const result = await matchWithFallback(local, { title: 'Cowboy Bebop', type: 'show', season: 1 }, { searchOnline: spy, allowOnline: true });
    expect(result.anilistIds).toEqual([1]);
    expect(spy).not.toHaveBeenCalled();
  });

  it('never searches when the caller does not allow it', async () => {
    const spy = vi.fn(search);
    const result = await matchWithFallback(local, { title: 'Frieren', type: 'show', season: 1 }, { searchOnline: spy, allowOnline: false });
    expect(result.status).toBe('abstain');
    expect(spy).not.toHaveBeenCalled();
  });

  it('matches an item the pool lacks through the search, and says so in the evidence', async () => {
    const result = await matchWithFallback(local, { title: 'Sousou no Frieren', type: 'show', season: 1, year: 2023 }, { searchOnline: search, allowOnline: true });
    expect(result.status).toBe('matched');
    expect(result.anilistIds).toEqual([50]);
    expect(result.best?.evidence.some((item) => item.kind === 'online-search')).toBe(true);
  });

  it('breaks a local tie with what the search knows (year) and merges the candidate lists', async () => {
    const result = await matchWithFallback(local, { title: 'Kanon', type: 'show', season: 1, year: 2006 }, { searchOnline: search, allowOnline: true });
    expect(result.anilistIds).toEqual([3]);
    expect(result.candidates.map((candidate) => candidate.anilistId).sort((a, b) => a - b)).toEqual([2, 3]);
  });

  it('keeps the local abstention when the search fails', async () => {
    const failing: SearchOnline = () => Promise.reject(new Error('network down'));
    const result = await matchWithFallback(local, { title: 'Kanon', type: 'show', season: 1 }, { searchOnline: failing, allowOnline: true });
    expect(result.status).toBe('abstain');
    expect(result.candidates).toHaveLength(2);
  });

  it('merges candidates keeping the more confident reading per id', () => {
    const merged = mergeCandidates(
      [{ anilistId: 1, confidence: 0.5, evidence: [] }, { anilistId: 2, confidence: 0.9, evidence: [] }],
      [{ anilistId: 1, confidence: 0.8, evidence: [] }],
      10,
    );
    expect(merged.map((candidate) => [candidate.anilistId, candidate.confidence])).toEqual([[2, 0.9], [1, 0.8]]);
    expect(merged[1]?.evidence.map((item) => item.kind)).toEqual(['online-search']);
  });
});

describe('searchOnlineWith (AniList searchMedia adapter)', () => {
  const summary = (id: number | undefined, extra: Partial<TitleSummary> = {}): TitleSummary => ({
    ids: id === undefined ? { mal: 9 } : { anilist: id },
    kind: 'anime',
    title: 'Sousou no Frieren',
    english: 'Frieren: Beyond Journey’s End',
    native: '葬送のフリーレン',
    synonyms: ['Frieren'],
    format: 'tv',
    episodes: 28,
    chapters: null,
    volumes: null,
    startDate: '2023-09-29',
    adult: false,
    cover: null,
    ...extra,
  });

  it('asks for one page of anime and maps titles, format, year and episodes', async () => {
    const searchMedia = vi.fn(async () => ({ titles: [summary(154587), summary(undefined)], hasNextPage: false }));
    const client: AnimeSearch = { searchMedia };
    const records = await searchOnlineWith(client, 5)('Frieren');
    expect(searchMedia).toHaveBeenCalledWith('Frieren', 'ANIME', 1, { perPage: 5 });
    expect(records).toEqual([
      { anilistId: 154587, titles: ['Sousou no Frieren', 'Frieren: Beyond Journey’s End', '葬送のフリーレン', 'Frieren'], format: 'TV', year: 2023, episodes: 28 },
    ]);
  });

  it('accepts the real AniList client type', () => {
    const accepts = (client: AnilistClient): SearchOnline => searchOnlineWith(client);
    expect(typeof accepts).toBe('function');
  });
});
