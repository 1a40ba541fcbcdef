import type { MatchQuery } from '../model';
import type { IdAnswer } from './id-answer';
import type { TitleAnswer } from './title-source';

/**
 * Evidence from outside the ID tables that confirms or doubts what they said: the entry's format (a movie
 * item should not land on a TV series) and the title matcher's independent pick. Both only move the
 * confidence of an ID answer; neither can put an entry into the answer that no table named.
 */

/** AniList formats a movie item can be: a TV series is never one (an IMDb id shared with the series is). */
const SERIES_FORMATS = new Set(['TV', 'TV_SHORT']);

function adjust(answer: IdAnswer, delta: number): void {
  answer.confidence = Math.max(0, Math.min(0.99, answer.confidence + delta));
  for (const candidate of answer.candidates) {
    if (answer.ids.includes(candidate.anilistId)) candidate.confidence = answer.confidence;
  }
}

/**
 * For a movie, entries whose format is a TV series are dropped from the answer while a non-series entry
 * remains; when only series remain, the answer is doubted by `penalty`. Unknown formats say nothing.
 */
export function checkFormat(answer: IdAnswer, query: MatchQuery, formatOf: (anilistId: number) => string | null | undefined, penalty: number): void {
  if (query.type !== 'movie') return;
  const series = answer.ids.filter((id) => SERIES_FORMATS.has(formatOf(id) ?? ''));
  if (series.length === 0) return;
  const rest = answer.ids.filter((id) => !series.includes(id));
  for (const candidate of answer.candidates) {
    if (series.includes(candidate.anilistId)) {
      candidate.evidence.push({ kind: 'type', detail: `AniList ${candidate.anilistId} is a ${formatOf(candidate.anilistId) ?? ''} series, the item a movie`, weight: -penalty });
    }
  }
  if (rest.length > 0) {
    answer.ids = rest;
    return;
  }
  adjust(answer, -penalty);
}

/**
 * Later seasons often share the first season's title ("Baki", season 2), so a title pick that differs from
 * the tables there says more about the title than about the tables; only first seasons and movies are doubted.
 */
export function doubtsTables(query: MatchQuery): boolean {
  return query.type === 'movie' || (query.season ?? 1) <= 1;
}

/**
 * The title matcher naming the answer's lead raises it; the title matcher confidently naming an entry the
 * tables did not is a reason to doubt them (they do carry mistaken rows), lowering it.
 */
export function checkTitle(answer: IdAnswer, query: MatchQuery, title: TitleAnswer | null, bonus: number, penalty: number): void {
  const best = title?.best;
  if (!title || !best) return;
  const lead = answer.candidates.find((candidate) => candidate.anilistId === answer.ids[0]);
  if (best.anilistId === answer.ids[0]) {
    adjust(answer, bonus);
    lead?.evidence.push({ kind: 'title', detail: `the title match agrees on AniList ${best.anilistId}`, weight: bonus });
  } else if (title.status === 'matched' && !answer.ids.includes(best.anilistId) && doubtsTables(query)) {
    adjust(answer, -penalty);
    lead?.evidence.push({ kind: 'conflict', detail: `the title matches AniList ${best.anilistId} instead`, weight: -penalty });
  }
}

