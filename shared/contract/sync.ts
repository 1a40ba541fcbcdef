import { z } from 'zod';

/**
 * The sync engine's data as it crosses to the UI and the CLI (DESIGN §5, issue 6): pair settings, the plan
 * (a dry run is just a plan), runs and their journal, the outbox. The engine's own model (main/sync/model.ts)
 * is these types, so what a preview shows is exactly what a run executes.
 */

export const syncServiceSchema = z.enum(['anilist', 'mal', 'trakt', 'plex']);
export type SyncService = z.infer<typeof syncServiceSchema>;

export const syncFieldSchema = z.enum([
  'status',
  'progress',
  'progressVolumes',
  'score',
  'startedAt',
  'completedAt',
  'repeat',
  'notes',
  'private',
  'watched',
  'watchlisted',
]);
export type SyncField = z.infer<typeof syncFieldSchema>;
export const syncFields: readonly SyncField[] = syncFieldSchema.options;

/** How a field flows between the two services of a pair. */
export const directionSchema = z.enum(['off', 'a-to-b', 'b-to-a', 'both']);
export type Direction = z.infer<typeof directionSchema>;

/** What decides when both sides changed a field since the last sync. */
export const conflictRuleSchema = z.enum(['newest', 'prefer-a', 'prefer-b', 'ask']);
export type ConflictRule = z.infer<typeof conflictRuleSchema>;

export const pairIdSchema = z.enum(['anilist:mal', 'anilist:plex', 'mal:plex', 'trakt:plex', 'trakt:anilist', 'trakt:mal']);
export type PairId = z.infer<typeof pairIdSchema>;

export const pairSettingsSchema = z
  .object({
    fields: z.partialRecord(syncFieldSchema, directionSchema),
    conflicts: z.partialRecord(syncFieldSchema, conflictRuleSchema),
    /** Entries on one side only are created on the other, as the directions allow. */
    createMissing: z.boolean(),
    /** An entry removed on one side since the last sync is removed on the other (always asks first). */
    propagateRemovals: z.boolean(),
  })
  .strict();
export type PairSettings = z.infer<typeof pairSettingsSchema>;

const scoreScaleSchema = z.enum(['point100', 'point10decimal', 'point10', 'point5', 'point3']);

/** Anime and manga lists (AniList, MAL, and Plex/Trakt seen through the mappings); video: Trakt ⇄ Plex shows and movies. */
export const sideKindSchema = z.enum(['anime', 'manga', 'video']);
export type SideKind = z.infer<typeof sideKindSchema>;

export const sideRefSchema = z.object({
  accountId: z.string(),
  service: syncServiceSchema,
  kind: sideKindSchema,
  scale: scoreScaleSchema.nullable(),
});
export type SideRef = z.infer<typeof sideRefSchema>;

/** A field's value as a plan shows it: scores on 0-100, dates yyyy[-mm[-dd]], watched sets as episode keys. */
export const fieldValueSchema = z.union([z.string(), z.number(), z.boolean(), z.null(), z.array(z.string()), z.undefined()]);
export type FieldValue = z.infer<typeof fieldValueSchema>;

export const fieldChangeSchema = z.object({
  field: syncFieldSchema,
  before: fieldValueSchema,
  after: fieldValueSchema,
  from: sideRefSchema,
  reason: z.string(),
});
export type FieldChange = z.infer<typeof fieldChangeSchema>;

export const guardReasonSchema = z.enum(['removes-entry', 'lowers-progress', 'large-share']);
export type GuardReason = z.infer<typeof guardReasonSchema>;

export const plannedWriteSchema = z.object({
  id: z.string(),
  side: sideRefSchema,
  titleKey: z.string(),
  title: z.string(),
  op: z.enum(['create', 'update', 'remove']),
  changes: z.array(fieldChangeSchema),
  /** The service's address of the entry (media id, entry id, rating keys…); opaque outside the engine. */
  target: z.unknown(),
  guards: z.array(guardReasonSchema),
});
export type PlannedWrite = z.infer<typeof plannedWriteSchema>;

export const conflictSchema = z.object({
  id: z.string(),
  titleKey: z.string(),
  title: z.string(),
  field: syncFieldSchema,
  sides: z.array(z.object({ side: sideRefSchema, value: fieldValueSchema, base: fieldValueSchema, updatedAt: z.string().nullable() })),
});
export type Conflict = z.infer<typeof conflictSchema>;

export const skippedTitleSchema = z.object({ titleKey: z.string(), title: z.string(), side: sideRefSchema, reason: z.string() });
export type SkippedTitle = z.infer<typeof skippedTitleSchema>;

export const guardVerdictSchema = z.object({
  reasons: z.array(
    z.object({ reason: guardReasonSchema, accountId: z.string(), kind: sideKindSchema, count: z.number().int(), message: z.string() }),
  ),
});
export type GuardVerdict = z.infer<typeof guardVerdictSchema>;

/** A list the plan could not read (signed out, unreachable…): its titles are left out of this plan. */
export const sideProblemSchema = z.object({ side: sideRefSchema, message: z.string(), code: z.string() });
export type SideProblem = z.infer<typeof sideProblemSchema>;

export const syncPlanSchema = z.object({
  id: z.string(),
  createdAt: z.string(),
  pairs: z.array(z.string()),
  /** Each list read for this plan, with its entry count (the guards' share is of these). */
  lists: z.array(z.object({ side: sideRefSchema, entries: z.number().int(), unmatched: z.number().int() })),
  problems: z.array(sideProblemSchema),
  writes: z.array(plannedWriteSchema),
  conflicts: z.array(conflictSchema),
  skipped: z.array(skippedTitleSchema),
  guard: guardVerdictSchema,
});
export type SyncPlan = z.infer<typeof syncPlanSchema>;

export const runKindSchema = z.enum(['sync', 'undo', 'restore', 'outbox']);
export const runStatusSchema = z.enum(['planned', 'running', 'done', 'partial', 'failed', 'interrupted', 'cancelled']);

/** What `sync.run`, `sync.undo` and `sync.restore` answer. `needs-confirmation`: a guard stopped it; nothing was sent. */
export const runResultSchema = z.object({
  runId: z.string().nullable(),
  status: z.enum(['done', 'partial', 'failed', 'needs-confirmation', 'nothing-to-do', 'stale']),
  written: z.number().int(),
  failed: z.number().int(),
  /** Failed writes that will be retried from the outbox. */
  queued: z.number().int(),
  /** Titles an undo could not restore because the service changed them since (both values shown). */
  conflicts: z.array(conflictSchema),
  guard: guardVerdictSchema,
  message: z.string(),
});
export type RunResult = z.infer<typeof runResultSchema>;

export const runViewSchema = z.object({
  id: z.string(),
  kind: runKindSchema,
  status: runStatusSchema,
  dryRun: z.boolean(),
  undoOf: z.string().nullable(),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  writes: z.number().int(),
  done: z.number().int(),
  failed: z.number().int(),
});
export type RunView = z.infer<typeof runViewSchema>;

export const journalStateSchema = z.enum(['pending', 'sent', 'done', 'failed', 'skipped', 'conflict']);

export const journalRowViewSchema = z.object({
  writeId: z.string(),
  side: sideRefSchema,
  titleKey: z.string(),
  title: z.string(),
  op: z.enum(['create', 'update', 'remove']),
  changes: z.array(z.object({ field: syncFieldSchema, before: fieldValueSchema, after: fieldValueSchema })),
  state: journalStateSchema,
  error: z.string().nullable(),
});
export type JournalRowView = z.infer<typeof journalRowViewSchema>;

export const syncProgressEventSchema = z.object({
  runId: z.string().nullable(),
  phase: z.enum(['reading', 'planning', 'writing', 'finished']),
  done: z.number().int(),
  total: z.number().int(),
  current: z.string().nullable(),
});
export type SyncProgressEvent = z.infer<typeof syncProgressEventSchema>;

export const outboxItemViewSchema = z.object({
  id: z.number().int(),
  side: sideRefSchema,
  titleKey: z.string(),
  title: z.string(),
  field: syncFieldSchema,
  value: fieldValueSchema,
  origin: z.enum(['edit', 'sync']),
  attempts: z.number().int(),
  nextAttemptAt: z.string().nullable(),
  lastError: z.string().nullable(),
  setAside: z.boolean(),
});
export type OutboxItemView = z.infer<typeof outboxItemViewSchema>;

export const listBackupViewSchema = z.object({
  id: z.number().int(),
  runId: z.string(),
  side: sideRefSchema,
  takenAt: z.string(),
  entries: z.number().int(),
});
export type ListBackupView = z.infer<typeof listBackupViewSchema>;

export const syncStatusSchema = z.object({
  running: z.boolean(),
  paused: z.boolean(),
  lastRunAt: z.string().nullable(),
  nextRunAt: z.string().nullable(),
  waitingForNetwork: z.boolean(),
  outbox: z.number().int(),
  /** Each list as last read: how many titles, and when. */
  lists: z.array(z.object({ accountId: z.string(), service: syncServiceSchema, kind: sideKindSchema, entries: z.number().int(), readAt: z.string().nullable() })),
});
export type SyncStatus = z.infer<typeof syncStatusSchema>;

const dateValue = z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'Write dates as yyyy-mm-dd (or yyyy-mm, yyyy).').nullable();
const count = (what: string) => z.number({ error: `Enter the ${what} as a number.` }).int(`Enter whole ${what}.`).min(0, `The ${what} cannot be below 0.`).max(100_000);

/**
 * A local edit of one field, checked field by field: a progress must be a whole number, a status one of the
 * list statuses… so nonsense is refused with a message instead of being queued and sent.
 */
export const fieldEditSchema = z.discriminatedUnion('field', [
  z.object({ field: z.literal('status'), value: z.enum(['planning', 'current', 'completed', 'paused', 'dropped', 'repeating'], { error: 'Pick a list status.' }) }).strict(),
  z.object({ field: z.literal('progress'), value: count('episodes or chapters') }).strict(),
  z.object({ field: z.literal('progressVolumes'), value: count('volumes') }).strict(),
  z.object({ field: z.literal('repeat'), value: count('rewatches') }).strict(),
  z.object({ field: z.literal('score'), value: z.number().min(0, 'Scores run from 0 to 100.').max(100, 'Scores run from 0 to 100.').nullable() }).strict(),
  z.object({ field: z.literal('startedAt'), value: dateValue }).strict(),
  z.object({ field: z.literal('completedAt'), value: dateValue }).strict(),
  z.object({ field: z.literal('notes'), value: z.string().max(10_000).nullable() }).strict(),
  z.object({ field: z.literal('private'), value: z.boolean() }).strict(),
]);
export type FieldEdit = z.infer<typeof fieldEditSchema>;
