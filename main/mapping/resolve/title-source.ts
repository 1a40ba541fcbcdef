import type { Candidate, MatchQuery } from '../model';

/**
 * The part of the title matcher (main/mapping/titles/) the resolver uses, stated here so the resolver can be
 * built and tested without it: anything with this `match` fits, the real matcher included.
 */
export interface TitleQuery {
  title: string;
  year?: number | null;
  type: MatchQuery['type'];
  season?: number | null;
}

export interface TitleAnswer {
  status: string;
  best: Candidate | null;
  /** The matched entries best first (the best, then other cours of its season); absent: just the best. */
  anilistIds?: number[];
  candidates: Candidate[];
}

export interface TitleSource {
  match(query: TitleQuery, limit?: number): TitleAnswer;
}

export function titleQueryOf(query: MatchQuery): TitleQuery {
  // The query's episodes are positions in its season, not the entry's episode count the matcher weighs.
  return { title: query.title, year: query.year ?? null, type: query.type, season: query.season ?? null };
}
