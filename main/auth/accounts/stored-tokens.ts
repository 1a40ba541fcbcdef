import { z } from 'zod';
import { AppError } from '../../../shared/contract';
import type { SecretStore } from '../../app/ports';

/**
 * What one account keeps in the secret store, as one JSON value under the account's secret key: the
 * tokens, and for Plex each server's own access token. Nothing here is ever written anywhere else.
 */
export const storedTokensSchema = z.object({
  accessToken: z.string().min(1),
  refreshToken: z.string().min(1).nullable(),
  expiresAt: z.string().nullable(),
  /** Plex: machineIdentifier -> that server's token. */
  serverTokens: z.record(z.string(), z.string()).optional(),
});

export type StoredTokens = z.infer<typeof storedTokensSchema>;

export async function readTokens(secrets: Pick<SecretStore, 'get'>, key: string): Promise<StoredTokens | null> {
  const text = await secrets.get(key);
  if (text === null) return null;
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw damaged();
  }
  const parsed = storedTokensSchema.safeParse(raw);
  if (!parsed.success) throw damaged();
  return parsed.data;
}

export function writeTokens(secrets: SecretStore, key: string, tokens: StoredTokens): Promise<void> {
  return secrets.set(key, JSON.stringify(storedTokensSchema.parse(tokens)));
}

function damaged(): AppError {
  return new AppError('unauthenticated', 'The saved sign-in for this account could not be read (the secret store holds something else). Connect the account again.');
}
