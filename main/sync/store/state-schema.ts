import { z } from 'zod';
import { conflictSchema, fieldChangeSchema, fieldValueSchema, plannedWriteSchema, sideRefSchema, syncFieldSchema, syncPlanSchema } from '../../../shared/contract/sync';
import { damaged, type RowPlace } from './read-json';
import type { FieldValue } from '../../../shared/contract/sync';
import type { SideEntry, SideRef, SideState, SyncField, SyncPlan, WriteError } from '../model';

/**
 * How the sync tables' JSON columns are read back (migration 006). Everything here was written by this
 * folder from the engine's own types, so a value that does not parse means a damaged row, reported as such
 * (see read-json.ts) rather than handed on to crash somewhere in the merge.
 */

const listStatusSchema = z.enum(['planning', 'current', 'completed', 'paused', 'dropped', 'repeating']);

export const sideStateSchema: z.ZodType<SideState> = z.object({
  status: listStatusSchema.optional(),
  progress: z.number().optional(),
  progressVolumes: z.number().nullable().optional(),
  score: z.number().nullable().optional(),
  startedAt: z.string().nullable().optional(),
  completedAt: z.string().nullable().optional(),
  repeat: z.number().optional(),
  notes: z.string().nullable().optional(),
  private: z.boolean().optional(),
  hidden: z.boolean().optional(),
  watched: z.array(z.string()).optional(),
  watchlisted: z.boolean().optional(),
  updatedAt: z.string().nullable().optional(),
});

/** `target` is the side's own address of an entry: opaque here, any JSON value. */
export const targetSchema = z.unknown();

export const sideEntrySchema: z.ZodType<SideEntry> = z.object({
  titleKey: z.string(),
  title: z.string(),
  state: sideStateSchema,
  target: targetSchema,
});

export const sideEntriesSchema = z.array(sideEntrySchema);

/** The values a write stores, field by field (a journal row's `after`). */
export type WriteValues = Partial<Record<SyncField, FieldValue>>;
export const writeValuesSchema: z.ZodType<WriteValues> = z.partialRecord(syncFieldSchema, fieldValueSchema);

export const writeErrorSchema: z.ZodType<WriteError> = z.object({ code: z.string(), message: z.string(), retryable: z.boolean() });

export const summarySchema = z.record(z.string(), z.unknown());

/** A SideRef from its columns; service and kind are CHECKed by the table, the scale is not, so it is checked here. */
export function sideRefOf(row: { account_id: string; service: string; kind: string; scale: string | null }, place: Omit<RowPlace, 'column'>): SideRef {
  const parsed = sideRefSchema.safeParse({ accountId: row.account_id, service: row.service, kind: row.kind, scale: row.scale });
  if (parsed.success) return parsed.data;
  throw damaged({ ...place, column: 'scale' }, parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; '), parsed.error);
}

/*
 * A plan as stored. JSON has no `undefined`: a change whose `before` was undefined (the side did not carry
 * the field) comes back without the key, which the contract's schema (a required key that may be undefined)
 * refuses. Reading a missing key as undefined is exactly what was written, so here those keys are optional.
 */
const storedValue = fieldValueSchema.optional();
const storedPlanSchema = syncPlanSchema.extend({
  writes: z.array(plannedWriteSchema.extend({ changes: z.array(fieldChangeSchema.extend({ before: storedValue, after: storedValue })) })),
  conflicts: z.array(conflictSchema.extend({ sides: z.array(conflictSchema.shape.sides.element.extend({ value: storedValue, base: storedValue })) })),
});
export const planSchema = storedPlanSchema as unknown as z.ZodType<SyncPlan>;
