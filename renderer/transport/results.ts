import { isEventName, events, retryableByDefault, type ErrorCode, type Result } from '../../shared/contract';

/** A failed Result made on this side of the boundary, so callers handle it like any other error. */
export function failure(code: ErrorCode, message: string): Result<never> {
  return { ok: false, error: { code, message, retryable: retryableByDefault[code] } };
}

export function describeThrown(error: unknown): string {
  if (error instanceof Error && error.message) return error.message;
  return String(error);
}

/**
 * Checks a pushed payload against the contract before any store trusts it: the typed client casts payloads,
 * so this is the one place a malformed event can be caught. Unknown event names pass through untouched so
 * a newer core can add events without breaking an older window.
 */
export function checkEventPayload(event: string, payload: unknown): { ok: true; payload: unknown } | { ok: false } {
  if (!isEventName(event)) return { ok: true, payload };
  const parsed = events[event].safeParse(payload);
  if (parsed.success) return { ok: true, payload: parsed.data };
  console.warn(`Ignored a '${event}' event whose payload does not match the contract`, parsed.error.issues);
  return { ok: false };
}
