import type { FieldValue, ListStatus, PairConfig, SyncField, TitleSide } from '../model';
import { earlierDate, laterDate } from './dates';
import { rulesBetween } from './flows';
import { dayOf, fieldName, serviceName } from './wording';

/** One side's part in the merge of one field. */
export interface Participant {
  index: number;
  side: TitleSide;
  /** The value now (the base's when the read did not carry the field). */
  value: FieldValue;
  /** The value at the last sync; undefined when never synced. */
  base: FieldValue;
  /** Changed since its base, or never synced. */
  changed: boolean;
  status: ListStatus | undefined;
  updatedAt: string | null;
}

export type Decision = { kind: 'winner'; winner: Participant; reason: string } | { kind: 'conflict' };

const name = (participant: Participant) => serviceName(participant.side.side.service);

function maxBy(candidates: readonly Participant[], key: (participant: Participant) => number): Participant {
  return candidates.reduce((best, next) => (key(next) > key(best) ? next : best));
}

/**
 * Several sides changed a field and disagree. Numbers that only grow take the largest (progress never
 * regresses; a rewatch restarts the count, so while any side is rewatching its count is the one that moves);
 * "started" takes the earliest date and "completed" the latest (the first start and the last finish are
 * what the person did); everything else follows the pair's conflict rule.
 */
export function decide(field: SyncField, candidates: readonly Participant[], pairs: readonly PairConfig[]): Decision {
  const numeric = (participant: Participant) => (typeof participant.value === 'number' ? participant.value : -1);
  switch (field) {
    case 'progress':
    case 'progressVolumes': {
      const repeating = candidates.filter((participant) => participant.status === 'repeating');
      if (repeating.length > 0) {
        const winner = maxBy(repeating, numeric);
        return { kind: 'winner', winner, reason: `rewatching on ${name(winner)}` };
      }
      const winner = maxBy(candidates, numeric);
      return { kind: 'winner', winner, reason: `furthest ${fieldName(field)} is on ${name(winner)}` };
    }
    case 'repeat': {
      const winner = maxBy(candidates, numeric);
      return { kind: 'winner', winner, reason: `highest rewatch count is on ${name(winner)}` };
    }
    case 'startedAt':
    case 'completedAt': {
      const pick = field === 'startedAt' ? earlierDate : laterDate;
      const chosen = candidates.map((participant) => participant.value as string).reduce((best, next) => pick(best, next));
      const winner = candidates.find((participant) => participant.value === chosen) ?? (candidates[0] as Participant);
      return { kind: 'winner', winner, reason: `${field === 'startedAt' ? 'earliest start' : 'latest finish'} is on ${name(winner)}` };
    }
    default:
      return byPairRule(field, candidates, pairs);
  }
}

/**
 * The pairs' rules between the disagreeing services: a side its pair prefers puts the other out; 'ask'
 * anywhere asks; what is left is settled by the newest change (a service's updated-at is for the whole
 * entry, so "newest" means "the entry touched last"), and a missing or equal time asks rather than guesses.
 */
function byPairRule(field: SyncField, candidates: readonly Participant[], pairs: readonly PairConfig[]): Decision {
  const services = [...new Set(candidates.map((participant) => participant.side.side.service))];
  const rules = rulesBetween(pairs, field, services);
  if (rules.some(({ rule }) => rule === 'ask')) return { kind: 'conflict' };

  let remaining = [...candidates];
  let preferredBy: string | null = null;
  for (const { pair, rule } of rules) {
    if (rule !== 'prefer-a' && rule !== 'prefer-b') continue;
    const [keep, drop] = rule === 'prefer-a' ? [pair.a, pair.b] : [pair.b, pair.a];
    if (!remaining.some((participant) => participant.side.side.service === keep)) continue;
    remaining = remaining.filter((participant) => participant.side.side.service !== drop);
    preferredBy = `${serviceName(keep)} is preferred over ${serviceName(drop)} for the ${fieldName(field)}`;
  }
  if (remaining.length === 1 && preferredBy) return { kind: 'winner', winner: remaining[0] as Participant, reason: preferredBy };
  const needsNewest = rules.length === 0 || rules.some(({ rule }) => rule === 'newest') || remaining.length > 1;
  if (!needsNewest) return { kind: 'conflict' };
  return newest(remaining);
}

/**
 * A side that keeps no change times (Plex's derived status) cannot say it is newer, but need not block: when
 * it agrees with the newest dated side it is simply in the majority; only when it disagrees is it unknowable.
 */
function newest(candidates: readonly Participant[]): Decision {
  const timeOf = (participant: Participant) => (participant.updatedAt ? Date.parse(participant.updatedAt) : Number.NaN);
  const dated = candidates.filter((participant) => !Number.isNaN(timeOf(participant)));
  const undated = candidates.filter((participant) => Number.isNaN(timeOf(participant)));
  if (dated.length === 0) return { kind: 'conflict' };
  const latest = Math.max(...dated.map(timeOf));
  const at = dated.filter((participant) => timeOf(participant) === latest);
  if (at.length !== 1) return { kind: 'conflict' };
  const winner = at[0] as Participant;
  if (undated.some((participant) => JSON.stringify(participant.value) !== JSON.stringify(winner.value))) return { kind: 'conflict' };
  return { kind: 'winner', winner, reason: `newer on ${name(winner)} (${dayOf(winner.updatedAt)})` };
}
