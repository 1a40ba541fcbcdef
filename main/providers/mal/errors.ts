import { AppError } from '../../../shared/contract';
import { malErrorSchema } from './schemas';

/**
 * MyAnimeList's refusals as AppErrors (API-NOTES §4 "Errors": 400 invalid parameters, 401 invalid_token, 403
 * "DoS detected", 404). The request pipeline (main/providers/http) may already have turned some of these
 * into AppErrors; those pass through the client unchanged.
 */

const RECONNECT = 'Reconnect MyAnimeList in Settings → Accounts.';

export function fromStatus(status: number, body: unknown, what: string): AppError {
  const parsed = malErrorSchema.safeParse(body);
  const detail = parsed.success ? parsed.data.message || parsed.data.error : undefined;
  const said = detail ? ` ("${detail}")` : '';
  if (status === 401) return new AppError('unauthenticated', `MyAnimeList refused the sign-in${said}. ${RECONNECT}`);
  // MAL's only documented throttle answer (API-NOTES §4 "Rate limits"): back off and try again later.
  if (status === 403) return new AppError('rate_limited', `MyAnimeList refused ${what} as too many requests${said}; Kizuna will slow down and try again.`);
  if (status === 404) return new AppError('not_found', `MyAnimeList has no such title (${what}).`);
  if (status === 400) return new AppError('validation', `MyAnimeList refused ${what}${said}.`);
  if (status === 429) return new AppError('rate_limited', `MyAnimeList asked Kizuna to slow down (${what}); it will try again shortly.`);
  if (status >= 500) return new AppError('unavailable', `MyAnimeList had a problem answering ${what} (HTTP ${status}). Try again later.`);
  return new AppError('internal', `MyAnimeList answered ${what} with HTTP ${status}${said}. This is likely a bug in Kizuna; please report it.`, { retryable: false });
}

/** A failure below HTTP (the fetch itself), unless the pipeline already made it an AppError. */
export function fromTransport(error: unknown, what: string): AppError {
  if (error instanceof AppError) return error;
  const cause = (error as { cause?: unknown }).cause;
  if (cause instanceof AppError) return cause;
  const name = (error as { name?: string; code?: string }).code === 'ERR_CANCELED' || (error as Error).name === 'AbortError' ? 'cancel' : 'other';
  if (name === 'cancel') return new AppError('timeout', `The MyAnimeList request (${what}) was cancelled.`, { retryable: false, cause: error });
  return new AppError('network', `Could not reach MyAnimeList (${what}: ${(error as Error).message ?? String(error)}).`, { cause: error });
}
