import { AppError } from '../../../shared/contract/errors';
import type { ServiceId } from './service-fetch';

/**
 * The AppErrors the request pipeline lets out. Each says which service, what happened and what the user can
 * do, because these messages reach the screen as they are (DESIGN §3: errors cross as data).
 */

export const serviceNames: Record<ServiceId, string> = {
  anilist: 'AniList',
  mal: 'MyAnimeList',
  trakt: 'Trakt',
  plex: 'Your Plex server',
  plextv: 'plex.tv',
};

export function signInAgainError(service: ServiceId): AppError {
  const name = serviceNames[service];
  return new AppError('unauthenticated', `${name} needs you to sign in again: it no longer accepts Kizuna's access. Reconnect it in Settings → Accounts; other accounts keep syncing.`);
}

export function rateLimitedError(service: ServiceId, options: { waitMs: number; cloudflare: boolean; now: number }): AppError {
  const name = serviceNames[service];
  const wait = describeWait(options.waitMs);
  const at = new Date(options.now + options.waitMs).toISOString().slice(11, 16);
  const message = options.cloudflare
    ? `${name}'s firewall (Cloudflare) is refusing requests for ${wait} because too many were sent. Kizuna will try again after ${at} UTC; nothing was lost.`
    : `${name} asked Kizuna to slow down and wait ${wait}. Kizuna will try again after ${at} UTC; nothing was lost.`;
  return new AppError('rate_limited', message, { retryable: true });
}

export function throttledTooOftenError(service: ServiceId, status: number): AppError {
  const name = serviceNames[service];
  return new AppError('rate_limited', `${name} kept refusing requests as too many (HTTP ${status}). Kizuna will try again later; nothing was lost.`, { retryable: true });
}

const unavailableTails = {
  retried: 'Kizuna retried and will try again later.',
  'not-retried': 'Try again later.',
  'write-not-repeated': 'Kizuna did not repeat this change, since it may have been saved; the next sync checks.',
} as const;

export function unavailableError(service: ServiceId, status: number, why: keyof typeof unavailableTails): AppError {
  const name = serviceNames[service];
  const tail = unavailableTails[why];
  return new AppError('unavailable', `${name} is having trouble (HTTP ${status}). ${tail}`, { retryable: true });
}

export function apiDisabledError(service: ServiceId, detail: string): AppError {
  const name = serviceNames[service];
  return new AppError('unavailable', `${name} has switched its API off for now ("${detail}"). Try again later; nothing was lost.`, { retryable: true });
}

export function networkError(service: ServiceId, cause: unknown): AppError {
  const name = serviceNames[service];
  return new AppError('network', `Could not reach ${name} (${describeCause(cause)}). Check the internet connection; Kizuna will try again.`, { cause, retryable: true });
}

export function timeoutError(service: ServiceId, timeoutMs: number, cause: unknown): AppError {
  const name = serviceNames[service];
  return new AppError('timeout', `${name} did not answer within ${describeWait(timeoutMs)}. It may be slow or down; Kizuna will try again later.`, { cause, retryable: true });
}

function describeWait(ms: number): string {
  const seconds = Math.max(1, Math.ceil(ms / 1000));
  if (seconds < 120) return `${seconds} s`;
  return `${Math.ceil(seconds / 60)} minutes`;
}

/** Node's fetch says "fetch failed" and hides the useful part in `cause.code` (ECONNRESET, ENOTFOUND…). */
export function describeCause(error: unknown): string {
  const code = errorCode(error);
  if (code) return code;
  return error instanceof Error ? error.message : String(error);
}

export function errorCode(error: unknown): string | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 4 && current && typeof current === 'object'; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string') return code;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}
