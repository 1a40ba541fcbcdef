import type { Conflict, FieldChange, FieldValue, MergeOptions, SyncField, SyncService, TitleInput } from '../model';
import { decide, type Participant } from './field-rules';
import { inStep, isEmpty, sameOnSide, valueToWrite } from './field-values';
import { reachable } from './flows';
import { fieldName, serviceName } from './wording';

/** What the title's merge tells each field's merge about its sides. */
export interface FieldContext {
  input: TitleInput;
  options: MergeOptions;
  /** Sides that may take a write (present and kept, or being created). */
  open: (index: number) => boolean;
  /** Sides being created: they have no value yet. */
  creating: ReadonlySet<number>;
  /** Sides whose entry this run removes: they give no values either. */
  removing: ReadonlySet<number>;
}

export interface FieldOutcome {
  changes: Map<number, FieldChange>;
  /** Sides whose progress this lowers (each write gets the 'lowers-progress' guard). */
  lowers: Set<number>;
  conflict: Conflict | null;
  /** Sides left as they are, and why (progress not lowered on Plex…). */
  kept: { index: number; reason: string }[];
}

/** Watch-history services: lowering progress there unmarks watched episodes, which the person must allow. */
const historyServices: ReadonlySet<SyncService> = new Set(['plex', 'trakt']);

export function participantsOf(field: SyncField, input: TitleInput, removing: ReadonlySet<number>): Participant[] {
  return input.sides.flatMap((side, index) => {
    if (side.current === null || removing.has(index) || !side.carries.includes(field)) return [];
    const base = side.base === null ? undefined : side.base[field];
    // A read that does not carry the field (MyAnimeList lists without comments) leaves it as last synced.
    const value = side.current[field] !== undefined ? side.current[field] : base;
    if (value === undefined) return [];
    const changed = base === undefined || !sameOnSide(field, value, base, side.side.scale);
    return [{ index, side, value, base, changed, status: side.current.status, updatedAt: side.current.updatedAt ?? null }];
  });
}

function isProgress(field: SyncField): boolean {
  return field === 'progress' || field === 'progressVolumes';
}

/**
 * One field of one title, three ways: each side against its own base; one changed side (or several that
 * agree) is copied, several that disagree go to the field's rule, and an earlier answer of the person's
 * settles what would be a conflict. Only non-empty values are ever copied.
 */
export function mergeField(field: SyncField, context: FieldContext): FieldOutcome {
  const { input, options } = context;
  const outcome: FieldOutcome = { changes: new Map(), lowers: new Set(), conflict: null, kept: [] };
  const participants = participantsOf(field, input, context.removing);
  const reach = (participant: Participant) => reachable(input.sides, options.pairs, field, participant.index, context.open);
  const givers = participants.filter((participant) => !isEmpty(field, participant.value) && reach(participant).size > 0);
  let candidates = givers.filter((participant) => participant.changed);
  // A side that never synced (or is being created) has no "since": every value it meets is news to it, so
  // all sides take part as if all had changed, and the field's rule settles what differs.
  if (candidates.some((participant) => participant.base === undefined)) candidates = givers;
  const fresh = [...context.creating].filter((index) => context.open(index) && input.sides[index]?.carries.includes(field));
  if (fresh.length > 0) candidates = [...new Set([...candidates, ...givers.filter((participant) => fresh.some((index) => reach(participant).has(index)))])];
  if (candidates.length === 0) return outcome;

  const conflictId = `${input.titleKey}|${field}`;
  const answer = options.resolutions.get(conflictId);
  const answered = participants.find((participant) => participant.side.side.accountId === answer && !isEmpty(field, participant.value));
  const agree = candidates.every((x) => candidates.every((y) => inStep(field, x.value, x.side.side.scale, y.value, y.side.side.scale)));

  let winner: Participant;
  let reason: string;
  let resolved = false; // an answer of the person's may lower progress, like a rewatch
  if (agree) {
    winner = mostPrecise(field, candidates);
    reason = winner.base === undefined ? `on ${serviceName(winner.side.side.service)} at the first sync` : `changed on ${serviceName(winner.side.side.service)} since the last sync`;
  } else if (answered) {
    [winner, reason, resolved] = [answered, 'your answer to an earlier conflict', true];
  } else {
    const decision = decide(field, candidates, options.pairs);
    if (decision.kind === 'conflict') return { ...outcome, conflict: conflictOf(field, conflictId, input, participants) };
    [winner, reason] = [decision.winner, decision.reason];
  }

  const byIndex = new Map(participants.map((participant) => [participant.index, participant]));
  const above = (index: number, value: FieldValue) => {
    const current = byIndex.get(index)?.value;
    return typeof current === 'number' && typeof value === 'number' && current > value;
  };
  if (isProgress(field) && !resolved && winner.status !== 'repeating' && [...reach(winner)].some((index) => above(index, winner.value))) {
    // Lowering progress while not rewatching is a correction or a mistake: the person says which.
    if (!answered) return { ...outcome, conflict: conflictOf(field, conflictId, input, participants) };
    [winner, reason] = [answered, 'your answer to an earlier conflict'];
  }

  for (const index of [...reach(winner)].sort((x, y) => x - y)) {
    const side = input.sides[index];
    if (!side) continue;
    const current = byIndex.get(index);
    if (current && inStep(field, winner.value, winner.side.side.scale, current.value, side.side.scale)) continue;
    const before: FieldValue = context.creating.has(index) ? null : (side.current?.[field] ?? null);
    if (isProgress(field) && above(index, winner.value)) {
      if (historyServices.has(side.side.service) && !options.unwatch.includes(side.side.service)) {
        outcome.kept.push({ index, reason: `${fieldName(field)} not lowered on ${serviceName(side.side.service)}: marking episodes unwatched there is off` });
        continue;
      }
      outcome.lowers.add(index);
    }
    const why = context.creating.has(index) ? `new entry, from ${serviceName(winner.side.side.service)}` : reason;
    outcome.changes.set(index, { field, before, after: valueToWrite(field, winner.value, side.side.scale), from: winner.side.side, reason: why });
  }
  return outcome;
}

/** Of values in step, the one that says most: the finest score scale, the most precise date. */
function mostPrecise(field: SyncField, candidates: readonly Participant[]): Participant {
  const rank = (participant: Participant): number => {
    if (field === 'score') return ['point100', 'point10decimal'].indexOf(participant.side.side.scale ?? 'point100') === -1 ? 0 : 1;
    if (typeof participant.value === 'string') return participant.value.length;
    return 0;
  };
  return candidates.reduce((best, next) => (rank(next) > rank(best) ? next : best));
}

function conflictOf(field: SyncField, id: string, input: TitleInput, participants: readonly Participant[]): Conflict {
  return {
    id,
    titleKey: input.titleKey,
    title: input.title,
    field,
    sides: participants.map((participant) => ({ side: participant.side.side, value: participant.value, base: participant.base ?? null, updatedAt: participant.updatedAt })),
  };
}
