import { z } from 'zod';
import type { MethodName } from './method-names';
import { settingsPatchSchema, settingsSchema } from './settings';

export const serviceSchema = z.enum(['anilist', 'mal', 'trakt', 'plex']);
export type Service = z.infer<typeof serviceSchema>;

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

export const accountSchema = z.object({
  id: z.string(),
  service: serviceSchema,
  userName: z.string(),
  avatarUrl: z.string().url().nullable(),
  /** ISO 8601; null when the service's tokens do not expire. */
  tokenExpiresAt: z.string().nullable(),
  connectedAt: z.string(),
});
export type Account = z.infer<typeof accountSchema>;

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
} as const satisfies Record<MethodName, { input: z.ZodType; output: z.ZodType }>;

export type Methods = typeof methods;
export type MethodInput<M extends MethodName> = z.input<Methods[M]['input']>;
export type MethodOutput<M extends MethodName> = z.output<Methods[M]['output']>;
export { isMethodName, methodNames, type MethodName } from './method-names';
