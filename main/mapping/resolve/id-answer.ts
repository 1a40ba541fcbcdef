import type { Candidate, Evidence, MappingSourceName } from '../model';
import { formatRanges } from './episode-ranges';
import type { Ballot, Tally } from './season-votes';
import { fillGaps, settleRivals, tally } from './season-votes';

/**
 * Turns what the ID tables said (a Ballot) into ranked candidates with a confidence. The leader (most trusted
 * source that answered) sets the base; each other source naming the same first entry raises it, each one
 * naming none of the leader's entries lowers it. How far is in IdWeights, tuned on the dev sets only.
 */

export interface IdWeights {
  /** Confidence when only the leader speaks, by source. */
  base: Record<MappingSourceName, number>;
  agreeBonus: number;
  disagreePenalty: number;
  /** The leader maps two entries onto the same episodes and nothing else prefers either. */
  rivalPenalty: number;
}

export const DEFAULT_ID_WEIGHTS: IdWeights = {
  base: { override: 1, 'anibridge-v3': 0.9, 'plexanibridge-v2': 0.88, 'anime-lists': 0.85, kometa: 0.8, fribb: 0.78 },
  agreeBonus: 0.04,
  disagreePenalty: 0.35,
  rivalPenalty: 0.3,
};

const SOURCE_LABEL: Record<MappingSourceName, string> = {
  override: 'your decision',
  'anibridge-v3': 'anibridge v3',
  'plexanibridge-v2': 'PlexAniBridge',
  'anime-lists': 'Anime-Lists',
  kometa: 'Kometa',
  fribb: 'Fribb',
};

export function sourceLabel(source: MappingSourceName): string {
  return SOURCE_LABEL[source];
}

export interface IdAnswer {
  tally: Tally;
  /** The leader's entries, in episode order: the answer when confidence allows. */
  ids: number[];
  candidates: Candidate[];
  confidence: number;
}

/** How a lookup was reached, and what else speaks for its entries. */
export interface Route {
  /** Subtracted for weaker routes (the other numbering, absolute numbers converted by arithmetic). */
  penalty: number;
  penaltyReason: string | null;
  /** Entries another route (the other provider's season, the title) also names. */
  corroborating?: ReadonlySet<number>;
}

function otherOnly(ballot: Ballot, seen: Set<number>, what: string, weights: IdWeights): Candidate[] {
  const candidates: Candidate[] = [];
  for (const other of ballot.answers.slice(1)) {
    for (const anilistId of other.ids) {
      if (seen.has(anilistId)) continue;
      seen.add(anilistId);
      candidates.push({
        anilistId,
        confidence: Math.max(0, weights.base[other.source] - 0.5),
        evidence: [{ kind: 'id-table', detail: `${what} → AniList ${anilistId} (${sourceLabel(other.source)} only)`, weight: weights.base[other.source] }],
      });
    }
  }
  return candidates;
}

/** `what` names the thing looked up ("TVDB 76885 season 1"), for the evidence. */
export function answerFrom(ballot: Ballot, what: string, weights: IdWeights, route: Route): IdAnswer | null {
  const first = ballot.answers[0];
  if (!first) return null;
  const support = (id: number): number => ballot.answers.filter((answer) => answer.ids.includes(id)).length + (route.corroborating?.has(id) ? 1 : 0);
  const rivalry = settleRivals(first, support);
  const { ids, gap } = fillGaps(first, rivalry.kept, ballot.answers.slice(1), support);
  const leader = { ...first, ids };
  const counted = tally({ answers: [leader, ...ballot.answers.slice(1)] });
  if (!counted) return null;
  const { agreeing, disagreeing } = counted;
  const rivalPenalty = rivalry.tied ? weights.rivalPenalty : 0;
  let confidence = weights.base[leader.source] + weights.agreeBonus * agreeing.length - weights.disagreePenalty * disagreeing.length - route.penalty - rivalPenalty;
  confidence = Math.max(0, Math.min(0.99, confidence));
  const candidates: Candidate[] = leader.ids.map((anilistId, index) => {
    const ranges = leader.ranges.get(anilistId) ?? [];
    const evidence: Evidence[] = gap.includes(anilistId)
      ? [{ kind: 'id-table', detail: `${what} → AniList ${anilistId}: episodes ${sourceLabel(leader.source)} leaves unmapped, by the other tables`, weight: weights.agreeBonus }]
      : [{ kind: 'id-table', detail: `${what} → AniList ${anilistId}, ${formatRanges(ranges)} (${sourceLabel(leader.source)})`, weight: weights.base[leader.source] }];
    for (const other of ballot.answers.slice(1)) {
      if (other.ids.includes(anilistId)) {
        evidence.push({ kind: 'id-table', detail: `${sourceLabel(other.source)} agrees: ${what} → AniList ${anilistId}`, weight: weights.agreeBonus });
      }
    }
    if (index === 0) {
      for (const source of disagreeing) {
        const theirs = ballot.answers.find((answer) => answer.source === source)?.ids ?? [];
        evidence.push({ kind: 'conflict', detail: `${sourceLabel(source)} says ${what} → AniList ${theirs.join(', ')}`, weight: -weights.disagreePenalty });
      }
      if (rivalry.tied) evidence.push({ kind: 'conflict', detail: `${sourceLabel(leader.source)} maps the same episodes to AniList ${rivalry.dropped.join(', ')} too`, weight: -rivalPenalty });
      if (route.penaltyReason) evidence.push({ kind: 'season', detail: route.penaltyReason, weight: -route.penalty });
    }
    return { anilistId, confidence, evidence, ...(ranges.length > 0 ? { episodes: ranges } : {}) };
  });
  // Rivals and entries only a contradicting source names stay candidates for the review queue, never the answer.
  for (const anilistId of rivalry.dropped) {
    candidates.push({
      anilistId,
      confidence: Math.max(0, confidence - 0.3),
      evidence: [{ kind: 'conflict', detail: `${what} → AniList ${anilistId} (${sourceLabel(leader.source)}), over the same episodes as a better-supported entry`, weight: -0.3 }],
    });
  }
  candidates.push(...otherOnly(ballot, new Set([...leader.ids, ...rivalry.dropped]), what, weights));
  return { tally: counted, ids: leader.ids, candidates, confidence };
}
