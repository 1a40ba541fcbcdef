/**
 * The online second chance (issue 5): when the local pool abstains and the caller allows network use, ask
 * AniList's search for the title and match again over what it returns, which carries years, formats and
 * episode counts the local pool may lack. The search is injected (the AniList client's searchMedia, mapped
 * to TitleRecords by the caller), so this file never touches the network and tests use a fake.
 */
import type { Candidate, Evidence } from '../model';
import type { TitleQuery } from './evidence';
import { createTitleMatcher, type TitleMatch, type TitleMatcher, type TitleMatcherOptions } from './title-matcher';
import type { TitleSummary } from '../../providers/model/list-entry';
import { recordFromSummary, type TitleRecord } from './title-pool';

export type SearchOnline = (title: string, signal?: AbortSignal) => Promise<TitleRecord[]>;

export interface OnlineFallbackOptions {
  /** Absent: no online fallback. */
  searchOnline?: SearchOnline;
  /** The person's setting: network look-ups allowed for matching. */
  allowOnline: boolean;
  /** Decision settings for the online results (defaults: the local matcher's). */
  matcher?: TitleMatcherOptions;
  signal?: AbortSignal;
}

/** The slice of the AniList client (main/providers/anilist/client.ts) the fallback needs. */
export interface AnimeSearch {
  searchMedia(query: string, type: 'ANIME', page: number, options: { perPage: number; signal?: AbortSignal }): Promise<{ titles: TitleSummary[] }>;
}

/** Adapts the AniList client's searchMedia to the fallback: the first page of anime, as pool records. */
export function searchOnlineWith(client: AnimeSearch, perPage = 10): SearchOnline {
  return async (title, signal) => {
    const page = await client.searchMedia(title, 'ANIME', 1, signal ? { perPage, signal } : { perPage });
    return page.titles.map(recordFromSummary).filter((record): record is TitleRecord => record !== null);
  };
}

/** Marks a candidate as found through AniList's search, for the review queue. */
const FOUND_ONLINE: Evidence = { kind: 'online-search', detail: 'AniList search returned this entry', weight: 0 };

/** One list, one entry per AniList id, the more confident reading kept, best first. */
export function mergeCandidates(local: readonly Candidate[], online: readonly Candidate[], limit: number): Candidate[] {
  const byId = new Map<number, Candidate>();
  for (const candidate of local) byId.set(candidate.anilistId, candidate);
  for (const candidate of online) {
    const marked = { ...candidate, evidence: [...candidate.evidence, FOUND_ONLINE] };
    const known = byId.get(candidate.anilistId);
    if (!known || known.confidence < marked.confidence) byId.set(candidate.anilistId, marked);
  }
  return [...byId.values()].sort((a, b) => b.confidence - a.confidence || a.anilistId - b.anilistId).slice(0, limit);
}

/**
 * Matches locally; when that abstains and the fallback is allowed, matches again over AniList's search
 * results. A failed search leaves the local abstention as it was: the item still goes to review.
 */
export async function matchWithFallback(matcher: TitleMatcher, query: TitleQuery, options: OnlineFallbackOptions, limit = 10): Promise<TitleMatch> {
  const local = matcher.match(query, limit);
  if (local.status === 'matched' || !options.allowOnline || !options.searchOnline) return local;
  let records: TitleRecord[];
  try {
    records = await options.searchOnline(query.title, options.signal);
  } catch {
    return local;
  }
  if (records.length === 0) return local;
  const online = createTitleMatcher(records, options.matcher).match(query, limit);
  const candidates = mergeCandidates(local.candidates, online.candidates, limit);
  if (online.status !== 'matched' || !online.best) return { ...local, candidates };
  const best = candidates.find((candidate) => candidate.anilistId === online.best?.anilistId) ?? online.best;
  return { status: 'matched', best, anilistIds: online.anilistIds, candidates };
}
