import { createState, startLoopbackListener } from '../loopback/listener';
import { openInBrowser, serviceLabel, type ResolvedDeps, type SignInService } from './types';

/** Five minutes: long enough to sign in (and create an account), short enough not to leave a port open all day. */
export const DEFAULT_SIGN_IN_TIMEOUT_MS = 5 * 60_000;

export interface BrowserStepOptions {
  service: SignInService;
  port?: number;
  timeoutMs?: number;
  mode: 'query' | 'fragment';
  /** The authorize URL for this redirect URI and state. */
  authorizeUrl(redirectUri: string, state: string): string;
}

/**
 * The browser half of a redirect-based sign-in: listen on the loopback redirect first (so the answer cannot
 * arrive before anyone waits for it), then open the authorize page, then wait for the answer with our state.
 */
export async function waitForBrowserAnswer(deps: ResolvedDeps, options: BrowserStepOptions): Promise<{ params: URLSearchParams; redirectUri: string }> {
  const label = serviceLabel[options.service];
  const state = createState();
  const listener = await startLoopbackListener({
    port: options.port,
    expectedState: state,
    timeoutMs: options.timeoutMs ?? DEFAULT_SIGN_IN_TIMEOUT_MS,
    mode: options.mode,
    service: label,
    signal: deps.signal,
    onIgnored: () => {
      deps.logger?.warn('sign-in answer with a wrong state ignored', { service: options.service });
      deps.prompt({ kind: 'notice', service: options.service, message: `Ignored a ${label} sign-in answer that did not belong to this sign-in; still waiting.` });
    },
  });
  try {
    deps.logger?.info('waiting for sign-in answer', { service: options.service, redirectUri: listener.redirectUri });
    await openInBrowser(deps, options.service, options.authorizeUrl(listener.redirectUri, state));
    const { params } = await listener.result;
    return { params, redirectUri: listener.redirectUri };
  } catch (error) {
    await listener.close();
    throw error;
  }
}
