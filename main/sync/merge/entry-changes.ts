import type { MergeOptions, SkippedTitle, TitleInput } from '../model';
import { anyFlow, pairOf } from './flows';
import { serviceName } from './wording';

/** Which sides get a new entry and which lose theirs, before any field is merged. */
export interface EntryPlan {
  /** Sides that never had the title and get it now. */
  creating: Set<number>;
  /** Sides whose entry goes, following a removal elsewhere. */
  removing: Set<number>;
  skipped: SkippedTitle[];
}

/**
 * A side without the title either never had it (no base: create it where a pair adds missing entries) or
 * had it at the last sync (a base: the person removed it there). A removal is copied only where the pair
 * says so, and always stops for confirmation (guard 'removes-entry'); otherwise the plan says it was kept.
 * A side the person removed the title from is never given it back: it has a base, so it is never "missing".
 */
export function entryChanges(input: TitleInput, options: MergeOptions): EntryPlan {
  const plan: EntryPlan = { creating: new Set(), removing: new Set(), skipped: [] };
  const sides = input.sides;
  const removedAt = sides.flatMap((side, index) => (side.current === null && side.base !== null ? [index] : []));

  for (const from of removedAt) {
    const removed = sides[from];
    if (!removed) continue;
    sides.forEach((other, index) => {
      if (other.current === null || plan.removing.has(index)) return;
      if (!anyFlow(options.pairs, removed.side.service, other.side.service)) return;
      if (pairOf(options.pairs, removed.side.service, other.side.service)?.propagateRemovals) {
        plan.removing.add(index);
        return;
      }
      const reason = `Removed on ${serviceName(removed.side.service)} since the last sync; kept on ${serviceName(other.side.service)}.`;
      plan.skipped.push({ titleKey: input.titleKey, title: input.title, side: other.side, reason });
    });
  }
  // A removal that is copied wins over the kept note for the same side.
  plan.skipped = plan.skipped.filter((note) => ![...plan.removing].some((index) => sides[index]?.side === note.side));

  sides.forEach((side, index) => {
    if (side.current !== null || side.base !== null) return;
    const givers = sides.filter((other, otherIndex) => other.current !== null && !plan.removing.has(otherIndex));
    const creates = givers.some((other) => pairOf(options.pairs, other.side.service, side.side.service)?.createMissing === true && anyFlow(options.pairs, other.side.service, side.side.service));
    if (creates) plan.creating.add(index);
  });
  return plan;
}
