/**
 * Evidence one candidate gives about another of the same title. The benchmark's pool has no years, and
 * AniDB tells same-named entries apart by dating the later ones' titles ("Moomin (1990)"): when the
 * query's year is the one a namesake's title carries, the undated entry of that title is the other one,
 * usually the original from another year. Weighed only where the query's year dates the entry itself
 * (films and first seasons): a later season airs after the year Plex gives its show.
 */
import { confidenceOf, WEIGHTS, type Wanted } from './evidence';
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
