import type { z } from 'zod';
import { AppError } from '../../../shared/contract';

/**
 * Responses are parsed with zod (issue 4: "unknown extra fields are tolerated; a missing required field is a
 * clear error naming the service and field"). The schemas are plain z.object (zod strips unknown keys, never
 * rejects them); this turns a failure into an AppError that says which service sent what.
 *
 * Code `unavailable`, not retryable: the service is up but answering in a shape the app does not know, and
 * asking again will not change that. `internal` would blame the app for the service's answer.
 */
export function parseResponse<T>(service: string, schema: z.ZodType<T>, value: unknown, what: string): T {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues.map((issue) => ({ path: fieldPath(issue.path), message: issue.message }));
  const first = parsed.error.issues[0];
  const path = issues[0]?.path || '(the whole answer)';
  const missing = first?.code === 'invalid_type' && /received undefined/.test(first.message);
  const more = issues.length > 1 ? ` and ${issues.length - 1} more problem${issues.length > 2 ? 's' : ''}` : '';
  const message = missing
    ? `${service} answered ${what} without ${path}${more}. The service may have changed; try again later or update Kizuna.`
    : `${service} answered ${what} with an unexpected ${path} (${first?.message ?? 'invalid'})${more}. The service may have changed; try again later or update Kizuna.`;
  return fail(new AppError('unavailable', message, { retryable: false, issues }));
}

/** `lists[0].entries[3].media.id`: indexes in brackets, as a developer would write the path. */
export function fieldPath(path: ReadonlyArray<PropertyKey>): string {
  return path.reduce<string>((text, part) => (typeof part === 'number' ? `${text}[${part}]` : text === '' ? String(part) : `${text}.${String(part)}`), '');
}

function fail(error: AppError): never {
  throw error;
}
