import { describe, expect, it } from 'vitest';
import { createPlexServerClient } from '../../../../../main/providers/plex/client';
import { externalIdsOf } from '../../../../../main/providers/plex/schemas';
import { AppError } from '../../../../../shared/contract/errors';

/** The Plex client on a fake fetch: Guid parsing, headers, and malformed answers. */
function clientAnswering(body: unknown, seen: Request[] = []) {
  const fetch = async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    seen.push(new Request(input, init));
    return new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } });
  };
  return createPlexServerClient({ baseUrl: 'http://plex.example:32400', fetch, clientIdentifier: 'install-1' });
}

describe('Plex client parsing', () => {
  it('turns the Guid list into typed external ids and ignores other schemes', () => {
    expect(externalIdsOf([{ id: 'imdb://tt0112159' }, { id: 'tmdb://890' }, { id: 'tvdb://70350' }, { id: 'plex://show/abc' }, { id: 'com.plexapp.agents.hama://anidb-1' }])).toEqual({ imdb: 'tt0112159', tmdb: 890, tvdb: 70350 });
    expect(externalIdsOf([])).toEqual({});
  });

  it('sends Accept json, the client identifier and product on every call', async () => {
    const seen: Request[] = [];
    await clientAnswering({ MediaContainer: { Directory: [{ key: '1', title: 'Anime', type: 'show', agent: 'tv.plex.agents.series', uuid: 'u', extra: true }] } }, seen).sections();
    expect(seen[0]?.headers.get('accept')).toBe('application/json');
    expect(seen[0]?.headers.get('x-plex-client-identifier')).toBe('install-1');
    expect(seen[0]?.headers.get('x-plex-product')).toBe('Kizuna');
  });

  it('reads an unplayed episode with viewCount 0 when PMS leaves the field out', async () => {
    const item = await clientAnswering({ MediaContainer: { Metadata: [{ ratingKey: '5', type: 'episode', title: 'Episode 1', index: 1, parentIndex: 2 }] } }).metadata('5');
    expect(item).toMatchObject({ ratingKey: '5', viewCount: 0, lastViewedAt: null, userRating: null, externalIds: {} });
  });

  it('names the service, the request and the field when a required field is missing', async () => {
    const error = await clientAnswering({ MediaContainer: { Metadata: [{ ratingKey: '5', title: 'No type' }] } })
      .children('4')
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).message).toMatch(/^Plex Media Server answered GET \/library\/metadata\/\{ids\}\/children without MediaContainer\.Metadata\[0\]\.type/);
  });

  it('accepts numeric ratingKeys and names a missing one plainly', async () => {
    expect((await clientAnswering({ MediaContainer: { Metadata: [{ ratingKey: 5, type: 'movie', title: 'M', librarySectionID: 3 }] } }).metadata('5'))).toMatchObject({ ratingKey: '5', sectionId: '3' });
    await expect(clientAnswering({ MediaContainer: { Metadata: [{ type: 'movie', title: 'M' }] } }).metadata('5')).rejects.toThrow(/without MediaContainer\.Metadata\[0\]\.ratingKey/);
  });

  it('refuses a rating outside 0-10 before sending anything', () => {
    const seen: Request[] = [];
    expect(() => clientAnswering({}, seen).rate('1', -2)).toThrow(RangeError);
    expect(seen).toHaveLength(0);
  });
});
