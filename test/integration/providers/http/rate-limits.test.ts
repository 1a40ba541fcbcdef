import { describe, expect, it } from 'vitest';
import { AppError } from '../../../../shared/contract/errors';
import type { LoggedRequest } from '../../../emulators/common/request-log';
import { graphqlInit, traktHeaders, useEmulators } from './emulator-fixture';

const start = useEmulators();

const VIEWER = 'query Viewer { Viewer { id name } }';

/** The most requests any window of `periodMs` holds, from the emulator's own log. */
function busiestWindow(entries: LoggedRequest[], periodMs: number): number {
  let most = 0;
  for (let i = 0; i < entries.length; i++) {
    let count = 0;
    for (let j = i; j < entries.length && entries[j]!.at - entries[i]!.at < periodMs; j++) count++;
    most = Math.max(most, count);
  }
  return most;
}

describe('the request pipeline keeps to each service\'s limits (emulators on a shared manual clock)', () => {
  it('AniList: a burst of 100 reads under a limit of 10 a minute gets no 429', async () => {
    const fixture = await start({ limits: { anilist: { perMinute: 10 } } });
    const account = fixture.account('anilist', fixture.anilistToken());
    const url = `${fixture.emulators.urls.anilist}/graphql`;
    const answers = await Promise.all(Array.from({ length: 100 }, () => account(url, graphqlInit(VIEWER))));
    expect(answers.every((answer) => answer.status === 200)).toBe(true);
    const log = fixture.emulators.log.forService('anilist');
    expect(log).toHaveLength(100);
    expect(log.filter((entry) => entry.status === 429)).toHaveLength(0);
    expect(busiestWindow(log, 60_000)).toBeLessThanOrEqual(10);
  });

  it('AniList degraded (30 a minute while the headers count from 90): one 429, then the pipeline paces at 30', async () => {
    const fixture = await start({ limits: { anilist: { degraded: true } } });
    const account = fixture.account('anilist', fixture.anilistToken());
    const url = `${fixture.emulators.urls.anilist}/graphql`;
    for (let i = 0; i < 100; i++) expect((await account(url, graphqlInit(VIEWER))).status).toBe(200);
    expect(account.gate.degraded).toBe(true);
    const log = fixture.emulators.log.forService('anilist');
    const refused = log.filter((entry) => entry.status === 429);
    expect(refused).toHaveLength(1);
    const after = log.slice(log.indexOf(refused[0]!) + 1);
    expect(busiestWindow(after, 60_000)).toBeLessThanOrEqual(30);
  });

  it('Trakt: five writes sent at once reach the service at least a second apart, with no 429', async () => {
    const fixture = await start();
    const account = fixture.account('trakt', fixture.traktToken());
    const url = `${fixture.emulators.urls.trakt}/sync/watchlist`;
    const body = JSON.stringify({ movies: [{ ids: { trakt: 1 } }] });
    const answers = await Promise.all(Array.from({ length: 5 }, () => account(url, { method: 'POST', headers: traktHeaders, body })));
    expect(answers.map((answer) => answer.status).every((status) => status !== 429)).toBe(true);
    const writes = fixture.emulators.log.forService('trakt').filter((entry) => entry.method === 'POST');
    expect(writes).toHaveLength(5);
    for (let i = 1; i < writes.length; i++) expect(writes[i]!.at - writes[i - 1]!.at).toBeGreaterThanOrEqual(1000);
  });

  it('Trakt: a 429 with X-Ratelimit is waited out and its smaller read budget followed from then on', async () => {
    const fixture = await start({ limits: { trakt: { readsPer5Min: 3 } } });
    const account = fixture.account('trakt', fixture.traktToken(), { retry: { maxPauseMs: 600_000 } });
    const url = `${fixture.emulators.urls.trakt}/sync/last_activities`;
    for (let i = 0; i < 8; i++) expect((await account(url, { headers: traktHeaders })).status).toBe(200);
    const log = fixture.emulators.log.forService('trakt');
    expect(log.filter((entry) => entry.status === 429)).toHaveLength(1);
    const after = log.slice(log.findIndex((entry) => entry.status === 429) + 1);
    expect(busiestWindow(after, 300_000)).toBeLessThanOrEqual(3);
  });

  it('Trakt behind Cloudflare: the HTML 429 pauses the account for 5 minutes and the caller hears rate_limited', async () => {
    const fixture = await start({ limits: { trakt: { readsPer5Min: 2, cloudflare: true } } });
    const account = fixture.account('trakt', fixture.traktToken());
    const url = `${fixture.emulators.urls.trakt}/sync/last_activities`;
    const outcomes: Array<number | string> = [];
    for (let i = 0; i < 4; i++) {
      outcomes.push(
        await account(url, { headers: traktHeaders }).then(
          (answer) => answer.status,
          (error: unknown) => (error instanceof AppError ? `${error.code}:${error.retryable}` : String(error)),
        ),
      );
    }
    // Our budget is 500; the emulator's is 2. The third read meets Cloudflare, the fourth never leaves.
    expect(outcomes).toEqual([200, 200, 'rate_limited:true', 'rate_limited:true']);
    expect(fixture.emulators.log.forService('trakt')).toHaveLength(3);
    fixture.clock.advance(300_000);
    expect((await account(url, { headers: traktHeaders })).status).toBe(200);
  });
});
