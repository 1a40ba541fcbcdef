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

/**
 * Remembers recent answers: a library asks about many seasons of one show, and the resolver asks the same
 * first-season question for each of them. Answers are shared, so callers must not change them.
 */
export function rememberingTitles(source: TitleSource, size = 2000): TitleSource {
  const answers = new Map<string, TitleAnswer>();
  return {
    match(query, limit) {
      const key = `${query.type}\u0000${query.title}\u0000${query.year ?? ''}\u0000${query.season ?? ''}\u0000${limit ?? ''}`;
      const known = answers.get(key);
      if (known) return known;
      const answer = source.match(query, limit);
      if (answers.size >= size) answers.clear();
      answers.set(key, answer);
      return answer;
    },
  };
}
