import { z } from 'zod';
import { AppError } from '../../../shared/contract';
import type { ServicesConfig } from '../../app/services-config';
import { call, httpFailure, isoFromSeconds, parseAnswer, type CallResult } from './http';
import { readJwt } from './jwt';
import { listPlexServers, plexHeaders, type PlexServer } from './plex-servers';
import { openInBrowser, resolveDeps, type FlowDeps, type SignInResult } from './types';

/**
 * Plex sign-in with a PIN (API-NOTES §2 "Legacy PIN flow", still how the first token is obtained): create a
 * strong PIN, open the auth app with the PIN in the URL fragment, poll the PIN about once a second until it
 * carries a token or expires, then list the servers with their own tokens.
 */

export interface PlexSignInOptions extends FlowDeps {
  services: Pick<ServicesConfig, 'plextv'>;
  /** X-Plex-Client-Identifier: stable per install (API-NOTES §2 "Headers"); PINs are bound to it. */
  clientIdentifier: string;
  pollIntervalMs?: number;
}

export type PlexSignInResult = SignInResult & { servers: PlexServer[] };

const pinAnswer = z.object({
  id: z.number().int(),
  code: z.string().min(1),
  expiresIn: z.number().optional(),
  expiresAt: z.string().optional(),
  authToken: z.string().nullable().optional(),
});

export async function signInPlex(options: PlexSignInOptions): Promise<PlexSignInResult> {
  const deps = resolveDeps(options);
  const api = options.services.plextv.api;
  const headers = plexHeaders(options.clientIdentifier);
  const created = await call(deps, { service: 'plex', step: 'the PIN request', url: `${api}/pins?strong=true`, method: 'POST', headers });
  if (created.status !== 201 && created.status !== 200) throw httpFailure('plex', 'the PIN request', created);
  const pin = parseAnswer(pinAnswer, created.json, 'plex', 'the PIN request');
  const lifetimeMs = (pin.expiresIn ?? 900) * 1000;
  const deadline = deps.now() + lifetimeMs;

  // The parameters go in the fragment (API-NOTES §2 step 2), with context[device][product] bracket-encoded.
  const fragment = `clientID=${encodeURIComponent(options.clientIdentifier)}&code=${encodeURIComponent(pin.code)}&context%5Bdevice%5D%5Bproduct%5D=Kizuna`;
  await openInBrowser(deps, 'plex', `${options.services.plextv.auth}#?${fragment}`);

  const interval = options.pollIntervalMs ?? 1000;
  for (;;) {
    await deps.sleep(interval, deps.signal);
    if (deps.now() >= deadline) throw expired();
    let result: CallResult;
    try {
      result = await call(deps, { service: 'plex', step: 'the PIN check', url: `${api}/pins/${pin.id}`, headers });
    } catch (error) {
      if (error instanceof AppError && error.code === 'network') continue;
      throw error;
    }
    // plex.tv forgets a PIN once it expires: 404 "Code not found or expired".
    if (result.status === 404) throw expired();
    if (result.status >= 500) continue;
    if (result.status !== 200) throw httpFailure('plex', 'the PIN check', result);
    const polled = parseAnswer(pinAnswer, result.json, 'plex', 'the PIN check');
    if (!polled.authToken) continue;
    const token = polled.authToken;
    deps.logger?.info('signed in', { service: 'plex' });
    const servers = await listPlexServers(deps, api, options.clientIdentifier, token);
    // Legacy tokens do not expire; the newer JWT tokens last 7 days and say so in `exp`.
    const exp = readJwt(token)?.exp;
    return { service: 'plex', accessToken: token, refreshToken: null, expiresAt: exp === undefined ? null : isoFromSeconds(exp), servers };
  }
}

function expired(): AppError {
  return new AppError('timeout', 'The Plex sign-in code expired before it was approved. Start connecting Plex again.');
}
