import { z } from 'zod';
import { AppError } from '../../../shared/contract';
import type { ServicesConfig } from '../../app/services-config';
import { waitForBrowserAnswer } from './browser-step';
import { call, httpFailure, isoFromSeconds, parseAnswer } from './http';
import { readJwt } from './jwt';
import { openInBrowser, resolveDeps, type FlowDeps, type SignInResult } from './types';

/**
 * AniList sign-in (API-NOTES §1 "Auth facts"): three ways, because AniList has no PKCE.
 * - Authorization code with the user's own client secret (the docs reserve it for a secret kept safely; a
 *   user's own app on their own machine qualifies; RFC 8252 §8.5 forbids shipping a shared one).
 * - The implicit grant (RFC 8252 §8.2 advises against it, but it is AniList's only secret-less browser grant):
 *   the token comes back in the fragment, which the loopback page relays.
 * - The pin page: the person copies the token and pastes it in.
 * Tokens are JWTs valid a year, with no refresh; expiry and user id come from the JWT.
 */

export interface AniListOptions extends FlowDeps {
  services: Pick<ServicesConfig, 'anilist'>;
  clientId: string;
  port?: number;
  timeoutMs?: number;
}

const tokenAnswer = z.object({ access_token: z.string().min(1), token_type: z.string().optional(), expires_in: z.number().optional() });

export async function signInAniListWithCode(options: AniListOptions & { clientSecret: string }): Promise<SignInResult> {
  const deps = resolveDeps(options);
  const auth = options.services.anilist.auth;
  const { params, redirectUri } = await waitForBrowserAnswer(deps, {
    service: 'anilist',
    port: options.port,
    timeoutMs: options.timeoutMs,
    mode: 'query',
    authorizeUrl: (redirect, state) => `${auth}/authorize?${new URLSearchParams({ client_id: options.clientId, redirect_uri: redirect, response_type: 'code', state })}`,
  });
  const code = params.get('code');
  if (!code) throw new AppError('unavailable', 'AniList sent the browser back without an authorization code (field "code"). Try signing in again.');
  // The docs give the exchange as a JSON body (API-NOTES §1 "Authorization code grant").
  const result = await call(deps, {
    service: 'anilist',
    step: 'the token exchange',
    url: `${auth}/token`,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ grant_type: 'authorization_code', client_id: options.clientId, client_secret: options.clientSecret, redirect_uri: redirectUri, code }),
  });
  if (result.status !== 200) throw httpFailure('anilist', 'the token exchange', result);
  const answer = parseAnswer(tokenAnswer, result.json, 'anilist', 'the token exchange');
  deps.logger?.info('signed in', { service: 'anilist', grant: 'authorization_code' });
  // Passport also sends a refresh_token, but AniList does not support refreshing: it is dropped.
  return aniListResult(answer.access_token, deps.now(), answer.expires_in, 'unavailable');
}

export async function signInAniListImplicit(options: AniListOptions): Promise<SignInResult> {
  const deps = resolveDeps(options);
  const auth = options.services.anilist.auth;
  const { params } = await waitForBrowserAnswer(deps, {
    service: 'anilist',
    port: options.port,
    timeoutMs: options.timeoutMs,
    mode: 'fragment',
    // No redirect_uri: the implicit grant goes to the registered one (API-NOTES §1 "Implicit grant").
    authorizeUrl: (_redirect, state) => `${auth}/authorize?${new URLSearchParams({ client_id: options.clientId, response_type: 'token', state })}`,
  });
  const token = params.get('access_token');
  if (!token) throw new AppError('unavailable', 'AniList sent the browser back without a token (field "access_token"). Try signing in again.');
  const expiresIn = Number(params.get('expires_in'));
  deps.logger?.info('signed in', { service: 'anilist', grant: 'implicit' });
  return aniListResult(token, deps.now(), Number.isFinite(expiresIn) && expiresIn > 0 ? expiresIn : undefined, 'unavailable');
}

/**
 * The pin variant's first half: opens AniList's authorize page for a client whose redirect is the pin URL
 * (API-NOTES §1 "Pin redirect"); AniList then shows the token. Returns the URL, also given to the prompt.
 */
export async function openAniListPinPage(options: Omit<AniListOptions, 'port' | 'timeoutMs'>): Promise<string> {
  const deps = resolveDeps(options);
  const url = `${options.services.anilist.auth}/authorize?${new URLSearchParams({ client_id: options.clientId, response_type: 'token' })}`;
  await openInBrowser(deps, 'anilist', url);
  return url;
}

/** The pin variant's second half: checks what the person pasted. Also takes a whole `…#access_token=…` URL. */
export function acceptAniListToken(pasted: string, now: () => number = Date.now): SignInResult {
  let token = pasted.trim();
  const fragment = /[#?&]access_token=([^&#\s]+)/.exec(token);
  if (fragment?.[1]) token = decodeURIComponent(fragment[1]);
  return aniListResult(token, now(), undefined, 'validation');
}

function aniListResult(token: string, nowMs: number, expiresIn: number | undefined, badCode: 'validation' | 'unavailable'): SignInResult {
  const payload = readJwt(token);
  if (!payload) {
    throw new AppError(badCode, badCode === 'validation' ? 'That is not an AniList access token: it should be one long line with two dots (a JWT). Copy the whole token from the AniList page and paste it again.' : 'AniList sent an access token that is not a JWT. Try signing in again.');
  }
  const expiresAt = payload.exp !== undefined ? payload.exp * 1000 : expiresIn !== undefined ? nowMs + expiresIn * 1000 : null;
  if (expiresAt !== null && expiresAt <= nowMs) {
    throw new AppError(badCode === 'validation' ? 'validation' : 'unauthenticated', `This AniList token expired on ${new Date(expiresAt).toISOString().slice(0, 10)}. Sign in again to get a new one.`);
  }
  const userId = payload.sub === undefined ? undefined : Number(payload.sub);
  return {
    service: 'anilist',
    accessToken: token,
    refreshToken: null,
    expiresAt: expiresAt === null ? null : isoFromSeconds(expiresAt / 1000),
    ...(userId !== undefined && Number.isInteger(userId) ? { extra: { userId } } : {}),
  };
}
