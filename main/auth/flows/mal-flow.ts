import { z } from 'zod';
import { AppError } from '../../../shared/contract';
import type { ServicesConfig } from '../../app/services-config';
import { createPkce } from '../pkce';
import { waitForBrowserAnswer } from './browser-step';
import { call, httpFailure, isoFromSeconds, parseAnswer, type CallResult } from './http';
import { resolveDeps, type FlowDeps, type ResolvedDeps, type SignInResult } from './types';

/**
 * MyAnimeList sign-in (API-NOTES §4 "Auth facts"): authorization code with PKCE, `plain` only ("Currently,
 * only the plain method is supported"), so the challenge is the verifier: a fresh one every time. The token
 * endpoint takes a form body; `client_secret` only for "Web" apps ("REQUIRED if your application has a Client
 * Secret; OMIT in all other cases"). The redirect URI must match a registered one exactly, so it is the fixed
 * loopback port. Lifetimes come from `expires_in` (the docs say one hour, responses say 31 days).
 */

export interface MalClientConfig {
  services: Pick<ServicesConfig, 'mal'>;
  clientId: string;
  /** Only for MAL apps of type "Web"; public apps ("Other") have none. */
  clientSecret?: string | null;
}

export interface MalSignInOptions extends FlowDeps, MalClientConfig {
  port?: number;
  timeoutMs?: number;
}

const tokenAnswer = z.object({
  token_type: z.string(),
  expires_in: z.number().int().positive(),
  access_token: z.string().min(1),
  refresh_token: z.string().min(1),
});

export async function signInMal(options: MalSignInOptions): Promise<SignInResult> {
  const deps = resolveDeps(options);
  const pkce = createPkce('plain');
  const { params, redirectUri } = await waitForBrowserAnswer(deps, {
    service: 'mal',
    port: options.port,
    timeoutMs: options.timeoutMs,
    mode: 'query',
    authorizeUrl: (redirect, state) =>
      `${options.services.mal.auth}/authorize?${new URLSearchParams({ response_type: 'code', client_id: options.clientId, state, redirect_uri: redirect, code_challenge: pkce.challenge, code_challenge_method: 'plain' })}`,
  });
  const code = params.get('code');
  if (!code) throw new AppError('unavailable', 'MyAnimeList sent the browser back without an authorization code (field "code"). Try signing in again.');
  const form = new URLSearchParams({ client_id: options.clientId, grant_type: 'authorization_code', code, redirect_uri: redirectUri, code_verifier: pkce.verifier });
  if (options.clientSecret) form.set('client_secret', options.clientSecret);
  const result = await tokenCall(deps, options, form, 'the token exchange');
  if (result.status !== 200) throw httpFailure('mal', 'the token exchange', result);
  deps.logger?.info('signed in', { service: 'mal' });
  return malResult(result, deps.now(), 'the token exchange');
}

export interface MalRefreshOptions extends Omit<FlowDeps, 'browser' | 'onPrompt'>, MalClientConfig {
  refreshToken: string;
}

/**
 * `grant_type=refresh_token` (API-NOTES §4). MAL's server revokes the old pair when it refreshes, so a
 * refresh token works once: callers refresh one at a time per account. A refused refresh token means the
 * person must sign in again.
 */
export async function refreshMalToken(options: MalRefreshOptions): Promise<SignInResult> {
  const deps = resolveDeps({ ...options, browser: { open: () => Promise.resolve(false) } });
  const form = new URLSearchParams({ client_id: options.clientId, grant_type: 'refresh_token', refresh_token: options.refreshToken });
  if (options.clientSecret) form.set('client_secret', options.clientSecret);
  const result = await tokenCall(deps, options, form, 'the token refresh');
  if (result.status === 400 || result.status === 401) {
    throw new AppError('unauthenticated', 'MyAnimeList no longer accepts this sign-in (the refresh token was refused). Sign in to MyAnimeList again.');
  }
  if (result.status !== 200) throw httpFailure('mal', 'the token refresh', result);
  deps.logger?.info('token refreshed', { service: 'mal' });
  return malResult(result, deps.now(), 'the token refresh');
}

function tokenCall(deps: ResolvedDeps, options: MalClientConfig, form: URLSearchParams, step: string): Promise<CallResult> {
  return call(deps, { service: 'mal', step, url: `${options.services.mal.auth}/token`, method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: form });
}

function malResult(result: CallResult, nowMs: number, step: string): SignInResult {
  const answer = parseAnswer(tokenAnswer, result.json, 'mal', step);
  return { service: 'mal', accessToken: answer.access_token, refreshToken: answer.refresh_token, expiresAt: isoFromSeconds(nowMs / 1000 + answer.expires_in) };
}
