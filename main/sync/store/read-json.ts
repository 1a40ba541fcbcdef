import type { z } from 'zod';
import { AppError } from '../../../shared/contract';

/** Which value of which row, for the message when it cannot be read. */
export interface RowPlace {
  table: string;
  /** How a person finds the row, e.g. "run 2026-…, write anilist:1|anime|anime:anilist:1". */
  row: string;
  column: string;
}

/**
 * Parses a JSON column through its schema. A damaged value (edited by hand, a bad disk, a bug in an older
 * version) becomes one AppError that names the table, the row and the column, instead of a TypeError deep
 * in the merge or an undo that restores garbage. Nothing is changed: the row stays for a person to inspect.
 */
export function readJson<T>(schema: z.ZodType<T>, text: string, place: RowPlace): T {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw damaged(place, `not JSON (${(error as Error).message})`, error);
  }
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const detail = parsed.error.issues
    .slice(0, 3)
    .map((issue) => `${issue.path.length > 0 ? issue.path.join('.') : 'value'}: ${issue.message}`)
    .join('; ');
  throw damaged(place, detail, parsed.error);
}

export function damaged(place: RowPlace, detail: string, cause?: unknown): AppError {
  return new AppError(
    'internal',
    `The sync data in the database is damaged: table ${place.table}, ${place.row}, column ${place.column} (${detail}). ` +
      'Nothing was changed. Delete that row (or the whole run) to go on, or restore kizuna.db from a backup.',
    cause === undefined ? {} : { cause },
  );
}

/** JSON text for a column; `undefined` (a field a side does not carry) is stored as null. */
export function toJson(value: unknown): string {
  return JSON.stringify(value ?? null);
}
