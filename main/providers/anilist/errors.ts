import { ClientError } from 'graphql-request';
import { AppError } from '../../../shared/contract';
import { anilistErrorSchema, type AnilistErrorData } from './schemas';

/**
 * AniList's answers as AppErrors. Errors can come with HTTP 200, so the body's `errors` decide, not the status
 * (API-NOTES §1 "Errors generally"). Each error carries an HTTP-like `status`; rule failures say
 * `message: "validation"` with `validation: {field: [messages]}`. The request pipeline (main/providers/http)
 * may already have turned 429s, 5xx and resets into AppErrors; those pass through unchanged.
 */

const RECONNECT = 'Reconnect AniList in Settings → Accounts.';

export function anilistErrors(body: unknown): AnilistErrorData[] {
  if (!Array.isArray(body)) return [];
  return body.flatMap((error) => {
    const parsed = anilistErrorSchema.safeParse(error);
    return parsed.success ? [parsed.data] : [];
  });
}

/** The AppError for a list of GraphQL errors (and the HTTP status they came with). */
export function fromGraphqlErrors(errors: AnilistErrorData[], httpStatus: number): AppError {
  const first = errors[0];
  if (!first) return fromStatus(httpStatus, undefined);
  if (first.message === 'validation' && first.validation) {
    const issues = Object.entries(first.validation).map(([path, messages]) => ({ path, message: messages.join(' ') }));
    const listed = issues.map((issue) => `${issue.path}: ${issue.message}`).join('; ');
    return new AppError('validation', `AniList refused the change (${listed}).`, { issues });
  }
  if (/^Max query complexity/.test(first.message)) {
    // The batch size is measured from the app's own documents (complexity.ts), so this is a bug in Kizuna.
    return new AppError('internal', `AniList refused a request as too complex ("${first.message}"). This is a bug in Kizuna; please report it.`);
  }
  if (first.message === 'Invalid token' || first.status === 401) {
    return new AppError('unauthenticated', `AniList refused the sign-in ("${first.message}"). ${RECONNECT}`);
  }
  return fromStatus(first.status ?? httpStatus, first.message);
}

function fromStatus(status: number, message: string | undefined): AppError {
  const said = message ? ` ("${message}")` : '';
  if (status === 401) return new AppError('unauthenticated', `AniList refused the sign-in${said}. ${RECONNECT}`);
  if (status === 404) return new AppError('not_found', `AniList has no such record${said}.`);
  if (status === 429) return new AppError('rate_limited', `AniList asked Kizuna to slow down${said}; it will try again shortly.`);
  // The "API temporarily disabled" answer is a 403 for everyone (API-NOTES §1 "API disabled").
  if (status === 403) return new AppError('unavailable', `AniList is not answering requests right now${said}. Try again later.`);
  if (status >= 500 || status === 0) return new AppError('unavailable', `AniList had a problem answering (HTTP ${status})${said}. Try again later.`);
  return new AppError('internal', `AniList refused a request from Kizuna${said}. This is likely a bug in Kizuna; please report it.`, { retryable: false });
}

/** Any failure from graphql-request or the fetch under it, as an AppError naming AniList. */
export function toAppError(error: unknown, signal?: AbortSignal): AppError {
  if (error instanceof AppError) return error;
  if (error instanceof ClientError) {
    const errors = anilistErrors(error.response.errors);
    if (errors.length > 0) return fromGraphqlErrors(errors, error.response.status);
    return fromStatus(error.response.status, undefined);
  }
  if (error instanceof SyntaxError) {
    return new AppError('unavailable', `AniList answered with a body that is not JSON (${error.message}). Try again later.`, { cause: error });
  }
  // The caller's abort may carry any reason (an Error, a string, AbortSignal.timeout()'s TimeoutError): ask the signal.
  if (signal?.aborted || (error instanceof Error && error.name === 'AbortError')) return new AppError('timeout', 'The AniList request was cancelled.', { retryable: false, cause: error });
  const message = error instanceof Error ? error.message : String(error);
  return new AppError('network', `Could not reach AniList (${message}).`, { cause: error });
}
