import { Kind, OperationTypeNode, parse } from 'graphql';
import { kindOf, type RequestKind } from './rate-policy';

/**
 * Whether a request reads or writes, which decides its budget (Trakt), its spacing and what is safe to retry.
 * HTTP methods say it for REST; AniList sends every GraphQL operation as a POST, so there the document
 * decides: a query reads, a mutation writes (AniList's spec: `Query` and `Mutation` roots, API-NOTES §1).
 * A body that cannot be read counts as a write, the careful side.
 */
export function requestKind(method: string, body: BodyInit | undefined): RequestKind {
  const byMethod = kindOf(method);
  if (byMethod === 'read' || method.toUpperCase() !== 'POST' || typeof body !== 'string') return byMethod;
  const operation = graphqlOperation(body);
  return operation === 'query' ? 'read' : 'write';
}

function graphqlOperation(body: string): 'query' | 'mutation' | undefined {
  let payload: unknown;
  try {
    payload = JSON.parse(body);
  } catch {
    return undefined;
  }
  if (typeof payload !== 'object' || payload === null) return undefined;
  const { query, operationName } = payload as { query?: unknown; operationName?: unknown };
  if (typeof query !== 'string') return undefined;
  try {
    const operations = parse(query).definitions.filter((definition) => definition.kind === Kind.OPERATION_DEFINITION);
    const chosen = typeof operationName === 'string' ? operations.filter((operation) => operation.name?.value === operationName) : operations;
    if (chosen.length === 0) return undefined;
    return chosen.every((operation) => operation.operation === OperationTypeNode.QUERY) ? 'query' : 'mutation';
  } catch {
    return undefined;
  }
}
