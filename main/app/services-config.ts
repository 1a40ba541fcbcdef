import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { AppError } from '../../shared/contract';
import { builtInClientsSchema } from '../auth/clients/built-in-clients';

const url = z.string().url();

/**
 * Where each service lives. The real hosts by default; `KIZUNA_SERVICES=<file>` points the app at other
 * hosts (the local emulators for tests and `npm run demo`). Written by `npm run emulators -- --write-services`.
 */
export const servicesConfigSchema = z.object({
  anilist: z.object({
    /** The GraphQL endpoint. */
    api: url,
    /** Base of the OAuth pages: `<auth>/authorize`, `<auth>/token`, `<auth>/pin`. */
    auth: url,
  }),
  mal: z.object({
    /** Base of the v2 API: `<api>/users/@me/animelist`. */
    api: url,
    /** Base of OAuth: `<auth>/authorize`, `<auth>/token`. */
    auth: url,
  }),
  trakt: z.object({
    api: url,
    /** `<auth>/oauth/device/code`, `<auth>/oauth/token`… */
    auth: url,
  }),
  plextv: z.object({
    /** `<api>/pins`, `<api>/user`, `<api>/resources`. */
    api: url,
    /** The sign-in page opened in the browser: `<auth>#?clientID=…&code=…`. */
    auth: url,
  }),
  /** The API clients registered with these hosts (the emulators' demo clients); absent for the real services. */
  clients: builtInClientsSchema.optional(),
  /**
   * Where the ID mapping tables are downloaded from, per source; null leaves a source out (the demo, which
   * must not reach the internet). Absent: the published URLs.
   */
  mappings: z.record(z.enum(['anibridge-v3', 'plexanibridge-v2', 'anime-lists', 'kometa', 'fribb']), url.nullable()).optional(),
});

export type ServicesConfig = z.infer<typeof servicesConfigSchema>;

export const realServices: ServicesConfig = {
  anilist: { api: 'https://graphql.anilist.co', auth: 'https://anilist.co/api/v2/oauth' },
  mal: { api: 'https://api.myanimelist.net/v2', auth: 'https://myanimelist.net/v1/oauth2' },
  trakt: { api: 'https://api.trakt.tv', auth: 'https://auth.trakt.tv' },
  plextv: { api: 'https://plex.tv/api/v2', auth: 'https://app.plex.tv/auth' },
};

/** The real services, or the file named by KIZUNA_SERVICES; a bad file is an error, never silently ignored. */
export function loadServicesConfig(env: NodeJS.ProcessEnv = process.env): ServicesConfig {
  const file = env.KIZUNA_SERVICES;
  if (!file) return realServices;
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new AppError('validation', `KIZUNA_SERVICES points at ${file}, which could not be read as JSON (${(error as Error).message}). Fix the file or unset KIZUNA_SERVICES to use the real services.`);
  }
  const parsed = servicesConfigSchema.safeParse(raw);
  if (!parsed.success) {
    const where = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ');
    throw new AppError('validation', `KIZUNA_SERVICES file ${file} is not a services file (${where}). Write one with \`npm run emulators -- --write-services FILE\`.`);
  }
  return parsed.data;
}
