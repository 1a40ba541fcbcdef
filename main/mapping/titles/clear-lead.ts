/**
 * When a near title may answer below the threshold: a Plex film's English title is often only loosely like
 * the pool's ("Dirty Pair: From Lovely Angels with Love" / "Dirty Pair: With Love from the Lovely Angels"),
 * while unrelated titles score far lower. Such a title answers when nothing speaks against it, no rival
 * comes close, and it shares what sets the query apart: a franchise's name alone ("Attack on Titan: Wings
 * of Freedom" / "Attack on Titan: Chronicle") or one common word ("Milky Highway" / "Penguin Highway") is
 * not enough.
 */
import { nearWords } from './candidate-index';
import { FILM_MARKERS, FILM_WORDS } from './normalize';
import type { SeasonWords } from './season-words';

/** A near title at least this close, leading every rival by this much, may answer. */
export const CLEAR_LEAD_SCORE = 0.5;
export const CLEAR_LEAD_MARGIN = 0.25;

/** Words that tell titles apart: not film words, not numbers ("Movie 2", "Third 1"). */
function informative(words: readonly string[]): string[] {
  return words.filter((word) => !FILM_WORDS.has(word) && !/^\d+$/.test(word));
}

/**
 * "Senkou no Hathaway 2" is the next film after "Hathaway": a number the query lacks names another
 * instalment, unless it only counts the franchise's films ("Crayon Shin-chan Movie 20").
 */
function numbersAgree(mine: readonly string[], theirs: readonly string[]): boolean {
  return theirs.every((word, i) => !/^\d+$/.test(word) || mine.includes(word) || FILM_MARKERS.has(theirs[i - 1] ?? ''));
}

function shares(word: string, theirs: readonly string[]): boolean {
  return theirs.some((other) => other === word || nearWords(word, other));
}

/**
 * Whether a candidate title carries the query's distinguishing words: one of its last segment's when the
 * query has several ("Die Neue These - Intrigue 3"), else at least two of its words.
 */
export function sharesWhatSetsApart(query: SeasonWords, candidate: SeasonWords): boolean {
  return setsApartFrom(query)(candidate);
}

/** The same test with the query's side read once, for checking many titles. */
export function setsApartFrom(query: SeasonWords): (candidate: SeasonWords) => boolean {
  const subtitle = query.lastSegment > 0 ? informative(query.words.slice(query.lastSegment)) : [];
  const all = informative(query.words);
  return (candidate) => {
    const theirs = candidate.words;
    if (!numbersAgree(query.words, theirs)) return false;
    if (subtitle.length > 0) return subtitle.some((word) => shares(word, theirs));
    return all.filter((word) => shares(word, theirs)).length >= 2;
  };
}
