import { z } from 'zod';
import { AppError } from '../../../shared/contract';
import type { ServicesConfig } from '../../app/services-config';
import { createPkce, type Pkce } from '../pkce';
import { call, httpFailure, isoFromSeconds, parseAnswer, type CallResult } from './http';
import { openInBrowser, resolveDeps, type FlowDeps, type ResolvedDeps, type SignInResult } from './types';

/**
 * Trakt sign-in by device code (API-NOTES §3 "Device flow"): no redirect URI to register and no listener,
 * which suits the CLI on a server as well as the desktop. Every OAuth call goes to the auth host
 * (auth.trakt.tv, "Do not use the API hostname"), with credentials in the JSON body (no HTTP Basic,
 * trakt-api#903). Without a client secret the flow proves itself with PKCE S256 instead (trakt-api#367;
 * RFC 7636 §4.2: use S256 where the client can).
 */

export interface TraktClientConfig {
  services: Pick<ServicesConfig, 'trakt'>;
  clientId: string;
  /** The user's own app secret (Trakt's 2026 rules have users register their own app); absent: PKCE. */
  clientSecret?: string | null;
}

export type TraktSignInOptions = FlowDeps & TraktClientConfig;

/** RFC 8628 §3.5: on "slow down", add 5 seconds to the polling interval for this and all later polls. */
const SLOW_DOWN_MS = 5000;
/** What Trakt's device flow may use as the redirect URI when refreshing: the out-of-band value (API-NOTES §3). */
export const TRAKT_OOB_REDIRECT = 'urn:ietf:wg:oauth:2.0:oob';

const deviceAnswer = z.object({
  device_code: z.string().min(1),
  user_code: z.string().min(1),
  verification_url: z.string().url(),
  expires_in: z.number().positive(),
  interval: z.number().positive(),
});

const tokenAnswer = z.object({
  access_token: z.string().min(1),
  token_type: z.string(),
  expires_in: z.number().positive(),
  refresh_token: z.string().min(1),
  scope: z.string().optional(),
  created_at: z.number().int().positive(),
});

function headers(clientId: string): Record<string, string> {
  return { 'content-type': 'application/json', 'trakt-api-version': '2', 'trakt-api-key': clientId };
}

function credentials(options: TraktClientConfig): Record<string, string> {
  return options.clientSecret ? { client_id: options.clientId, client_secret: options.clientSecret } : { client_id: options.clientId };
}

export async function signInTrakt(options: TraktSignInOptions): Promise<SignInResult> {
  const deps = resolveDeps(options);
  const auth = options.services.trakt.auth;
  const pkce: Pkce | undefined = options.clientSecret ? undefined : createPkce('S256');
  const started = await call(deps, {
    service: 'trakt',
    step: 'the device code request',
    url: `${auth}/oauth/device/code`,
    method: 'POST',
    headers: headers(options.clientId),
    body: JSON.stringify({ client_id: options.clientId, ...(pkce ? { code_challenge: pkce.challenge, code_challenge_method: pkce.method } : {}) }),
  });
  if (started.status !== 200) throw httpFailure('trakt', 'the device code request', started);
  const device = parseAnswer(deviceAnswer, started.json, 'trakt', 'the device code request');
  const deadline = deps.now() + device.expires_in * 1000;
  deps.prompt({
    kind: 'device-code',
    service: 'trakt',
    userCode: device.user_code,
    verificationUrl: device.verification_url,
    expiresAt: new Date(deadline).toISOString(),
    message: `To connect Trakt, open ${device.verification_url} and enter the code ${device.user_code}.`,
  });
  await openInBrowser(deps, 'trakt', device.verification_url);

  const body = JSON.stringify({ code: device.device_code, ...credentials(options), ...(pkce ? { code_verifier: pkce.verifier } : {}) });
  let intervalMs = device.interval * 1000;
  for (;;) {
    await deps.sleep(intervalMs, deps.signal);
    if (deps.now() >= deadline) throw expired();
    let result: CallResult;
    try {
      result = await call(deps, { service: 'trakt', step: 'the device code check', url: `${auth}/oauth/device/token`, method: 'POST', headers: headers(options.clientId), body });
    } catch (error) {
      // A dropped connection mid-poll is not the end of the sign-in: keep polling until the code expires.
      if (error instanceof AppError && error.code === 'network') {
        deps.logger?.warn('device code check failed; polling on', { service: 'trakt' });
        continue;
      }
      throw error;
    }
    switch (result.status) {
      case 200:
        deps.logger?.info('signed in', { service: 'trakt', grant: 'device_code' });
        return traktResult(result, 'the device code check');
      case 400: // pending: the person has not entered the code yet
        continue;
      case 429:
        intervalMs += SLOW_DOWN_MS;
        deps.logger?.info('device code polling slowed down', { service: 'trakt', intervalMs });
        continue;
      case 404:
        throw new AppError('not_found', 'Trakt does not recognise this sign-in code. Start connecting Trakt again.');
      case 409:
        throw new AppError('conflict', 'This Trakt sign-in code has already been used. Start connecting Trakt again.');
      case 410:
        throw expired();
      case 418:
        throw new AppError('forbidden', 'The Trakt sign-in was denied on the activation page. Start again when you want to connect Trakt.');
      default:
        if (result.status >= 500) continue;
        throw httpFailure('trakt', 'the device code check', result);
    }
  }
}

function expired(): AppError {
  return new AppError('timeout', 'The Trakt sign-in code expired before it was entered. Start connecting Trakt again and enter the new code.');
}

export interface TraktTokenOptions extends Omit<FlowDeps, 'browser' | 'onPrompt'>, TraktClientConfig {}

function resolveQuiet(options: TraktTokenOptions): ResolvedDeps {
  return resolveDeps({ ...options, browser: { open: () => Promise.resolve(false) } });
}

/**
 * Trakt refresh tokens are single use (API-NOTES §3, commit 34722547): each refresh returns a new pair and
 * voids the old refresh token. Callers MUST serialise refreshes per account and store the new refresh token
 * before anything else may refresh; two concurrent refreshes with one token sign the account out.
 */
export async function refreshTraktToken(options: TraktTokenOptions & { refreshToken: string; redirectUri?: string }): Promise<SignInResult> {
  const deps = resolveQuiet(options);
  const result = await call(deps, {
    service: 'trakt',
    step: 'the token refresh',
    url: `${options.services.trakt.auth}/oauth/token`,
    method: 'POST',
    headers: headers(options.clientId),
    body: JSON.stringify({ refresh_token: options.refreshToken, ...credentials(options), redirect_uri: options.redirectUri ?? TRAKT_OOB_REDIRECT, grant_type: 'refresh_token' }),
  });
  if (result.status === 400) throw new AppError('unauthenticated', 'Trakt no longer accepts this sign-in (the refresh token was used or revoked). Connect Trakt again.');
  if (result.status !== 200) throw httpFailure('trakt', 'the token refresh', result);
  deps.logger?.info('token refreshed', { service: 'trakt' });
  return traktResult(result, 'the token refresh');
}

/** POST /oauth/revoke (RFC 7009): Trakt answers 200 whether or not it knew the token. */
export async function revokeTraktToken(options: TraktTokenOptions & { token: string }): Promise<void> {
  const deps = resolveQuiet(options);
  const result = await call(deps, {
    service: 'trakt',
    step: 'signing out',
    url: `${options.services.trakt.auth}/oauth/revoke`,
    method: 'POST',
    headers: headers(options.clientId),
    body: JSON.stringify({ token: options.token, ...credentials(options) }),
  });
  if (result.status !== 200) throw httpFailure('trakt', 'signing out', result);
  deps.logger?.info('token revoked', { service: 'trakt' });
}

function traktResult(result: CallResult, step: string): SignInResult {
  const answer = parseAnswer(tokenAnswer, result.json, 'trakt', step);
  return {
    service: 'trakt',
    accessToken: answer.access_token,
    refreshToken: answer.refresh_token,
    // "Always use created_at + expires_in" (API-NOTES, Trakt policy changes in 2026): the lifetime keeps changing.
    expiresAt: isoFromSeconds(answer.created_at + answer.expires_in),
    ...(answer.scope ? { scope: answer.scope } : {}),
  };
}
