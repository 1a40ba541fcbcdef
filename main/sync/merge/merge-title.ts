import { syncFields, writeIdOf, type FieldChange, type GuardReason, type MergeOptions, type PlannedWrite, type SkippedTitle, type TitleInput, type TitleMerge } from '../model';
import { entryChanges, type EntryPlan } from './entry-changes';
import { mergeField } from './merge-field';
import { mergeWatched } from './merge-watched';
import { serviceName } from './wording';

/**
 * One title across every side that has it (or had it, or should): which entries to create or remove, then
 * each field three ways. The result is data only; the planner gathers it into the plan the person previews.
 */
export function mergeTitle(input: TitleInput, options: MergeOptions): TitleMerge {
  const result: TitleMerge = { writes: [], conflicts: [], skipped: [] };
  const entries: EntryPlan = entryChanges(input, options);
  result.skipped.push(...entries.skipped);

  // AniList's private flag: an entry the person hid there is not copied to services that cannot hide it.
  const privateOn = input.sides.find((side) => side.side.service === 'anilist' && side.current?.private === true);
  const blocked = (index: number) => !options.syncPrivate && privateOn !== undefined && !(input.sides[index]?.carries.includes('private') ?? false);
  const open = (index: number) => !blocked(index) && (entries.creating.has(index) || (input.sides[index]?.current !== null && !entries.removing.has(index)));
  // Sides the person's privacy keeps out still count as open for the check, so we can say what was held back.
  const openIgnoringPrivacy = (index: number) => entries.creating.has(index) || (input.sides[index]?.current !== null && !entries.removing.has(index));

  const changes = new Map<number, FieldChange[]>();
  const lowers = new Set<number>();
  const kept: { index: number; reason: string }[] = [];
  const heldBack = new Set<number>();
  for (const field of syncFields) {
    if (!input.sides.some((side) => side.carries.includes(field))) continue;
    const context = { input, options, open, creating: entries.creating, removing: entries.removing };
    if (field === 'watched') {
      for (const [index, change] of mergeWatched(context)) changes.set(index, [...(changes.get(index) ?? []), change]);
      if (privateOn && !options.syncPrivate) for (const index of mergeWatched({ ...context, open: openIgnoringPrivacy }).keys()) if (blocked(index)) heldBack.add(index);
      continue;
    }
    const outcome = mergeField(field, context);
    if (outcome.conflict) result.conflicts.push(outcome.conflict);
    for (const [index, change] of outcome.changes) changes.set(index, [...(changes.get(index) ?? []), change]);
    for (const index of outcome.lowers) lowers.add(index);
    kept.push(...outcome.kept);
    if (privateOn && !options.syncPrivate) for (const index of mergeField(field, { ...context, open: openIgnoringPrivacy }).changes.keys()) if (blocked(index)) heldBack.add(index);
  }

  input.sides.forEach((titleSide, index) => {
    const base = { id: writeIdOf(titleSide.side, input.titleKey), side: titleSide.side, titleKey: input.titleKey, title: input.title, target: titleSide.target };
    const removal = entries.removing.has(index);
    if (removal && !blocked(index)) {
      result.writes.push({ ...base, op: 'remove', changes: [], guards: ['removes-entry'] });
      return;
    }
    const fieldChanges = changes.get(index) ?? [];
    if (fieldChanges.length > 0) {
      const guards: GuardReason[] = lowers.has(index) ? ['lowers-progress'] : [];
      const write: PlannedWrite = { ...base, op: entries.creating.has(index) ? 'create' : 'update', changes: fieldChanges, guards };
      result.writes.push(write);
    }
    if ((removal && blocked(index)) || heldBack.has(index)) result.skipped.push(skip(input, index, `Private on AniList: not copied to ${serviceName(titleSide.side.service)} (syncing private entries is off).`));
  });
  for (const { index, reason } of kept) result.skipped.push(skip(input, index, `${reason[0]?.toUpperCase() ?? ''}${reason.slice(1)}.`));
  return result;
}

function skip(input: TitleInput, index: number, reason: string): SkippedTitle {
  const side = input.sides[index];
  if (!side) throw new Error(`no side ${index} for ${input.titleKey}`);
  return { titleKey: input.titleKey, title: input.title, side: side.side, reason };
}
