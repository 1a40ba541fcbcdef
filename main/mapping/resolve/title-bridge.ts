import type { MappingLookup, MatchQuery } from '../model';
import type { ItemIds } from './guids';
import type { IdAnswer } from './id-answer';
import type { RouteWeights } from './id-routes';
import { showAnswer } from './id-routes';
import type { TitleSource } from './title-source';

/**
 * A show with no GUIDs: later seasons rarely carry their season in the title the way AniList names them
 * ("Season 2" vs "2nd Season" vs a new subtitle), but the first season's title is usually the show's. The
 * title finds the show's first entry, the tables give that entry's TVDB/TMDB show, and the season is then
 * looked up like a GUID item's. Only when the title's leading candidates all sit in the same show.
 */

export interface BridgeSettings {
  /** Title candidates at or above this confidence are taken to name the show. */
  minShowConfidence: number;
  /** How many leading title candidates must agree on the show. */
  candidates: number;
  /** Subtracted from the tables' confidence: the show came from a title, not an id. */
  penalty: number;
}

/** The shows (TVDB/TMDB ids) the tables file an AniList entry under, any season. */
function showsOf(lookup: MappingLookup, anilistId: number): ItemIds {
  const ids: ItemIds = { tvdb: null, tmdb: null, imdb: null, anidb: null, plex: null };
  for (const links of lookup.linksOf(anilistId)) {
    for (const mapping of links.seasons) {
      if (mapping.season < 0) continue;
      if (ids[mapping.provider] === null) ids[mapping.provider] = mapping.showId;
    }
  }
  return ids;
}

/** Whether some table files the entry as the first season of a show. */
function opensAShow(lookup: MappingLookup, anilistId: number): boolean {
  return lookup.linksOf(anilistId).some((links) => links.seasons.some((mapping) => mapping.season === 1));
}

function hasShow(ids: ItemIds): boolean {
  return ids.tvdb !== null || ids.tmdb !== null;
}

function sameShow(a: ItemIds, b: ItemIds): boolean {
  return (a.tvdb !== null && a.tvdb === b.tvdb) || (a.tmdb !== null && a.tmdb === b.tmdb);
}

/**
 * The show the title names. An entry no table files as a first season ("ViVid Strike!", season 5 of a
 * Nanoha show) names a show only when the title names other seasons of that show too ("Golden Kamuy",
 * "Food Wars!" are every season's name); otherwise the item is a show of the entry's own, and the tables'
 * numbering of the bigger show says nothing about its seasons.
 */
function namedShow(lookup: MappingLookup, first: number, show: ItemIds, others: readonly number[]): ItemIds | null {
  if (opensAShow(lookup, first)) return show;
  return others.some((other) => sameShow(show, showsOf(lookup, other))) ? show : null;
}

/** The tables' season for the title's show; `ambiguous` when the title's leading candidates sit in different shows. */
export type Bridged = { answer: IdAnswer; via: number } | 'ambiguous' | null;

export function bridgeByShow(lookup: MappingLookup, titles: TitleSource, query: MatchQuery, weights: RouteWeights, settings: BridgeSettings): Bridged {
  if (query.type !== 'show' || query.title.trim() === '') return null;
  const base = titles.match({ title: query.title, year: query.year ?? null, type: 'show', season: 1 }, settings.candidates + 2);
  const strong = base.candidates.filter((candidate) => candidate.confidence >= settings.minShowConfidence).slice(0, settings.candidates);
  const first = strong[0];
  if (!first) return null;
  const others = strong.slice(1).map((candidate) => candidate.anilistId);
  const filed = showsOf(lookup, first.anilistId);
  if (!hasShow(filed)) return null;
  for (const other of others) {
    // A rival filed only as a later season names no show of its own by this title.
    if (!opensAShow(lookup, other)) continue;
    const theirs = showsOf(lookup, other);
    if (hasShow(theirs) && !sameShow(filed, theirs)) return 'ambiguous';
  }
  const show = namedShow(lookup, first.anilistId, filed, others);
  if (!show) return null;
  const answer = showAnswer(lookup, { ...query, guids: [] }, show, weights);
  if (!answer) return null;
  answer.confidence = Math.max(0, answer.confidence - settings.penalty);
  const via = `the title names AniList ${first.anilistId}, which the tables file under ${show.tvdb ? `TVDB ${show.tvdb}` : `TMDB ${show.tmdb ?? ''}`}`;
  for (const candidate of answer.candidates) {
    candidate.confidence = Math.min(candidate.confidence, answer.confidence);
    candidate.evidence.unshift({ kind: 'title', detail: via, weight: -settings.penalty });
  }
  return { answer, via: first.anilistId };
}
