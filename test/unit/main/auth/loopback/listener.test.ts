import { request as httpRequest } from 'node:http';
import { createServer } from 'node:net';
import { runInNewContext } from 'node:vm';
import { afterEach, describe, expect, it } from 'vitest';
import { AppError } from '../../../../../shared/contract';
import { fragmentRelayScript } from '../../../../../main/auth/loopback/pages';
import { createState, startLoopbackListener, type LoopbackListener, type LoopbackOptions } from '../../../../../main/auth/loopback/listener';

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

const open: LoopbackListener[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((listener) => listener.close()));
});

async function listen(options: Partial<LoopbackOptions> = {}) {
  const port = options.port ?? (await freePort());
  const state = options.expectedState ?? createState();
  const listener = await startLoopbackListener({ port, expectedState: state, timeoutMs: 10_000, mode: 'query', service: 'AniList', lingerMs: 500, ...options });
  open.push(listener);
  return { listener, port, state, base: `http://127.0.0.1:${port}` };
}

function rawGet(port: number, path: string, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port, path, headers: { host } }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', reject);
    req.end();
  });
}

describe('loopback listener (RFC 8252 §7.3)', () => {
  it('answers the redirect with our state once, shows the return-to-Kizuna page, then "already used"', async () => {
    const { listener, port, state, base } = await listen();
    expect(listener.redirectUri).toBe(`http://127.0.0.1:${port}/callback`);
    const response = await fetch(`${base}/callback?code=abc&state=${state}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(response.headers.get('referrer-policy')).toBe('no-referrer');
    expect(await response.text()).toContain('You can close this tab and return to Kizuna.');
    expect((await listener.result).params.get('code')).toBe('abc');
    const again = await fetch(`${base}/callback?code=abc&state=${state}`);
    expect(again.status).toBe(410);
    expect(await again.text()).toContain('already been used');
  });

  it('ignores an answer with a wrong or missing state and keeps waiting for the real one', async () => {
    let ignored = 0;
    const { listener, state, base } = await listen({ onIgnored: () => void (ignored += 1) });
    expect((await fetch(`${base}/callback?code=forged&state=not-ours`)).status).toBe(400);
    expect((await fetch(`${base}/callback?code=forged`)).status).toBe(400);
    expect((await fetch(`${base}/callback?error=access_denied&state=nope`)).status).toBe(400);
    expect(ignored).toBe(3);
    await fetch(`${base}/callback?code=real&state=${state}`);
    expect((await listener.result).params.get('code')).toBe('real');
  });

  it('turns error=access_denied into a declined sign-in', async () => {
    const { listener, state, base } = await listen();
    const page = await fetch(`${base}/callback?error=access_denied&state=${state}`);
    expect(await page.text()).toContain('return to Kizuna');
    const error = await listener.result.catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('forbidden');
    expect((error as AppError).message).toContain('declined');
  });

  it('answers only GET /callback; other paths and methods are 404, another Host is refused', async () => {
    const { port, base } = await listen();
    expect((await fetch(`${base}/`)).status).toBe(404);
    expect((await fetch(`${base}/callback/fragment.js`)).status).toBe(404);
    expect((await fetch(`${base}/callback`, { method: 'POST', body: 'x' })).status).toBe(404);
    expect(await rawGet(port, '/callback?code=a&state=b', `evil.example:${port}`)).toBe(400);
    expect(await rawGet(port, '/callback?code=a&state=b', `localhost:${port}`)).toBe(400);
  });

  it('says clearly when the port is taken', async () => {
    const { port } = await listen();
    const error = await startLoopbackListener({ port, expectedState: 's', timeoutMs: 1000, mode: 'query', service: 'MyAnimeList' }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('conflict');
    expect((error as AppError).message).toMatch(/Port \d+ on 127\.0\.0\.1 is already in use.*Another Kizuna sign-in.*change the sign-in port in Settings/s);
  });

  it('a new sign-in on the port takes over from a finished one that is still answering "already used"', async () => {
    const { listener, port, state, base } = await listen({ lingerMs: 60_000 });
    await fetch(`${base}/callback?code=abc&state=${state}`);
    await listener.result;
    const next = await startLoopbackListener({ port, expectedState: 'fresh', timeoutMs: 1000, mode: 'query' });
    open.push(next);
    await fetch(`${base}/callback?code=def&state=fresh`);
    expect((await next.result).params.get('code')).toBe('def');
  });

  it('gives up after the timeout, naming the redirect URI to register, and frees the port', async () => {
    const { listener, port } = await listen({ timeoutMs: 50 });
    const error = await listener.result.catch((caught: unknown) => caught);
    expect((error as AppError).code).toBe('timeout');
    expect((error as AppError).message).toContain(`http://127.0.0.1:${port}/callback`);
    await listener.close();
    const again = await startLoopbackListener({ port, expectedState: 's', timeoutMs: 1000, mode: 'query' });
    await again.close();
  });

  it('stops when the sign-in is cancelled', async () => {
    const controller = new AbortController();
    const { listener, base } = await listen({ signal: controller.signal });
    controller.abort();
    const error = await listener.result.catch((caught: unknown) => caught);
    expect((error as Error).name).toBe('AbortError');
    await expect(fetch(`${base}/callback`)).rejects.toThrow();
  });

  it('rejects bad ports before binding', async () => {
    await expect(startLoopbackListener({ port: 70_000, expectedState: 's', timeoutMs: 10, mode: 'query' })).rejects.toMatchObject({ code: 'validation' });
  });
});

describe('loopback listener, fragment mode (AniList implicit grant)', () => {
  it('serves a relay page with a same-origin script, and accepts the fragment POSTed from our origin only', async () => {
    const { listener, state, base } = await listen({ mode: 'fragment' });
    const page = await fetch(`${base}/callback`);
    const html = await page.text();
    expect(html).toContain('<script src="/callback/fragment.js" defer></script>');
    expect(html).not.toMatch(/<script>/);
    const script = await fetch(`${base}/callback/fragment.js`);
    expect(script.headers.get('content-type')).toContain('javascript');
    const body = `access_token=tok&token_type=Bearer&state=${state}`;
    const form = { 'content-type': 'application/x-www-form-urlencoded' };
    expect((await fetch(`${base}/callback`, { method: 'POST', headers: form, body })).status).toBe(403);
    expect((await fetch(`${base}/callback`, { method: 'POST', headers: { ...form, origin: 'http://evil.example' }, body })).status).toBe(403);
    const posted = await fetch(`${base}/callback`, { method: 'POST', headers: { ...form, origin: base }, body });
    expect(await posted.json()).toEqual({ title: 'Signed in to AniList', message: 'You can close this tab and return to Kizuna.' });
    expect((await listener.result).params.get('access_token')).toBe('tok');
  });

  it('the relay script posts location.hash to the page it came from and clears the fragment', async () => {
    const calls: Array<{ url: string; body: string }> = [];
    const elements = { title: { textContent: '' }, message: { textContent: '' } };
    let replaced = '';
    const context = {
      location: { hash: '#access_token=tok&state=s1', pathname: '/callback' },
      history: { replaceState: (_a: unknown, _b: unknown, url: string) => void (replaced = url) },
      document: { getElementById: (id: 'title' | 'message') => elements[id] },
      fetch: (url: string, init: { body: string }) => {
        calls.push({ url, body: init.body });
        return Promise.resolve({ json: () => Promise.resolve({ title: 'Signed in to AniList', message: 'done' }) });
      },
    };
    runInNewContext(fragmentRelayScript, context);
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(calls).toEqual([{ url: '/callback', body: 'access_token=tok&state=s1' }]);
    expect(replaced).toBe('/callback');
    expect(elements.title.textContent).toBe('Signed in to AniList');
  });
});
