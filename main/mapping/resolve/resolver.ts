import type { Candidate, MappingLookup, MatchQuery, MatchResult } from '../model';
import { itemIds } from './guids';
import { checkFormat, checkTitle, doubtsTables } from './cross-checks';
import type { IdAnswer } from './id-answer';
import { DEFAULT_ID_WEIGHTS } from './id-answer';
import type { RouteWeights } from './id-routes';
import { movieAnswer, showAnswer } from './id-routes';
import type { BridgeSettings } from './title-bridge';
import { bridgeByShow } from './title-bridge';
import type { TitleAnswer, TitleSource } from './title-source';
import { rememberingTitles, titleQueryOf } from './title-source';

/**
 * Plex/Trakt item → AniList entries (DESIGN §6, issue 5 item 2). IDs first: the tables are exact where they
 * speak, and a season split into cours comes back as several entries in episode order. Titles second, only
 * when no table answers well enough, or to settle tables that disagree. Below the thresholds the resolver
 * abstains with its ranked candidates: a wrong silent match costs the person more than a review item.
 */

export interface ResolverOptions {
  /** An ID-table answer below this goes to review instead. */
  minConfidence: number;
  /** A title-only answer below this goes to review instead. */
  minTitleConfidence: number;
  /** ID answers at or above this are final; below it the title matcher is asked to confirm or doubt them. */
  sureConfidence: number;
  /** Added when the title matcher names the same entry a doubtful ID answer leads with. */
  titleAgreeBonus: number;
  /** Subtracted when the title matcher confidently names an entry the tables did not. */
  titleConflictPenalty: number;
  /** Subtracted when a movie item's only candidates are TV series. */
  formatPenalty: number;
  /** How many title candidates to ask for (shown in review). */
  titleLimit: number;
  weights: RouteWeights;
  /** A later season of a show known by id, which no table maps at that season, is not answered by title. */
  laterSeasonNeedsTables: boolean;
  /** Title-only shows: the title finds the show, the tables its season. */
  bridge: BridgeSettings & { overridesTitle: boolean; abstainWhenAmbiguous: boolean };
}

export const DEFAULT_RESOLVER_OPTIONS: ResolverOptions = {
  minConfidence: 0.6,
  minTitleConfidence: 0,
  sureConfidence: 0.92,
  titleAgreeBonus: 0.2,
  titleConflictPenalty: 0.3,
  formatPenalty: 0.4,
  titleLimit: 5,
  laterSeasonNeedsTables: true,
  bridge: { minShowConfidence: 0.6, candidates: 3, penalty: 0.1, overridesTitle: false, abstainWhenAmbiguous: true },
  weights: { ...DEFAULT_ID_WEIGHTS, otherOrderingPenalty: 0.15, unknownOrderingPenalty: 0.1, absolutePenalty: 0.1, crossProviderPenalty: 0.35, crossProviderBonus: 0.03, lonePenalty: 0.35, specialsPenalty: 0.5 },
};

export interface Resolver {
  resolve(query: MatchQuery): MatchResult;
}

/** Options to change: any subset, nested weights and bridge settings included. */
export type ResolverOverrides = Partial<Omit<ResolverOptions, 'weights' | 'bridge'>> & {
  weights?: Partial<RouteWeights>;
  bridge?: Partial<ResolverOptions['bridge']>;
};

export interface ResolverDeps {
  lookup: MappingLookup;
  titles?: TitleSource | null;
  /** AniList format of an entry (TV, MOVIE, OVA…), where known: a movie item should not land on a TV series. */
  formatOf?: ((anilistId: number) => string | null | undefined) | null;
  options?: ResolverOverrides;
}

function abstain(candidates: Candidate[]): MatchResult {
  const ranked = [...candidates].sort((a, b) => b.confidence - a.confidence);
  return { status: 'abstain', anilistIds: [], confidence: ranked[0]?.confidence ?? 0, candidates: ranked };
}

function merged(...lists: Candidate[][]): Candidate[] {
  const byId = new Map<number, Candidate>();
  for (const candidate of lists.flat()) {
    const known = byId.get(candidate.anilistId);
    if (!known) byId.set(candidate.anilistId, { ...candidate, evidence: [...candidate.evidence] });
    else {
      known.evidence.push(...candidate.evidence);
      known.confidence = Math.max(known.confidence, candidate.confidence);
    }
  }
  return [...byId.values()];
}

function matched(ids: number[], confidence: number, candidates: Candidate[]): MatchResult {
  return { status: 'matched', anilistIds: ids, confidence, candidates };
}

export function createResolver({ lookup, titles: titleSource = null, formatOf = null, options = {} }: ResolverDeps): Resolver {
  const titles = titleSource ? rememberingTitles(titleSource) : null;
  const settings: ResolverOptions = {
    ...DEFAULT_RESOLVER_OPTIONS,
    ...options,
    weights: { ...DEFAULT_RESOLVER_OPTIONS.weights, ...options.weights },
    bridge: { ...DEFAULT_RESOLVER_OPTIONS.bridge, ...options.bridge },
  };

  function byIds(query: MatchQuery): IdAnswer | null {
    const ids = itemIds(query.guids);
    return query.type === 'movie' ? movieAnswer(lookup, ids, settings.weights) : showAnswer(lookup, query, ids, settings.weights);
  }

  function byTitle(query: MatchQuery): TitleAnswer | null {
    if (!titles || query.title.trim() === '') return null;
    return titles.match(titleQueryOf(query), settings.titleLimit);
  }

  function resolve(query: MatchQuery): MatchResult {
    const ids = byIds(query);
    if (ids && formatOf) checkFormat(ids, query, formatOf, settings.formatPenalty);
    // The title is asked only where it can change the outcome: that keeps the common case fast.
    const titleMatters = ids !== null && (ids.confidence < settings.minConfidence || (doubtsTables(query) && ids.confidence < settings.sureConfidence));
    if (ids && !titleMatters) return matched(ids.ids, ids.confidence, ids.candidates);
    const title = byTitle(query);
    if (ids) {
      checkTitle(ids, query, title, settings.titleAgreeBonus, settings.titleConflictPenalty);
      const candidates = merged(ids.candidates, title?.candidates ?? []);
      return ids.confidence >= settings.minConfidence ? matched(ids.ids, ids.confidence, candidates) : abstain(candidates);
    }
    return byTitleAlone(query, title);
  }

  /** No table answered: the title, checked against the season the tables give the title's show. */
  function byTitleAlone(query: MatchQuery, title: TitleAnswer | null): MatchResult {
    const best = title?.best;
    const titled = title && best && title.status === 'matched' && best.confidence >= settings.minTitleConfidence ? best : null;
    // An item whose own show ids the tables do not know is not helped by the tables' idea of its title's show.
    const ids = itemIds(query.guids);
    const bridged = titles && ids.tvdb === null && ids.tmdb === null ? bridgeByShow(lookup, titles, query, settings.weights, settings.bridge) : null;
    // A later season of a show the tables know by id but not at this season: the title's season words are
    // all that is left, and they disagree with how AniList splits seasons too often to act on.
    const knownShow = ids.tvdb !== null || ids.tmdb !== null;
    if (knownShow && (query.season ?? 1) > 1 && settings.laterSeasonNeedsTables) return abstain(title?.candidates ?? []);
    // A later season whose title names several shows: the title's own season words cannot say which show.
    if (bridged === 'ambiguous' && (query.season ?? 1) > 1 && settings.bridge.abstainWhenAmbiguous) return abstain(title?.candidates ?? []);
    if (bridged && bridged !== 'ambiguous' && bridged.answer.confidence >= settings.minConfidence) {
      const { answer } = bridged;
      if (titled && answer.ids.includes(titled.anilistId)) return matched(answer.ids, Math.min(0.99, answer.confidence + settings.titleAgreeBonus), merged(answer.candidates, title?.candidates ?? []));
      if (!titled || settings.bridge.overridesTitle) return matched(answer.ids, answer.confidence, merged(answer.candidates, title?.candidates ?? []));
      return abstain(merged(title?.candidates ?? [], answer.candidates));
    }
    if (title && titled) return matched(title.anilistIds?.length ? title.anilistIds : [titled.anilistId], titled.confidence, title.candidates);
    return abstain(merged(title?.candidates ?? [], bridged && bridged !== 'ambiguous' ? bridged.answer.candidates : []));
  }

  return { resolve };
}
