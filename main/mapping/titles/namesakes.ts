/**
 * What an entry's namesakes, or their absence, say about it. The benchmark's pool has no years, and AniDB
 * tells same-named entries apart by dating the later ones' titles ("Moomin (1990)"): when the query's year
 * is the one a namesake's title carries, the undated entry of that title is the other one, usually the
 * original from another year. Weighed only where the query's year dates the entry itself (films and first
 * seasons): a later season airs after the year Plex gives its show. And a film title that names one entry,
 * in a franchise of one, needs no format to agree (evidence.ts, loneFilm).
 */
import type { CandidateIndex, KeyHit } from './candidate-index';
import { confidenceOf, WEIGHTS, type Wanted } from './evidence';
import { FILM_WORDS } from './normalize';
import type { SeasonWords } from './season-words';
import type { Ranked } from './title-matcher';

function yearAgrees(entry: Ranked): boolean {
  return entry.candidate.evidence.some((item) => item.kind === 'year' && item.weight > 0);
}

/** Lowers, in place, the undated entries that share a title with an entry dated to the query's year. */
export function weighUndatedNamesakes(ranked: readonly Ranked[], wanted: Wanted): void {
  if (wanted.year === null || (wanted.type !== 'movie' && (wanted.season ?? 1) > 1)) return;
  const datedKeys = new Set(ranked.filter(yearAgrees).map((entry) => entry.key));
  if (datedKeys.size === 0) return;
  for (const entry of ranked) {
    if (entry.dated || !datedKeys.has(entry.key)) continue;
    const weight = WEIGHTS.undatedNamesake;
    entry.candidate.evidence.push({ kind: 'year', detail: `Another entry of this title is dated ${wanted.year}, this one is not`, weight });
    entry.score += weight;
    entry.candidate.confidence = confidenceOf(entry.candidate.evidence);
  }
}

/** The query's exact (or loose) title names one entry, and no other entry's title starts like it. */
export function loneTitle(index: CandidateIndex, words: SeasonWords, hits: readonly KeyHit[]): boolean {
  const titled = new Set(hits.filter((hit) => hit.via === 'exact' || hit.via === 'loose').flatMap((hit) => hit.postings.map((posting) => posting.record)));
  return titled.size === 1 && aloneInFranchise(index, words, titled);
}

/**
 * Whether no other entry's title starts like the query's ("Busou Shinki Moon Angel" shares "Busou Shinki"
 * with a TV series and an OVA): within a franchise, a film may be a compilation or cut of the web series or
 * OVA it is named after, so their format still counts; a work of its own has nothing to be confused with.
 */
function aloneInFranchise(index: CandidateIndex, words: SeasonWords, titled: ReadonlySet<number>): boolean {
  const informative = words.words.filter((word) => !FILM_WORDS.has(word));
  const lead = informative.length > 2 ? informative.slice(0, 2) : informative;
  if (lead.length === 0) return false;
  return [...index.startingWith(lead)].every((record) => titled.has(record));
}
