import { AppError, type ConnectInput } from '../../../shared/contract';
import type { Logger } from '../../app/ports';
import type { ServicesConfig } from '../../app/services-config';
import type { ServiceClients } from '../clients/service-clients';
import { openAniListPinPage, signInAniListImplicit, signInAniListWithCode } from '../flows/anilist-flow';
import { signInMal } from '../flows/mal-flow';
import { signInPlex } from '../flows/plex-flow';
import type { PlexServer } from '../flows/plex-servers';
import { signInTrakt } from '../flows/trakt-flow';
import type { FlowDeps, SignInResult } from '../flows/types';
import type { BrowserOpener } from '../open-browser';

/** What a finished flow hands over: the tokens, and for Plex the servers found. `null`: the flow waits for a pasted token. */
export type FlowOutcome = { result: SignInResult; servers?: PlexServer[] } | null;

export interface RunnerDeps {
  services: ServicesConfig;
  clients: ServiceClients;
  browser: BrowserOpener;
  logger: Logger;
  loopbackPort: () => number;
  plexClientIdentifier: () => string;
  fetchImpl?: typeof fetch;
  /** Tests move a clock instead of sleeping between polls. */
  now?: () => number;
  sleep?: FlowDeps['sleep'];
  /** How long the loopback listener waits for the browser; the listener's default when absent. */
  loopbackTimeoutMs?: number;
}

/** The client checks happen before the attempt starts, so a missing client is an error on the call itself. */
export async function prepareSignIn(input: ConnectInput, deps: RunnerDeps): Promise<(flow: Pick<FlowDeps, 'onPrompt' | 'signal'>) => Promise<FlowOutcome>> {
  const common = (flow: Pick<FlowDeps, 'onPrompt' | 'signal'>): FlowDeps => ({
    browser: deps.browser,
    onPrompt: flow.onPrompt,
    signal: flow.signal,
    logger: deps.logger,
    fetch: deps.fetchImpl,
    now: deps.now,
    sleep: deps.sleep,
  });
  const listener = { port: deps.loopbackPort(), timeoutMs: deps.loopbackTimeoutMs };
  const services = deps.services;
  switch (input.service) {
    case 'anilist': {
      const client = await deps.clients.resolve('anilist');
      const method = input.method ?? 'implicit';
      if (method === 'code') {
        const clientSecret = client.clientSecret;
        if (!clientSecret) throw new AppError('validation', 'Signing in to AniList with the authorization code needs your client\'s secret: enter it under "API client", or use the browser sign-in without it.');
        return async (flow) => ({ result: await signInAniListWithCode({ ...common(flow), ...listener, services, clientId: client.clientId, clientSecret }) });
      }
      if (method === 'pin') {
        return async (flow) => {
          await openAniListPinPage({ ...common(flow), services, clientId: client.pinClientId ?? client.clientId });
          flow.onPrompt?.({ kind: 'notice', service: 'anilist', message: 'AniList shows a token after you approve. Copy it and paste it into Kizuna.' });
          return null;
        };
      }
      return async (flow) => ({ result: await signInAniListImplicit({ ...common(flow), ...listener, services, clientId: client.clientId }) });
    }
    case 'mal': {
      const client = await deps.clients.resolve('mal');
      return async (flow) => ({ result: await signInMal({ ...common(flow), ...listener, services, clientId: client.clientId, clientSecret: client.clientSecret }) });
    }
    case 'trakt': {
      const client = await deps.clients.resolve('trakt');
      return async (flow) => ({ result: await signInTrakt({ ...common(flow), services, clientId: client.clientId, clientSecret: client.clientSecret }) });
    }
    case 'plex':
      return async (flow) => {
        const { servers, ...result } = await signInPlex({ ...common(flow), services, clientIdentifier: deps.plexClientIdentifier() });
        return { result, servers };
      };
  }
}
