import { GraphQLError, type SourceLocation } from 'graphql';
import { json, type EmulatorResponse } from '../common/http-types';

/**
 * AniList's error envelope. Every error carries an HTTP-like `status`, `locations` when it came from a place
 * in the query, and no `path` (AniList strips it). The HTTP status of the response is the first error's
 * status. Observed shapes, all with `"data": {<root field>: null}` or `null`:
 *
 * - expired or unknown token: `{"message":"Invalid token","status":400,"locations":[{"line":2,"column":3}]}`
 *   with `data: {"MediaListCollection": null}` (z411/trackma#555, 2021; RickDB/PlexAniSync#232, 2024).
 * - a missing record: `{"message":"Not Found.","status":404,"locations":[…]}` with `data: {"User": null}`
 *   (lowlighter/metrics#1643; AlexanderColen/Annie-May-Discord-Bot#78 saw HTTP 404).
 * - a query invalid for the schema: graphql's own message with `status: 400` and `locations`, `data: null`
 *   (docs.anilist.co/guide/graphql/errors).
 * - a failed mutation rule: `message: "validation"`, `status: 400`, `validation: {field: [messages]}` (same
 *   page; the messages are Laravel's, e.g. "The selected id is invalid." in erengy/taiga#614).
 * - no token where one is needed: `"Unauthorized."`, status 401 (the docs say all mutations need auth).
 */
export class AnilistError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly validation?: Record<string, string[]>,
  ) {
    super(message);
  }
}

export const invalidToken = () => new AnilistError('Invalid token', 400);
export const unauthorized = () => new AnilistError('Unauthorized.', 401);
export const notFound = () => new AnilistError('Not Found.', 404);
export const validationFailed = (validation: Record<string, string[]>) => new AnilistError('validation', 400, validation);

/** The whole API switched off, verbatim from wuon/openanime#34 (2026-08): HTTP 403, no locations, data null. */
export const API_DISABLED_MESSAGE = 'The AniList API has been temporarily disabled due to severe stability issues.';

/** What a request with no usable query gets, including a transport-level batch (AniList/docs#84). */
export const NO_QUERY_MESSAGE = 'No query or mutation provided. Please view https://anilist.co/graphiql to see available queries and mutations.';

export interface FormattedError {
  message: string;
  status: number;
  locations?: readonly SourceLocation[];
  validation?: Record<string, string[]>;
}

export function formatError(error: GraphQLError): FormattedError {
  const original = error.originalError;
  const anilist = original instanceof AnilistError ? original : undefined;
  // A resolver bug is not an AniList answer; say so with a 500 rather than dress it up.
  const status = anilist?.status ?? (original && !(original instanceof GraphQLError) ? 500 : 400);
  const formatted: FormattedError = { message: anilist?.message ?? error.message, status };
  if (error.locations && error.locations.length > 0) formatted.locations = error.locations;
  if (anilist?.validation) formatted.validation = anilist.validation;
  return formatted;
}

/** The HTTP answer for a GraphQL result: errors first, as AniList orders them; the status follows errors[0]. */
export function graphqlResponse(errors: readonly FormattedError[], data: unknown, headers: Record<string, string>, label: string): EmulatorResponse {
  const status = errors[0]?.status ?? 200;
  const body = errors.length > 0 ? { errors, data: data ?? null } : { data };
  return { ...json(status, body, headers), label };
}

/** A request-level failure (no query, unparsable body) in the same envelope. */
export function requestError(message: string, status: number, headers: Record<string, string>, label: string): EmulatorResponse {
  return graphqlResponse([{ message, status, locations: [{ line: 1, column: 1 }] }], null, headers, label);
}
