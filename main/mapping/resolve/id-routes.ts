import { ABSOLUTE_SEASON } from '../data/ranges';
import type { EpisodeRange, MappingLookup, MatchQuery } from '../model';
import { fromAbsolute } from './absolute';
import type { ItemIds } from './guids';
import { seasonOrderingProvider } from './guids';
import type { IdAnswer, IdWeights, Route } from './id-answer';
import { answerFrom } from './id-answer';
import type { Ballot } from './season-votes';
import { linkBallot, seasonBallot } from './season-votes';

/**
 * The routes from an item's ids to AniList through the tables, each with how much it is trusted. A show is
 * looked up by its season in the numbering the item follows (TVDB and TMDB number seasons differently, so a
 * hit in the other numbering is weaker evidence); a movie by its TMDB movie id and its IMDb id.
 */

export interface RouteWeights extends IdWeights {
  /** The season was found only in the numbering the item does not follow. */
  otherOrderingPenalty: number;
  /** The item does not say which numbering it follows. */
  unknownOrderingPenalty: number;
  /** The episodes were found only by reading them as absolute numbers. */
  absolutePenalty: number;
  /** The other provider's season names a different first entry. */
  crossProviderPenalty: number;
  crossProviderBonus: number;
  /** Nothing but the leading table's one row says so. */
  lonePenalty: number;
  /** The whole specials season was asked about, and it holds several entries. */
  specialsPenalty: number;
}

type Provider = 'tvdb' | 'tmdb';
const LABEL: Record<Provider, string> = { tvdb: 'TVDB', tmdb: 'TMDB' };

/** One lookup's ballot, named for the evidence, with how it was reached. */
interface Looked {
  provider: Provider;
  ballot: Ballot;
  what: string;
  route: Route;
}

function looked(provider: Provider, ballot: Ballot, what: string, route: Route): Looked | null {
  return ballot.answers.length > 0 ? { provider, ballot, what, route } : null;
}

function providerSeason(lookup: MappingLookup, provider: Provider, showId: string, season: number, wanted: EpisodeRange | null, weights: RouteWeights, route: Route): Looked | null {
  const what = `${LABEL[provider]} ${showId} season ${season}`;
  const direct = looked(provider, seasonBallot(lookup.bySeason(provider, showId, season), wanted), what, route);
  if (direct || wanted === null) return direct;
  // No entry of this season covers the episodes: they may be absolute numbers (One Piece "s1e1000"), which
  // Anime-Lists ("a") and Kometa (-1) map directly, and which the other seasons' lengths can place.
  const weaker = (why: string): Route => ({ penalty: route.penalty + weights.absolutePenalty, penaltyReason: route.penaltyReason ? `${route.penaltyReason}; ${why}` : why });
  if (season === 1) {
    const absolute = looked(provider, seasonBallot(lookup.bySeason(provider, showId, ABSOLUTE_SEASON), wanted), `${LABEL[provider]} ${showId} absolute`, weaker(`episode ${wanted.start} read as absolute`));
    if (absolute) return absolute;
  }
  const placed = fromAbsolute(lookup.byShow(provider, showId), wanted);
  if (!placed || (placed.season === season && placed.episodes.start === wanted.start)) return null;
  const why = `episode ${wanted.start} read as absolute: season ${placed.season} episode ${placed.episodes.start}`;
  return looked(provider, seasonBallot(lookup.bySeason(provider, showId, placed.season), placed.episodes), `${LABEL[provider]} ${showId} season ${placed.season}`, weaker(why));
}

function idsOf(ballot: Ballot): Set<number> {
  return new Set(ballot.answers.flatMap((answer) => answer.ids));
}

/** The first lookup decides; a second one (other numbering, other id) confirms or contradicts its lead. */
function crossChecked(first: Looked, second: Looked | null, weights: RouteWeights, secondName: string): IdAnswer | null {
  const corroborating = second ? idsOf(second.ballot) : undefined;
  const answer = answerFrom(first.ballot, first.what, weights, { ...first.route, ...(corroborating ? { corroborating } : {}) });
  if (!answer) return null;
  if (answer.tally.agreeing.length === 0 && !corroborating?.has(answer.ids[0] ?? -1)) {
    // One row of one table, which nothing else repeats: tables carry mistaken rows, so it needs a title to agree.
    answer.confidence = Math.max(0, answer.confidence - weights.lonePenalty);
    answer.candidates[0]?.evidence.push({ kind: 'id-table', detail: 'no other table or id says the same', weight: -weights.lonePenalty });
    for (const candidate of answer.candidates) candidate.confidence = Math.min(candidate.confidence, answer.confidence);
  }
  if (!corroborating) return answer;
  const lead = answer.ids[0] ?? -1;
  const agree = corroborating.has(lead);
  if (!agree && answer.ids.some((id) => corroborating.has(id))) return answer;
  const delta = agree ? weights.crossProviderBonus : -weights.crossProviderPenalty;
  answer.confidence = Math.max(0, Math.min(0.99, answer.confidence + delta));
  const detail = agree ? `${secondName} agrees` : `${secondName} names AniList ${[...corroborating].join(', ')}`;
  answer.candidates[0]?.evidence.push({ kind: agree ? 'id-table' : 'conflict', detail, weight: delta });
  for (const candidate of answer.candidates) candidate.confidence = Math.min(candidate.confidence, answer.confidence);
  return answer;
}

export function showAnswer(lookup: MappingLookup, query: MatchQuery, ids: ItemIds, weights: RouteWeights): IdAnswer | null {
  const season = query.season ?? 1;
  const wanted = query.episodes ?? null;
  const ordering = seasonOrderingProvider(query.seasonOrdering);
  const order: Provider[] = ordering === 'tmdb' ? ['tmdb', 'tvdb'] : ['tvdb', 'tmdb'];
  const found: Looked[] = [];
  for (const [index, provider] of order.entries()) {
    const showId = ids[provider];
    if (!showId) continue;
    const fallback = index > 0 && ordering !== null;
    const unknown = ordering === null && season !== 1;
    const penalty = (fallback ? weights.otherOrderingPenalty : 0) + (unknown ? weights.unknownOrderingPenalty : 0);
    const reason = fallback ? `season ${season} follows ${LABEL[ordering]} numbering; only ${LABEL[provider]} maps it` : unknown ? 'season numbering unknown' : null;
    const hit = providerSeason(lookup, provider, showId, season, wanted, weights, { penalty, penaltyReason: reason });
    if (hit) found.push(hit);
  }
  const [first, second] = found;
  if (!first) return anidbAnswer(lookup, ids, weights);
  const answer = crossChecked(first, second ?? null, weights, second ? `${LABEL[second.provider]} season ${season}` : '');
  if (answer && season === 0 && wanted === null && answer.ids.length > 1) {
    // A specials season holds unrelated OVAs and films, not cours of one entry: without episodes, no single answer.
    answer.confidence = Math.max(0, answer.confidence - weights.specialsPenalty);
    answer.candidates[0]?.evidence.push({ kind: 'season', detail: `the specials season holds ${answer.ids.length} entries; which one depends on the episode`, weight: -weights.specialsPenalty });
  }
  return answer;
}

function anidbAnswer(lookup: MappingLookup, ids: ItemIds, weights: RouteWeights): IdAnswer | null {
  if (!ids.anidb) return null;
  return answerFrom(linkBallot(lookup.byExternalId('anidb', ids.anidb)), `AniDB ${ids.anidb}`, weights, { penalty: 0, penaltyReason: null });
}

export function movieAnswer(lookup: MappingLookup, ids: ItemIds, weights: RouteWeights): IdAnswer | null {
  const none: Route = { penalty: 0, penaltyReason: null };
  const byTmdb = ids.tmdb ? looked('tmdb', linkBallot(lookup.byExternalId('tmdb_movie', ids.tmdb)), `TMDB movie ${ids.tmdb}`, none) : null;
  const byImdb = ids.imdb ? looked('tmdb', linkBallot(lookup.byExternalId('imdb', ids.imdb)), `IMDb ${ids.imdb}`, none) : null;
  const first = byTmdb ?? byImdb;
  if (!first) return anidbAnswer(lookup, ids, weights);
  return crossChecked(first, byTmdb ? byImdb : null, weights, `IMDb ${ids.imdb ?? ''}`);
}
