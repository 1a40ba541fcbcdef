import { z } from 'zod';
import type { MethodName } from './method-names';
import {
  accountSchema,
  attemptIdSchema,
  connectInputSchema,
  connectWithTokenInputSchema,
  disconnectResultSchema,
  plexLibraryUpdateSchema,
  plexServerSchema,
  plexServerSelectSchema,
  serviceClientSchema,
  serviceSchema,
  setServiceClientInputSchema,
} from './accounts';
import {
  mappingStatusSchema,
  mappingUpdateSchema,
  overrideViewSchema,
  overridesExportSchema,
  overridesImportSchema,
  reviewCandidateSchema,
  reviewDecisionSchema,
  reviewItemSchema,
  reviewStatusSchema,
} from './matching';
import { settingsPatchSchema, settingsSchema } from './settings';
import { libraryListOutputSchema } from './library';
import { watchlistImportInputSchema, watchlistImportOutputSchema, watchlistItemSchema, watchlistRefsSchema, watchlistSearchInputSchema, watchlistSearchOutputSchema } from './watchlist';
import {
  fieldEditSchema,
  journalRowViewSchema,
  listBackupViewSchema,
  outboxItemViewSchema,
  pairIdSchema,
  runResultSchema,
  runViewSchema,
  syncPlanSchema,
  syncStatusSchema,
} from './sync';

const planInputSchema = z
  .object({
    /** Re-read every list whole instead of trusting the services' change markers. */
    full: z.boolean().optional(),
    /** Only these pairs (all enabled pairs when absent). */
    pairs: z.array(pairIdSchema).optional(),
  })
  .strict();

export const secretStoreKindSchema = z.enum(['keychain', 'encrypted-file', 'unavailable']);
export type SecretStoreKind = z.infer<typeof secretStoreKindSchema>;

export const hostKindSchema = z.enum(['electron', 'server', 'cli']);
export type HostKind = z.infer<typeof hostKindSchema>;

export const appInfoSchema = z.object({
  name: z.string(),
  version: z.string(),
  host: hostKindSchema,
  platform: z.string(),
  dataDir: z.string(),
  /** Which hosts the service clients talk to: the real services, or the file named by KIZUNA_SERVICES. */
  services: z.object({
    source: z.enum(['real', 'file']),
    file: z.string().nullable(),
  }),
  secretStore: z.object({
    kind: secretStoreKindSchema,
    /** One sentence for the user: where secrets are kept, or why they cannot be. */
    detail: z.string(),
  }),
});
export type AppInfo = z.infer<typeof appInfoSchema>;

/** Methods that take no arguments accept `{}` or nothing at all. */
const noInput = z.object({}).strict().optional();

/**
 * Every method any host exposes, declared once. Names are `domain.verb`.
 * Hosts route by these names; the renderer and CLI derive their types from here.
 */
export const methods = {
  'app.info': { input: noInput, output: appInfoSchema },
  'settings.get': { input: noInput, output: settingsSchema },
  'settings.update': { input: settingsPatchSchema, output: settingsSchema },
  'accounts.list': { input: noInput, output: z.array(accountSchema) },
  /** Starts a sign-in and answers at once; progress arrives as auth.prompt events, the end as auth.finished. */
  'accounts.connect': { input: connectInputSchema, output: z.object({ attemptId: attemptIdSchema }) },
  'accounts.cancel': { input: z.object({ attemptId: attemptIdSchema }).strict(), output: z.object({ cancelled: z.boolean() }) },
  /** AniList's pasted pin-page token, or a Plex server URL and token typed in. */
  'accounts.connectWithToken': { input: connectWithTokenInputSchema, output: accountSchema },
  /** Revokes the token where the service allows, deletes the secret and forgets the account. */
  'accounts.disconnect': { input: z.object({ accountId: z.string().min(1) }).strict(), output: disconnectResultSchema },
  'clients.list': { input: noInput, output: z.array(serviceClientSchema) },
  'clients.set': { input: setServiceClientInputSchema, output: serviceClientSchema },
  /** Back to the built-in client (if any); the stored secret is deleted. */
  'clients.reset': { input: z.object({ service: serviceSchema }).strict(), output: serviceClientSchema },
  /** The account's servers and libraries as last read; `refresh` asks plex.tv and every selected server again. */
  'plex.servers': { input: z.object({ accountId: z.string().min(1), refresh: z.boolean().optional() }).strict(), output: z.array(plexServerSchema) },
  'plex.selectServer': { input: plexServerSelectSchema, output: z.array(plexServerSchema) },
  'plex.setLibrary': { input: plexLibraryUpdateSchema, output: z.array(plexServerSchema) },
  /** Items that could not be matched with confidence, newest first. */
  'review.list': {
    input: z.object({ status: reviewStatusSchema.default('open'), limit: z.number().int().min(1).max(200).default(50), offset: z.number().int().min(0).default(0) }).strict().optional(),
    output: z.object({ items: z.array(reviewItemSchema), total: z.number().int() }),
  },
  /** Records the decision as an override and re-runs every open item it affects. */
  'review.decide': {
    input: z.object({ itemId: z.number().int(), decision: reviewDecisionSchema }).strict(),
    output: z.object({ item: reviewItemSchema, alsoResolved: z.number().int() }),
  },
  /** AniList search for an item's title (needs a connected AniList account). */
  'review.search': { input: z.object({ query: z.string().trim().min(2, 'Type at least two characters.').max(200) }).strict(), output: z.array(reviewCandidateSchema) },
  'overrides.list': { input: noInput, output: z.array(overrideViewSchema) },
  'overrides.delete': { input: z.object({ id: z.number().int() }).strict(), output: z.object({ deleted: z.boolean() }) },
  'overrides.export': { input: overridesExportSchema, output: z.object({ fileName: z.string(), text: z.string(), leftOut: z.array(z.object({ itemKey: z.string(), reason: z.string() })) }) },
  'mapping.status': { input: noInput, output: mappingStatusSchema },
  /** Downloads the ID tables that changed (conditional requests), keeping the last good copy of each. */
  'mapping.update': { input: noInput, output: mappingUpdateSchema },
  'overrides.import': { input: overridesImportSchema, output: z.object({ imported: z.number().int(), entries: z.number().int() }) },
  'sync.status': { input: noInput, output: syncStatusSchema },
  /** A dry run: reads every list and returns every change a run would make. Writes nothing. */
  'sync.plan': { input: planInputSchema.optional(), output: syncPlanSchema },
  /**
   * Runs a previewed plan (`planId`, optionally only the `approve`d writes), or plans and runs at once. A plan
   * that trips a guard answers `needs-confirmation` unless `confirm` is set; progress arrives as sync.progress.
   */
  'sync.run': {
    input: planInputSchema.extend({ planId: z.string().optional(), approve: z.array(z.string()).optional(), confirm: z.boolean().optional() }).strict().optional(),
    output: runResultSchema,
  },
  'sync.runs': {
    input: z.object({ limit: z.number().int().min(1).max(200).default(50), offset: z.number().int().min(0).default(0) }).strict().optional(),
    output: z.object({ runs: z.array(runViewSchema), total: z.number().int() }),
  },
  'sync.journal': { input: z.object({ runId: z.string().min(1), titleKey: z.string().optional() }).strict(), output: z.array(journalRowViewSchema) },
  /** Restores the before values of a run (or one title of it) where the service still holds what the run wrote. */
  'sync.undo': { input: z.object({ runId: z.string().min(1), titleKey: z.string().optional(), confirm: z.boolean().optional() }).strict(), output: runResultSchema },
  'sync.backups': { input: z.object({ accountId: z.string().optional() }).strict().optional(), output: z.array(listBackupViewSchema) },
  /** Puts a list back as it was before a run's first write to it. */
  'sync.restore': { input: z.object({ backupId: z.number().int(), confirm: z.boolean().optional() }).strict(), output: runResultSchema },
  /** The person's answer to a conflict: this account's value wins from the next plan on. */
  'sync.resolveConflict': { input: z.object({ conflictId: z.string().min(1), accountId: z.string().min(1) }).strict(), output: z.object({ saved: z.boolean() }) },
  'sync.outbox': { input: noInput, output: z.array(outboxItemViewSchema) },
  /** A local edit (+1 episode, a status…) for every list holding the title; queued, then sent when each service is reachable. */
  'sync.edit': {
    input: z
      .object({
        titleKey: z.string().regex(/^(anime|manga):anilist:\d+$/, 'Name the title by its AniList key, e.g. anime:anilist:21.'),
        changes: z.array(fieldEditSchema).min(1).max(20),
      })
      .strict(),
    output: z.object({ queued: z.number().int(), sent: z.number().int() }),
  },
  'sync.pause': { input: noInput, output: syncStatusSchema },
  'sync.resume': { input: noInput, output: syncStatusSchema },
  /** Every anime and manga title once, with each list's state side by side, from the lists as last read. */
  'library.list': { input: noInput, output: libraryListOutputSchema },
  /** The connected Trakt account's watchlist of films and shows. */
  'watchlist.list': { input: noInput, output: z.object({ items: z.array(watchlistItemSchema) }) },
  /** Trakt's search, each result marked when it is already on the watchlist. */
  'watchlist.search': { input: watchlistSearchInputSchema, output: watchlistSearchOutputSchema },
  'watchlist.add': { input: watchlistRefsSchema, output: z.object({ added: z.number().int(), existing: z.number().int() }) },
  'watchlist.remove': { input: watchlistRefsSchema, output: z.object({ removed: z.number().int() }) },
  /** Looks each reference up by its ids (one batch of at most 100; the UI sends batches and shows progress) and adds what it finds. */
  'watchlist.import': { input: watchlistImportInputSchema, output: watchlistImportOutputSchema },
} as const satisfies Record<MethodName, { input: z.ZodType; output: z.ZodType }>;

export type Methods = typeof methods;
export type MethodInput<M extends MethodName> = z.input<Methods[M]['input']>;
export type MethodOutput<M extends MethodName> = z.output<Methods[M]['output']>;
export * from './accounts';
export * from './matching';
export * from './sync';
export { defaultPairs } from './sync-defaults';
export { isMethodName, methodNames, type MethodName } from './method-names';
