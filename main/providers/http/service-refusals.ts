import type { ServiceId } from './service-fetch';

/**
 * Answers that are not about rate or health but about the account or the whole API, which some services
 * hide in a body rather than a status:
 *
 * - AniList answers an expired or unknown token with HTTP 400 and `errors[0].message` "Invalid token"
 *   (test/emulators/anilist/errors.ts cites z411/trackma#555 and RickDB/PlexAniSync#232), and a missing
 *   one with 401 "Unauthorized.".
 * - AniList's "API temporarily disabled" is HTTP 403 with that message (API-NOTES §1 "API disabled").
 * - Plex's JWT tokens expire with 498 (API-NOTES §2 "JWT auth"); everyone else says 401.
 */
export type Refusal = { kind: 'sign-in' } | { kind: 'api-disabled'; detail: string } | undefined;

export function readRefusal(service: ServiceId, status: number, body: ArrayBuffer): Refusal {
  if (status === 401) return { kind: 'sign-in' };
  if ((service === 'plex' || service === 'plextv') && status === 498) return { kind: 'sign-in' };
  if (service !== 'anilist' || (status !== 400 && status !== 403)) return undefined;
  const message = firstGraphqlError(body);
  if (message === undefined) return undefined;
  if (status === 400 && message === 'Invalid token') return { kind: 'sign-in' };
  if (status === 403 && /temporarily disabled/i.test(message)) return { kind: 'api-disabled', detail: message };
  return undefined;
}

function firstGraphqlError(body: ArrayBuffer): string | undefined {
  try {
    const parsed = JSON.parse(new TextDecoder().decode(body)) as { errors?: Array<{ message?: unknown }> };
    const message = parsed.errors?.[0]?.message;
    return typeof message === 'string' ? message : undefined;
  } catch {
    return undefined;
  }
}
