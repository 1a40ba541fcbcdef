import type { FieldValue, ScoreScale, SyncField } from '../model';
import { isValidDate, sameDate } from './dates';
import { sameScore, scoresInStep, storedOn } from './scores';

/**
 * What "equal" and "empty" mean for each field, in one place: scores on the side's own scale, dates by
 * compatibility, watched episodes as sets. Everything else compares as plain values.
 */

const dateFields: ReadonlySet<SyncField> = new Set(['startedAt', 'completedAt']);

export function isDateField(field: SyncField): boolean {
  return dateFields.has(field);
}

/**
 * No value to give: null, undefined, an empty string, or a date that is not a date (a service's garbage is
 * never copied anywhere). An empty value never clears a present one (DESIGN §5.3).
 */
export function isEmpty(field: SyncField, value: FieldValue): boolean {
  if (value === null || value === undefined || value === '') return true;
  if (isDateField(field)) return !isValidDate(value);
  if (field === 'score') return typeof value !== 'number' || !(value > 0);
  return false;
}

function watchedSet(value: FieldValue): Set<string> {
  return new Set(Array.isArray(value) ? value : []);
}

export function sameSet(a: FieldValue, b: FieldValue): boolean {
  const left = watchedSet(a);
  const right = watchedSet(b);
  return left.size === right.size && [...left].every((key) => right.has(key));
}

/** Equal on one side (its own scale): used for "did this side change since its base". */
export function sameOnSide(field: SyncField, a: FieldValue, b: FieldValue, scale: ScoreScale | null): boolean {
  if (isEmpty(field, a) || isEmpty(field, b)) return isEmpty(field, a) === isEmpty(field, b);
  if (field === 'score') return sameScore(a as number, b as number, scale);
  if (isDateField(field)) return sameDate(a as string, b as string);
  if (field === 'watched') return sameSet(a, b);
  return a === b;
}

/** Two sides' values say the same thing, each on its own scale (see `scoresInStep`). */
export function inStep(field: SyncField, a: FieldValue, aScale: ScoreScale | null, b: FieldValue, bScale: ScoreScale | null): boolean {
  if (field === 'score' && !isEmpty(field, a) && !isEmpty(field, b)) return scoresInStep(a as number, aScale, b as number, bScale);
  return sameOnSide(field, a, b, bScale);
}

/** The value to write to a side: a score as the side will store it (so the base it settles to is exact). */
export function valueToWrite(field: SyncField, value: FieldValue, scale: ScoreScale | null): FieldValue {
  if (field === 'score' && typeof value === 'number') return storedOn(value, scale);
  if (field === 'watched') return sortKeys(watchedSet(value));
  return value;
}

/** Episode keys in a stable order (s1e2 before s1e10), so equal sets are written and journaled alike. */
export function sortKeys(keys: Iterable<string>): string[] {
  return [...new Set(keys)].sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
}

/** How a value reads in a reason or a skipped note. */
export function describe(value: FieldValue): string {
  if (value === null || value === undefined || value === '') return 'nothing';
  if (Array.isArray(value)) return `${value.length} episodes`;
  return String(value);
}
