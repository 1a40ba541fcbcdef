import { type GraphQLError, Kind, OperationTypeNode, execute, parse, validate, type DocumentNode, type OperationDefinitionNode } from 'graphql';
import type { Clock } from '../common/clock';
import { bearerToken, json, parseFormBody, parseJsonBody, type EmulatorRequest, type EmulatorResponse } from '../common/http-types';
import { complexityErrorMessage, findOperation, queryComplexity } from './complexity';
import { createContext } from './context';
import { API_DISABLED_MESSAGE, NO_QUERY_MESSAGE, formatError, graphqlResponse, requestError } from './errors';
import type { AnilistLimits } from './options';
import { TOO_MANY_REQUESTS_BODY, type RateLimiter } from './rate-limit';
import { anilistSchema } from './schema';
import type { AnilistState } from './state';

/**
 * POST https://graphql.anilist.co: rate limit, then parse, validate against the real schema, check query
 * complexity, execute. Each failure answers in AniList's envelope (errors.ts) and the response is labelled
 * with the operation name so the request log counts operations, not just POSTs.
 *
 * The body is `{query, variables, operationName}` as JSON (or a form, or GET parameters). Anything without
 * a usable `query`, including a JSON array of operations, gets "No query or mutation provided…": AniList
 * does not support transport-level batching (AniList/docs#84).
 */

export interface GraphqlDeps {
  state: AnilistState;
  limiter: RateLimiter;
  limits: AnilistLimits;
  clock: Clock;
  baseUrl(): string;
}

interface Params {
  query?: string;
  variables: Record<string, unknown>;
  operationName?: string;
}

/** Whose budget a request spends: its token, or the caller's address when anonymous. */
export function rateKey(request: EmulatorRequest): string {
  const token = bearerToken(request);
  if (token) return `token:${token}`;
  const forwarded = request.headers['x-forwarded-for'];
  return `ip:${(Array.isArray(forwarded) ? forwarded[0] : forwarded)?.split(',')[0]?.trim() || '127.0.0.1'}`;
}

export function tooManyRequests(request: EmulatorRequest, deps: GraphqlDeps): EmulatorResponse {
  return { ...json(429, TOO_MANY_REQUESTS_BODY, deps.limiter.refuse(rateKey(request))), label: labelOf(readParams(request)) };
}

export async function handleGraphql(request: EmulatorRequest, deps: GraphqlDeps): Promise<EmulatorResponse> {
  const params = readParams(request);
  if (deps.limits.disabled) return graphqlResponse([{ message: API_DISABLED_MESSAGE, status: 403 }], null, {}, labelOf(params));
  const admission = deps.limiter.admit(rateKey(request));
  if (!admission.allowed) return { ...json(429, TOO_MANY_REQUESTS_BODY, admission.headers), label: labelOf(params) };
  const headers = admission.headers;
  if (!params?.query) return requestError(NO_QUERY_MESSAGE, 400, headers, labelOf(params));

  let document: DocumentNode;
  try {
    document = parse(params.query);
  } catch (error) {
    return graphqlResponse([formatError(error as GraphQLError)], null, headers, labelOf(params));
  }
  const operation = findOperation(document, params.operationName);
  const label = labelOf(params, operation);
  const schema = anilistSchema();
  const invalid = validate(schema, document);
  if (invalid.length > 0) return graphqlResponse(invalid.map(formatError), null, headers, label);

  if (operation) {
    if (request.method === 'GET' && operation.operation !== OperationTypeNode.QUERY) {
      return graphqlResponse([{ message: 'GET supports only query operation', status: 400 }], null, headers, label);
    }
    const cost = queryComplexity(document, operation, params.variables);
    // Reported by the validation rule, so no locations and no data.
    if (cost > deps.limits.maxComplexity) return graphqlResponse([{ message: complexityErrorMessage(deps.limits.maxComplexity, cost), status: 400 }], null, headers, label);
  }

  const contextValue = createContext(request, deps.state, deps.clock, deps.baseUrl());
  const result = await execute({ schema, document, contextValue, variableValues: params.variables, operationName: params.operationName });
  return graphqlResponse((result.errors ?? []).map(formatError), result.data ?? null, headers, label);
}

function readParams(request: EmulatorRequest): Params | undefined {
  let raw: Record<string, unknown>;
  if (request.method === 'GET') {
    raw = Object.fromEntries(request.url.searchParams);
  } else if (String(request.headers['content-type'] ?? '').includes('application/x-www-form-urlencoded')) {
    raw = Object.fromEntries(parseFormBody(request));
  } else {
    const parsed = parseJsonBody(request);
    if (!parsed.ok || typeof parsed.value !== 'object' || parsed.value === null || Array.isArray(parsed.value)) return undefined;
    raw = parsed.value as Record<string, unknown>;
  }
  let variables = raw.variables;
  if (typeof variables === 'string') {
    try {
      variables = JSON.parse(variables) as unknown;
    } catch {
      variables = undefined;
    }
  }
  return {
    query: typeof raw.query === 'string' && raw.query.trim() !== '' ? raw.query : undefined,
    variables: typeof variables === 'object' && variables !== null && !Array.isArray(variables) ? (variables as Record<string, unknown>) : {},
    operationName: typeof raw.operationName === 'string' && raw.operationName !== '' ? raw.operationName : undefined,
  };
}

/** The operation's name, else its first root field (anonymous `{ Viewer { id } }` counts as "Viewer"). */
function labelOf(params: Params | undefined, operation?: OperationDefinitionNode): string {
  if (params?.operationName) return params.operationName;
  if (operation?.name) return operation.name.value;
  const first = operation?.selectionSet.selections.find((selection) => selection.kind === Kind.FIELD);
  if (first?.kind === Kind.FIELD) return first.name.value;
  if (params?.query) {
    try {
      const parsed = findOperation(parse(params.query), undefined);
      if (parsed) return labelOf(undefined, parsed);
    } catch {
      // An unparsable query keeps the generic label.
    }
  }
  return 'graphql';
}
