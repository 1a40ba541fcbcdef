import type { Account } from '../../../shared/contract';
import { accountIdFor, toPublic, upsertAccount } from '../../db/accounts-repository';
import type { PlexServer } from '../flows/plex-servers';
import type { SignInResult } from '../flows/types';
import type { RunnerDeps } from './sign-in-runner';
import { MANUAL_PLEX_PREFIX, readSelectedLibraries, rememberPlexServers, type PlexSetupDeps } from './plex-setup';
import { readProfile, type Profile } from './profiles';
import { writeTokens } from './stored-tokens';

/**
 * Keeps a finished sign-in: reads who it is (a token that cannot read the profile is never stored), puts
 * the tokens in the secret store under the account's key, then writes the account row. The same service
 * user signing in again updates that one row and clears "needs sign-in".
 */
export async function saveSignIn(
  deps: RunnerDeps & PlexSetupDeps,
  result: SignInResult,
  servers?: readonly PlexServer[],
  signal?: AbortSignal,
  manualServer?: PlexServer,
): Promise<Account> {
  const profile: Profile = manualServer
    ? { externalUserId: `${MANUAL_PLEX_PREFIX}${manualServer.machineIdentifier}`, userName: manualServer.name, avatarUrl: null }
    : await readProfile(result.service, result.accessToken, {
        services: deps.services,
        traktClientId: result.service === 'trakt' ? (await deps.clients.resolve('trakt')).clientId : undefined,
        plexClientIdentifier: deps.plexClientIdentifier(),
        logger: deps.logger,
        signal,
        fetchImpl: deps.fetchImpl,
      });
  const id = accountIdFor(result.service, profile.externalUserId);
  await writeTokens(deps.secrets, id, { accessToken: result.accessToken, refreshToken: result.refreshToken, expiresAt: result.expiresAt });
  let stored;
  try {
    stored = upsertAccount(deps.db, { service: result.service, externalUserId: profile.externalUserId, userName: profile.userName, avatarUrl: profile.avatarUrl, tokenExpiresAt: result.expiresAt });
  } catch (error) {
    await deps.secrets.delete(id).catch(() => false);
    throw error;
  }
  deps.pipelines.forget(id);
  if (servers) {
    await rememberPlexServers(deps, stored, servers);
    // Best effort: a server that does not answer is recorded with its problem, and the sign-in still counts.
    await readSelectedLibraries(deps, stored);
  }
  return toPublic(stored);
}
