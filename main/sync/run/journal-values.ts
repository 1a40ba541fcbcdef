import type { FieldValue, PlannedWrite, SideState, SyncField } from '../model';

/** The fields a write sets, as stored in the journal's `after` and compared on resume and undo. */
export function afterValues(write: PlannedWrite): Partial<Record<SyncField, FieldValue>> {
  return Object.fromEntries(write.changes.map((change) => [change.field, change.after]));
}

/** Field values compared as stored: watched sets in any order, undefined and null alike. */
export function sameValue(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && [...a].sort().join('\u0000') === [...b].sort().join('\u0000');
  return (a ?? null) === (b ?? null);
}

/**
 * Whether a side holds what a write set. Scores compare on 0-100 as the side stores them (the side answered
 * with its own value after the write, so a resumed run compares like with like).
 */
export function holdsValues(state: SideState | null, values: Partial<Record<SyncField, FieldValue>>, op: PlannedWrite['op']): boolean {
  if (op === 'remove') return state === null;
  if (state === null) return false;
  return Object.entries(values).every(([field, value]) => sameValue(state[field as SyncField], value));
}

/** A side's state with a write's values laid over it: what the base becomes once the write is done. */
export function overlay(before: SideState | null, after: SideState | null, write: PlannedWrite): SideState | null {
  if (write.op === 'remove') return null;
  const state: SideState = { ...(before ?? {}) };
  for (const change of write.changes) (state as Record<string, unknown>)[change.field] = change.after;
  return after ? { ...state, ...after } : state;
}
