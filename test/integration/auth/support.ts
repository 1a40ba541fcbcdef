import { createServer } from 'node:net';
import type { BrowserOpener } from '../../../main/auth/open-browser';
import type { SignInPrompt } from '../../../main/auth/flows/types';
import { manualClock, systemClock, type ManualClock } from '../../emulators/common/clock';
import { startEmulators, type RunningEmulators, type StartEmulatorsOptions } from '../../emulators/start-emulators';
import type { TraktService } from '../../emulators/trakt/index';
import type { FaultPlan } from '../../emulators/common/faults';
import type { SeedName } from '../../emulators/seed/world';

/**
 * Shared pieces of the sign-in tests: emulators whose demo clients are registered on a free loopback port
 * (never the app's 47824, which a running Kizuna may hold), a scripted "system browser" that drives the
 * emulators' sign-in pages with fetch, and a clock that polling flows advance instead of sleeping.
 */

export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

export interface AuthWorld {
  emulators: RunningEmulators;
  clock: ManualClock;
  /** The port every demo client's redirect URI names. */
  port: number;
  trakt: TraktService;
  /** Sleeps by moving the emulators' clock: polling flows run instantly and deterministically. */
  sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
  now: () => number;
  close(): Promise<void>;
}

export const ANILIST = { clientId: 'kizuna-demo', clientSecret: 'kizuna-demo-secret', pinClientId: 'kizuna-demo-pin' };
export const MAL = { clientId: 'kizuna-demo-mal' };
export const TRAKT = { clientId: 'kizuna-demo-trakt', clientSecret: 'kizuna-demo-trakt-secret' };

/**
 * `realTime`: the emulators follow the system clock, for tests of another process (the CLI) that polls at
 * real intervals, which a manual clock would see as no time passing (Trakt would answer "slow down").
 */
export async function startAuthWorld(options: {
  autoApprove: boolean;
  port?: number;
  realTime?: boolean;
  seed?: SeedName;
  faults?: FaultPlan;
  /** Extra emulator limits per service (e.g. { anilist: { perMinute: 100000 } }), merged with the test clients registered here. */
  limits?: StartEmulatorsOptions['limits'];
}): Promise<AuthWorld> {
  const port = options.port ?? (await freePort());
  const redirect = `http://127.0.0.1:${port}/callback`;
  const clock = manualClock();
  const emulators = await startEmulators({
    seed: options.seed ?? 'small',
    ...(options.faults ? { faults: options.faults } : {}),
    autoApprove: options.autoApprove,
    clock: options.realTime ? systemClock : clock,
    limits: {
      ...options.limits,
      anilist: {
        ...options.limits?.anilist,
        clients: [
          { id: ANILIST.clientId, secret: ANILIST.clientSecret, redirectUri: redirect, name: 'Kizuna (test)' },
          { id: ANILIST.pinClientId, secret: 'kizuna-demo-pin-secret', redirectUri: 'https://anilist.co/api/v2/oauth/pin', name: 'Kizuna (pin)' },
        ],
      },
      mal: { ...options.limits?.mal, clients: [{ clientId: MAL.clientId, clientSecret: null, redirectUris: [redirect], name: 'Kizuna (test)' }] },
      trakt: { ...options.limits?.trakt, clients: [{ id: TRAKT.clientId, secret: TRAKT.clientSecret, redirectUris: [redirect] }] },
    },
  });
  const sleep = (ms: number, signal?: AbortSignal): Promise<void> => {
    signal?.throwIfAborted();
    clock.advance(ms);
    return Promise.resolve();
  };
  return { emulators, clock, port, trakt: emulators.services.trakt as TraktService, sleep, now: () => clock.now(), close: () => emulators.close() };
}

export interface Visit {
  url: string;
  /** Each hop: status and, for redirects, where to. */
  hops: Array<{ url: string; status: number; location?: string; body?: string }>;
}

export interface FakeBrowserOptions {
  /** false: no browser here (a server without a desktop); the flow must print the URL and carry on. */
  canOpen?: boolean;
  /** How to answer a sign-in page that asks: approve, deny, or leave it open (do nothing). */
  decision?: 'approve' | 'deny' | 'ignore';
  /** Runs just before the browser follows the redirect back to Kizuna (replay or delay the code here). */
  beforeReturn?: (url: URL) => Promise<void> | void;
}

export interface FakeBrowser extends BrowserOpener {
  opened: string[];
  visits: Array<Promise<Visit>>;
  /** Visits a URL as the person would from a printed prompt. */
  visit(url: string): Promise<Visit>;
}

function hiddenFields(html: string): URLSearchParams {
  const form = new URLSearchParams();
  for (const match of html.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)) {
    form.set(match[1] ?? '', (match[2] ?? '').replaceAll('&amp;', '&').replaceAll('&quot;', '"').replaceAll('&#39;', "'").replaceAll('&lt;', '<').replaceAll('&gt;', '>'));
  }
  return form;
}

/** A scripted system browser: follows redirects, answers approve pages, and runs the loopback relay page's job. */
export function fakeBrowser(options: FakeBrowserOptions = {}): FakeBrowser {
  const browser: FakeBrowser = {
    opened: [],
    visits: [],
    open(url) {
      if (options.canOpen === false) return Promise.resolve(false);
      browser.opened.push(url);
      const visit = browser.visit(url);
      visit.catch(() => undefined);
      browser.visits.push(visit);
      return Promise.resolve(true);
    },
    async visit(start) {
      const visit: Visit = { url: start, hops: [] };
      let url = new URL(start);
      let init: RequestInit = {};
      for (let hop = 0; hop < 10; hop += 1) {
        if (url.hostname === '127.0.0.1' && url.pathname === '/callback' && init.method === undefined) await options.beforeReturn?.(url);
        if (url.pathname === '/callback' && url.hash) {
          // What the relay page's script does: POST the fragment from the page's own origin.
          const page = await fetch(url.toString().replace(/#.*$/, ''));
          visit.hops.push({ url: url.toString(), status: page.status, body: await page.text() });
          const posted = await fetch(`${url.origin}${url.pathname}`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', origin: url.origin }, body: url.hash.replace(/^#\??/, '') });
          visit.hops.push({ url: `${url.origin}${url.pathname}`, status: posted.status, body: await posted.text() });
          return visit;
        }
        if (url.pathname.endsWith('/auth') && url.hash) {
          // The Plex auth app: its script posts the PIN code from the fragment when the person approves.
          const params = new URLSearchParams(url.hash.replace(/^#\??/, ''));
          if (options.decision !== 'approve') return visit;
          const approved = await fetch(`${url.origin}${url.pathname}/approve`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ code: params.get('code'), clientID: params.get('clientID') }) });
          visit.hops.push({ url: url.toString(), status: approved.status, body: await approved.text() });
          return visit;
        }
        const response = await fetch(url, { ...init, redirect: 'manual' });
        const location = response.headers.get('location') ?? undefined;
        const body = await response.text();
        visit.hops.push({ url: url.toString(), status: response.status, ...(location ? { location } : {}), body });
        if (location) {
          url = new URL(location, url);
          init = {};
          continue;
        }
        const action = /<form method="post" action="([^"]+)"/.exec(body)?.[1];
        if (response.status === 200 && action && options.decision && options.decision !== 'ignore') {
          const form = hiddenFields(body);
          form.set('decision', options.decision);
          url = new URL(action, url);
          init = { method: 'POST', body: form };
          continue;
        }
        return visit;
      }
      return visit;
    },
  };
  return browser;
}

/** Collects prompts; `last(kind)` finds the latest of one kind. */
export function promptLog() {
  const prompts: SignInPrompt[] = [];
  return {
    prompts,
    onPrompt: (prompt: SignInPrompt) => void prompts.push(prompt),
    last<K extends SignInPrompt['kind']>(kind: K): Extract<SignInPrompt, { kind: K }> | undefined {
      return prompts.filter((prompt): prompt is Extract<SignInPrompt, { kind: K }> => prompt.kind === kind).at(-1);
    },
  };
}
