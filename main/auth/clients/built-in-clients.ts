import { z } from 'zod';
import { AppError } from '../../../shared/contract';

/**
 * API clients shipped with a build. Release builds inject them at build time (electron-vite `define` from the
 * KIZUNA_BUILT_IN_CLIENTS environment variable); the CLI and server read the same variable at run time; a
 * services file (KIZUNA_SERVICES, e.g. the demo's emulators) may name the clients registered with its hosts.
 * Trakt's 2026 rules have every user register their own app, so a build normally ships none for Trakt.
 */
const client = z.object({ clientId: z.string().min(1), clientSecret: z.string().min(1).optional() }).strict();

export const builtInClientsSchema = z
  .object({
    /** `pinClientId`: a second AniList client whose redirect is AniList's pin page, for the paste-the-token sign-in. */
    anilist: client.extend({ pinClientId: z.string().min(1).optional() }).strict().optional(),
    mal: client.optional(),
    trakt: client.optional(),
  })
  .strict();

export type BuiltInClients = z.infer<typeof builtInClientsSchema>;

declare const __KIZUNA_BUILT_IN_CLIENTS__: string | undefined;

function buildTimeValue(): string | undefined {
  return typeof __KIZUNA_BUILT_IN_CLIENTS__ === 'string' && __KIZUNA_BUILT_IN_CLIENTS__ !== '' ? __KIZUNA_BUILT_IN_CLIENTS__ : undefined;
}

export function parseBuiltInClients(text: string, where: string): BuiltInClients {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new AppError('validation', `${where} is not JSON (${(error as Error).message}). It should look like {"anilist":{"clientId":"…"}}.`);
  }
  const parsed = builtInClientsSchema.safeParse(raw);
  if (!parsed.success) {
    throw new AppError('validation', `${where} does not describe API clients (${parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ')}).`);
  }
  return parsed.data;
}

/** The services file's clients win (they belong to its hosts), then the environment, then the build. */
export function loadBuiltInClients(env: NodeJS.ProcessEnv, fromServicesFile: BuiltInClients | undefined): BuiltInClients {
  if (fromServicesFile) return fromServicesFile;
  if (env.KIZUNA_BUILT_IN_CLIENTS) return parseBuiltInClients(env.KIZUNA_BUILT_IN_CLIENTS, 'KIZUNA_BUILT_IN_CLIENTS');
  const built = buildTimeValue();
  return built ? parseBuiltInClients(built, 'The built-in client list of this build') : {};
}
