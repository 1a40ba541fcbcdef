import { describe, expect, it } from 'vitest';
import { AppError } from '../../../../shared/contract/errors';
import type { AnilistService } from '../../../emulators/anilist/index';
import { graphqlInit, traktHeaders, useEmulators } from './emulator-fixture';

const start = useEmulators();

async function failure(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe('a refused token stops that account only (emulators)', () => {
  it('MAL: the expired token latches the account; later reads and writes fail without a request; another account keeps working', async () => {
    const fixture = await start({ faults: { rules: [{ service: 'mal', times: 1, action: { kind: 'expire-token' } }] } });
    const list = `${fixture.emulators.urls.mal}/v2/users/@me/animelist?fields=list_status&limit=5`;
    const first = fixture.account('mal', fixture.malToken());
    const second = fixture.account('mal', fixture.malToken());

    const error = await failure(first(list));
    expect(error.code).toBe('unauthenticated');
    expect(error.message).toMatch(/^MyAnimeList needs you to sign in again/);
    expect(first.rejected()).toBe(1);
    expect(first.needsSignIn).toBe(true);
    const sent = fixture.emulators.log.entries.length;

    expect((await failure(first(list))).code).toBe('unauthenticated');
    const write = first(`${fixture.emulators.urls.mal}/v2/anime/1/my_list_status`, { method: 'PATCH', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'status=watching' });
    expect((await failure(write)).code).toBe('unauthenticated');
    expect(fixture.emulators.log.entries).toHaveLength(sent);
    expect(first.rejected()).toBe(1);

    expect((await second(list)).status).toBe(200);
    expect(second.needsSignIn).toBe(false);
  });

  it('AniList: "Invalid token" (HTTP 400) latches the account; another token of the same service carries on', async () => {
    const fixture = await start();
    const url = `${fixture.emulators.urls.anilist}/graphql`;
    const viewer = () => graphqlInit('query Viewer { Viewer { id } }');
    const tokenA = fixture.anilistToken();
    const a = fixture.account('anilist', tokenA);
    const b = fixture.account('anilist', fixture.anilistToken());
    expect((await a(url, viewer())).status).toBe(200);
    (fixture.emulators.services.anilist as AnilistService).state.tokens.expire(tokenA);

    expect((await failure(a(url, viewer()))).code).toBe('unauthenticated');
    const save = graphqlInit('mutation ($mediaId: Int) { SaveMediaListEntry(mediaId: $mediaId, status: CURRENT) { id } }', { mediaId: 1 });
    expect((await failure(a(url, save))).code).toBe('unauthenticated');
    expect(a.rejected()).toBe(1);
    expect(fixture.emulators.log.forService('anilist')).toHaveLength(2);
    expect((await b(url, viewer())).status).toBe(200);
  });

  it('Trakt: a 401 on a write latches; reads of the other account go on', async () => {
    const fixture = await start({ faults: { rules: [{ service: 'trakt', method: 'POST', times: 1, action: { kind: 'expire-token' } }] } });
    const a = fixture.account('trakt', fixture.traktToken());
    const b = fixture.account('trakt', fixture.traktToken());
    const body = JSON.stringify({ movies: [{ ids: { trakt: 1 } }] });
    expect((await failure(a(`${fixture.emulators.urls.trakt}/sync/watchlist`, { method: 'POST', headers: traktHeaders, body }))).code).toBe('unauthenticated');
    expect((await failure(a(`${fixture.emulators.urls.trakt}/sync/last_activities`, { headers: traktHeaders }))).code).toBe('unauthenticated');
    expect((await b(`${fixture.emulators.urls.trakt}/sync/last_activities`, { headers: traktHeaders })).status).toBe(200);
  });
});
