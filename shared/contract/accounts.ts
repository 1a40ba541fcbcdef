import { z } from 'zod';
import { errorCodeSchema } from './errors';

export const serviceSchema = z.enum(['anilist', 'mal', 'trakt', 'plex']);
export type Service = z.infer<typeof serviceSchema>;

export const accountStatusSchema = z.enum(['connected', 'needs-sign-in']);
export type AccountStatus = z.infer<typeof accountStatusSchema>;

export const accountSchema = z.object({
  id: z.string(),
  service: serviceSchema,
  userName: z.string(),
  avatarUrl: z.string().url().nullable(),
  /** ISO 8601; null when the service's tokens do not expire. */
  tokenExpiresAt: z.string().nullable(),
  connectedAt: z.string(),
  /** "needs-sign-in" once the service refused the token: writes to this account stop until it is reconnected. */
  status: accountStatusSchema,
});
export type Account = z.infer<typeof accountSchema>;

/**
 * How to sign in. AniList offers three grants (no PKCE there); the others one each. Plex and AniList can
 * also take a token typed or pasted in (accounts.connectWithToken).
 */
export const connectInputSchema = z.discriminatedUnion('service', [
  z.object({ service: z.literal('anilist'), method: z.enum(['code', 'implicit', 'pin']).default('implicit') }).strict(),
  z.object({ service: z.literal('mal') }).strict(),
  z.object({ service: z.literal('trakt') }).strict(),
  z.object({ service: z.literal('plex') }).strict(),
]);
export type ConnectInput = z.input<typeof connectInputSchema>;

export const connectWithTokenInputSchema = z.discriminatedUnion('service', [
  z.object({ service: z.literal('anilist'), token: z.string().trim().min(1, 'Paste the token AniList showed you.') }).strict(),
  z
    .object({
      service: z.literal('plex'),
      serverUrl: z.string().trim().url('Enter the server address, e.g. http://192.168.1.20:32400.'),
      token: z.string().trim().min(1, 'Enter the X-Plex-Token.'),
    })
    .strict(),
]);
export type ConnectWithTokenInput = z.input<typeof connectWithTokenInputSchema>;

export const attemptIdSchema = z.string().min(1).max(64);

/** What the person should see while a sign-in runs: a page to open, a code to enter, or a note. */
export const signInPromptSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('open-url'), url: z.string(), browserOpened: z.boolean(), message: z.string() }),
  z.object({ kind: z.literal('device-code'), userCode: z.string(), verificationUrl: z.string(), expiresAt: z.string(), message: z.string() }),
  z.object({ kind: z.literal('notice'), message: z.string() }),
]);
export type SignInPromptView = z.infer<typeof signInPromptSchema>;

export const authPromptEventSchema = z.object({ attemptId: z.string(), service: serviceSchema, prompt: signInPromptSchema });

export const authFinishedEventSchema = z.object({
  attemptId: z.string(),
  service: serviceSchema,
  outcome: z.enum(['connected', 'failed', 'cancelled']),
  account: accountSchema.nullable(),
  error: z.object({ code: errorCodeSchema, message: z.string() }).nullable(),
});
export type AuthFinishedEvent = z.infer<typeof authFinishedEventSchema>;

/** A service refused an account's sign-in: hosts notify the person (desktop notification, toast). */
export const needsSignInEventSchema = z.object({ accountId: z.string(), service: serviceSchema, userName: z.string(), message: z.string() });

export const disconnectResultSchema = z.object({
  /** true: the service revoked the token; false: it could not be reached (the token is forgotten anyway); null: the service has no revocation. */
  revoked: z.boolean().nullable(),
  message: z.string(),
});

/** The app registration each service sign-in uses (API client ID), and what the person must register. */
export const serviceClientSchema = z.object({
  service: serviceSchema,
  /** null: no client yet; the person must enter their own before connecting. */
  clientId: z.string().nullable(),
  source: z.enum(['own', 'built-in', 'none']),
  hasClientSecret: z.boolean(),
  /** Exactly what to register as the redirect URI; null where the service needs none (Trakt device code, Plex). */
  redirectUri: z.string().nullable(),
  developerUrl: z.string().nullable(),
  /** One or two sentences: what to create on the developer page and which fields to fill in. */
  instructions: z.string(),
  /** Whether connecting needs the person's own client (Trakt since 2026). */
  ownClientRequired: z.boolean(),
});
export type ServiceClient = z.infer<typeof serviceClientSchema>;

export const setServiceClientInputSchema = z
  .object({
    service: serviceSchema,
    clientId: z.string().trim().min(1, 'Enter the client ID from the developer page.').max(200),
    /** undefined: keep the stored secret; null or '': remove it. */
    clientSecret: z.string().trim().max(500).nullable().optional(),
  })
  .strict();

export const plexLibraryHoldsSchema = z.enum(['anime', 'shows', 'movies', 'music', 'none']);
export type PlexLibraryHolds = z.infer<typeof plexLibraryHoldsSchema>;

export const plexLibrarySchema = z.object({
  key: z.string(),
  title: z.string(),
  /** Plex's own type: show, movie, artist, photo. */
  type: z.string(),
  holds: plexLibraryHoldsSchema,
});

export const plexServerSchema = z.object({
  machineIdentifier: z.string(),
  name: z.string(),
  owned: z.boolean(),
  selected: z.boolean(),
  /** The address that answered last; null before the first answer. */
  address: z.string().nullable(),
  /** Why the libraries could not be read, if they could not. */
  problem: z.string().nullable(),
  libraries: z.array(plexLibrarySchema),
});
export type PlexServerView = z.infer<typeof plexServerSchema>;

export const plexLibraryUpdateSchema = z
  .object({ accountId: z.string(), machineIdentifier: z.string(), key: z.string(), holds: plexLibraryHoldsSchema })
  .strict();
export const plexServerSelectSchema = z.object({ accountId: z.string(), machineIdentifier: z.string(), selected: z.boolean() }).strict();
