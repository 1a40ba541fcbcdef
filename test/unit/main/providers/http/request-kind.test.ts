import { describe, expect, it } from 'vitest';
import { requestKind } from '../../../../../main/providers/http/request-kind';

const gql = (query: string, operationName?: string) => JSON.stringify({ query, variables: {}, ...(operationName ? { operationName } : {}) });

describe('requestKind', () => {
  it('REST: GET and HEAD read, everything else writes', () => {
    expect(requestKind('GET', undefined)).toBe('read');
    expect(requestKind('head', undefined)).toBe('read');
    expect(requestKind('PATCH', 'status=watching')).toBe('write');
    expect(requestKind('DELETE', undefined)).toBe('write');
  });

  it('GraphQL over POST: a query reads, a mutation writes, an unreadable body writes', () => {
    expect(requestKind('POST', gql('# a comment\nquery Viewer { Viewer { id } }'))).toBe('read');
    expect(requestKind('POST', gql('{ Viewer { id } }'))).toBe('read');
    expect(requestKind('POST', gql('mutation Save($id: Int) { SaveMediaListEntry(mediaId: $id) { id } }'))).toBe('write');
    expect(requestKind('POST', gql('query A { Viewer { id } } mutation B { DeleteMediaListEntry(id: 1) { deleted } }', 'A'))).toBe('read');
    expect(requestKind('POST', gql('query A { Viewer { id } } mutation B { DeleteMediaListEntry(id: 1) { deleted } }', 'B'))).toBe('write');
    expect(requestKind('POST', gql('query {'))).toBe('write');
    expect(requestKind('POST', '{"movies":[]}')).toBe('write');
  });
});
