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

interface ShowOption {
  via: number;
  show: ItemIds;
  answer?: IdAnswer;
}

/**
 * Namesakes in different shows ("Berserk" 1997 and 2016): a later season can only be in a show the tables
 * map at that season, so when exactly one of the shows has it, the title names that show. A first season
 * every namesake has, so it stays ambiguous.
 */
function onlyShowWithSeason(lookup: MappingLookup, query: MatchQuery, weights: RouteWeights, options: readonly ShowOption[]): ShowOption | 'ambiguous' {
  if ((query.season ?? 1) <= 1) return 'ambiguous';
  const having: ShowOption[] = [];
  for (const option of options) {
    if (having.some((known) => sameShow(known.show, option.show))) continue;
    const answer = showAnswer(lookup, { ...query, guids: [] }, option.show, weights);
    if (answer) having.push({ ...option, answer });
  }
  const [only, second] = having;
  return only && !second ? only : 'ambiguous';
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
  // A rival filed only as a later season names no show of its own by this title.
  const rivals = others
    .filter((other) => opensAShow(lookup, other))
    .map((other) => ({ via: other, show: showsOf(lookup, other) }))
    .filter((rival) => hasShow(rival.show) && !sameShow(filed, rival.show));
  const show = namedShow(lookup, first.anilistId, filed, others);
  const options: ShowOption[] = [...(show ? [{ via: first.anilistId, show }] : []), ...rivals];
  const chosen = rivals.length === 0 ? options[0] : onlyShowWithSeason(lookup, query, weights, options);
  if (chosen === 'ambiguous') return 'ambiguous';
  if (!chosen) return null;
  const answer = chosen.answer ?? showAnswer(lookup, { ...query, guids: [] }, chosen.show, weights);
  if (!answer) return null;
  answer.confidence = Math.max(0, answer.confidence - settings.penalty);
  const { tvdb, tmdb } = chosen.show;
  const via = `the title names AniList ${chosen.via}, which the tables file under ${tvdb ? `TVDB ${tvdb}` : `TMDB ${tmdb ?? ''}`}`;
  for (const candidate of answer.candidates) {
    candidate.confidence = Math.min(candidate.confidence, answer.confidence);
    candidate.evidence.unshift({ kind: 'title', detail: via, weight: -settings.penalty });
  }
  return { answer, via: chosen.via };
}
