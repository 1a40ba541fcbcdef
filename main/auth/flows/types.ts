import type { Logger } from '../../app/ports';
import type { BrowserOpener } from '../open-browser';

export type SignInService = 'anilist' | 'mal' | 'trakt' | 'plex';

/** What a finished sign-in hands to the account store. The tokens go to the SecretStore only. */
export interface SignInResult {
  service: SignInService;
  accessToken: string;
  /** null where the service has none (AniList, Plex). */
  refreshToken: string | null;
  /** ISO time from the service's own expires_in/created_at or the JWT's exp; null when the token does not expire. */
  expiresAt: string | null;
  scope?: string;
  /** Non-secret facts learnt on the way, e.g. AniList's user id from the JWT. */
  extra?: Record<string, unknown>;
}

/** What the person should see: a page to open (when no browser could be opened, or as a fallback link), a code to enter, or a note. */
export type SignInPrompt =
  | { kind: 'open-url'; service: SignInService; url: string; browserOpened: boolean; message: string }
  | { kind: 'device-code'; service: SignInService; userCode: string; verificationUrl: string; expiresAt: string; message: string }
  | { kind: 'notice'; service: SignInService; message: string };

/** Everything a flow needs from outside, injectable for tests. */
export interface FlowDeps {
  browser: BrowserOpener;
  /** Shows prompts to the person (the UI, or the CLI's terminal). */
  onPrompt?: (prompt: SignInPrompt) => void;
  fetch?: typeof fetch;
  /** Milliseconds since the epoch. */
  now?: () => number;
  /** Waits between polls; must reject when `signal` aborts. */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  /** The person may cancel at any time. */
  signal?: AbortSignal;
  /** Gets progress only: never a token, code, verifier or secret. */
  logger?: Logger;
}

export interface ResolvedDeps {
  browser: BrowserOpener;
  prompt: (prompt: SignInPrompt) => void;
  fetch: typeof fetch;
  now: () => number;
  sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
  signal: AbortSignal | undefined;
  logger: Logger | undefined;
}

export function abortableSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

export function resolveDeps(deps: FlowDeps): ResolvedDeps {
  return {
    browser: deps.browser,
    prompt: deps.onPrompt ?? (() => undefined),
    fetch: deps.fetch ?? globalThis.fetch,
    now: deps.now ?? Date.now,
    sleep: deps.sleep ?? abortableSleep,
    signal: deps.signal,
    logger: deps.logger,
  };
}

export const serviceLabel: Record<SignInService, string> = { anilist: 'AniList', mal: 'MyAnimeList', trakt: 'Trakt', plex: 'Plex' };

/**
 * Opens a sign-in page in the system browser (RFC 8252 §8.12). Where none opens, the URL goes to the prompt
 * and the flow keeps waiting: the person can open it on any device. The URL may carry a PKCE challenge,
 * which for MAL's plain method is the verifier, so it is shown, never logged.
 */
export async function openInBrowser(deps: ResolvedDeps, service: SignInService, url: string): Promise<boolean> {
  let opened: boolean;
  try {
    opened = await deps.browser.open(url);
  } catch {
    opened = false;
  }
  const label = serviceLabel[service];
  deps.logger?.info('sign-in page', { service, browserOpened: opened });
  deps.prompt({
    kind: 'open-url',
    service,
    url,
    browserOpened: opened,
    message: opened ? `Continue signing in to ${label} in your browser.` : `Open this address in a browser to sign in to ${label}: ${url}`,
  });
  return opened;
}
