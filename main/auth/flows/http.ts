import type { z } from 'zod';
import { AppError } from '../../../shared/contract';
import { serviceLabel, type ResolvedDeps, type SignInService } from './types';

/**
 * The few HTTP calls of a sign-in. Plain fetch, not the request pipeline: these happen once per sign-in and
 * must not wait behind list traffic. Error messages name the service and the step and never carry a body
 * that could hold a token.
 */

export interface CallOptions {
  service: SignInService;
  /** The step, for messages: "the token exchange", "the PIN request"… */
  step: string;
  url: string;
  method?: 'GET' | 'POST';
  headers?: Record<string, string>;
  body?: string | URLSearchParams;
}

export interface CallResult {
  status: number;
  /** Parsed JSON, or undefined when the body was not JSON. */
  json: unknown;
}

export async function call(deps: ResolvedDeps, options: CallOptions): Promise<CallResult> {
  const label = serviceLabel[options.service];
  let response: Response;
  try {
    response = await deps.fetch(options.url, {
      method: options.method ?? 'GET',
      headers: { accept: 'application/json', ...options.headers },
      body: options.body,
      signal: deps.signal,
      redirect: 'error',
    });
  } catch (error) {
    if (deps.signal?.aborted) throw deps.signal.reason;
    const origin = new URL(options.url).origin;
    throw new AppError('network', `Could not reach ${label} (${origin}) for ${options.step}: ${(error as Error).message}. Check the connection and try again.`, { cause: error });
  }
  const text = await response.text();
  let json: unknown;
  try {
    json = text === '' ? undefined : JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: response.status, json };
}

/** Parses with zod; a malformed answer names the service, the step and the first offending field. */
export function parseAnswer<T>(schema: z.ZodType<T>, value: unknown, service: SignInService, step: string): T {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const field = issue && issue.path.length > 0 ? issue.path.join('.') : '(the whole answer)';
  throw new AppError('unavailable', `${serviceLabel[service]} sent an unexpected answer to ${step}: field "${field}" ${issue?.message ?? 'is invalid'}.`, { retryable: false });
}

/** An OAuth error body's readable part (RFC 6749 §5.2 `error`/`error_description`, league's `message`/`hint`). */
export function oauthErrorText(json: unknown): string {
  if (typeof json !== 'object' || json === null) return '';
  const body = json as Record<string, unknown>;
  const parts = [body.error, body.error_description ?? body.hint ?? body.message].filter((part): part is string => typeof part === 'string' && part !== '');
  return parts.join(': ').slice(0, 300);
}

export function httpFailure(service: SignInService, step: string, result: CallResult): AppError {
  const label = serviceLabel[service];
  const detail = oauthErrorText(result.json);
  const suffix = detail ? ` (${detail})` : '';
  if (result.status === 401) return new AppError('unauthenticated', `${label} refused ${step}: HTTP 401${suffix}. Check the client ID and secret in Settings → Accounts.`);
  if (result.status === 429) return new AppError('rate_limited', `${label} is rate limiting ${step}: HTTP 429. Wait a minute and try again.`);
  if (result.status >= 500) return new AppError('unavailable', `${label} failed during ${step}: HTTP ${result.status}. Try again later.`);
  return new AppError('unauthenticated', `${label} refused ${step}: HTTP ${result.status}${suffix}.`);
}

export function isoFromSeconds(seconds: number): string {
  return new Date(seconds * 1000).toISOString();
}
