import type { z } from 'zod';
import { AppError } from '../../shared/contract/errors';

/** The names users see in messages; the ids are the ServiceFetch ones. */
export const serviceNames = { anilist: 'AniList', mal: 'MyAnimeList', trakt: 'Trakt', plex: 'Plex Media Server', plextv: 'plex.tv' } as const;

export type ProviderService = keyof typeof serviceNames;

/** `[3].movie.ids.trakt`: array indexes in brackets, as a developer would write the path. */
export function fieldPath(path: ReadonlyArray<PropertyKey>): string {
  return path.reduce<string>((text, part) => (typeof part === 'number' ? `${text}[${part}]` : text === '' ? String(part) : `${text}.${String(part)}`), '');
}

/**
 * Parses a service's answer with zod. Schemas tolerate unknown fields (services add fields without notice), so
 * only a missing or mistyped field we rely on fails, and then the error names the service, the request and the
 * field path: a changed API shows up as "Trakt answered GET /sync/watchlist without [0].movie.ids.trakt", not
 * as an undefined deep inside a sync run. Not retryable: asking again gets the same shape.
 */
export function parseResponse<S extends z.ZodType>(service: ProviderService, request: string, schema: S, data: unknown): z.output<S> {
  const result = schema.safeParse(data);
  if (result.success) return result.data;
  const issues = result.error.issues.map((issue) => ({ path: fieldPath(issue.path), message: issue.message }));
  const first = issues[0];
  const where = first ? (first.path === '' ? `an unexpected body (${first.message})` : `field "${first.path}" missing or invalid (${first.message})`) : 'an unreadable body';
  const more = issues.length > 1 ? ` and ${issues.length - 1} more problem${issues.length > 2 ? 's' : ''}` : '';
  const message = `${serviceNames[service]} answered ${request} with ${where}${more}. The service may have changed its API; check for a Kizuna update.`;
  throw new AppError('unavailable', message, { retryable: false, issues, cause: result.error });
}
