import { describe, expect, it } from 'vitest';
import { loadOperation } from '../../../emulators/anilist/operations/index';
import { useAnilist, type Harness } from './harness';

const start = useAnilist();
const tooMany = { data: null, errors: [{ message: 'Too Many Requests.', status: 429 }] };

async function viewer(anilist: Harness, token?: string | null) {
  return anilist.gql(loadOperation('Viewer'), {}, token);
}

describe('AniList emulator: rate limits', () => {
  it('counts down X-RateLimit-Remaining from 90, then answers 429 with Retry-After and X-RateLimit-Reset for a minute', async () => {
    const anilist = await start();
    for (let sent = 1; sent <= 90; sent++) {
      const { status, headers } = await viewer(anilist);
      expect(status).toBe(200);
      expect([headers.get('x-ratelimit-limit'), headers.get('x-ratelimit-remaining')]).toEqual(['90', String(90 - sent)]);
    }
    const refused = await viewer(anilist);
    const now = anilist.clock.now();
    expect(refused.status).toBe(429);
    expect(refused.body).toEqual(tooMany);
    expect(Object.fromEntries(['retry-after', 'x-ratelimit-limit', 'x-ratelimit-remaining', 'x-ratelimit-reset'].map((name) => [name, refused.headers.get(name)]))).toEqual({
      'retry-after': '60',
      'x-ratelimit-limit': '90',
      'x-ratelimit-remaining': '0',
      'x-ratelimit-reset': String(Math.ceil(now / 1000) + 60),
    });
    expect(anilist.log.entries.at(-1)).toMatchObject({ label: 'Viewer', status: 429 });

    // The timeout holds for the full minute, counting down.
    anilist.clock.advance(45_000);
    const still = await viewer(anilist);
    expect([still.status, still.headers.get('retry-after')]).toEqual([429, '15']);

    anilist.clock.advance(15_000);
    const again = await viewer(anilist);
    expect([again.status, again.headers.get('x-ratelimit-remaining')]).toEqual([200, '89']);
  });

  it('the window slides: requests older than a minute stop counting', async () => {
    const anilist = await start({ limits: { perMinute: 3 } });
    await viewer(anilist);
    anilist.clock.advance(30_000);
    await viewer(anilist);
    await viewer(anilist);
    anilist.clock.advance(30_001);
    const { status, headers } = await viewer(anilist);
    expect([status, headers.get('x-ratelimit-remaining')]).toEqual([200, '0']);
  });

  it('in the degraded state the headers still say 90 but the cut-off comes at Remaining 60', async () => {
    const anilist = await start({ limits: { degraded: true } });
    let last = '';
    for (let sent = 1; sent <= 30; sent++) {
      const { status, headers } = await viewer(anilist);
      expect(status).toBe(200);
      last = headers.get('x-ratelimit-remaining') ?? '';
      expect(headers.get('x-ratelimit-limit')).toBe('90');
    }
    expect(last).toBe('60');
    expect((await viewer(anilist)).status).toBe(429);
  });

  it('each token has its own budget, and anonymous callers share the address\'s', async () => {
    const anilist = await start({ limits: { perMinute: 2 } });
    const other = anilist.service.issueToken();
    await viewer(anilist);
    await viewer(anilist);
    expect((await viewer(anilist)).status).toBe(429);
    expect((await viewer(anilist, other)).status).toBe(200);
    const anonymous = await anilist.gql('{ Media(id: 1) { id } }', {}, null);
    expect(anonymous.headers.get('x-ratelimit-remaining')).toBe('1');
  });

  it('the rate-limited fault answers exactly as the limiter does and starts the timeout', async () => {
    const anilist = await start({ faults: { rules: [{ service: 'anilist', times: 1, action: { kind: 'rate-limited' } }] } });
    const faulted = await viewer(anilist);
    expect(faulted.status).toBe(429);
    expect(faulted.body).toEqual(tooMany);
    expect(faulted.headers.get('retry-after')).toBe('60');
    expect(anilist.log.entries.at(-1)).toMatchObject({ label: 'Viewer', status: 429, fault: 'rate-limited' });
    expect((await viewer(anilist)).status).toBe(429);
    anilist.clock.advance(60_000);
    expect((await viewer(anilist)).status).toBe(200);
  });

  it('unknown limit keys are refused so a typo cannot pass silently', async () => {
    await expect(start({ limits: { perMinut: 10 } })).rejects.toThrow('unknown limit "perMinut"');
  });
});
