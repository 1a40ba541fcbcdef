import { afterEach } from 'vitest';
import { createServiceFetch, type AccountFetch, type ServiceFetchOptions } from '../../../../main/providers/http/create-service-fetch';
import { steppingScheduler } from '../../../../main/providers/http/scheduler';
import type { CredentialSource, ServiceId } from '../../../../main/providers/http/service-fetch';
import type { AnilistService } from '../../../emulators/anilist/index';
import { manualClock, type ManualClock } from '../../../emulators/common/clock';
import type { MalState } from '../../../emulators/mal/index';
import { startEmulators, type RunningEmulators, type StartEmulatorsOptions } from '../../../emulators/start-emulators';
import type { TraktService } from '../../../emulators/trakt/index';

/**
 * The emulators on a manual clock shared with the pipeline: the pipeline's waits move the clock the
 * emulators' rate windows read, so minutes of pacing take no real time and the request log's `at` shows
 * exactly the spacing the pipeline chose.
 */
export interface Fixture {
  emulators: RunningEmulators;
  clock: ManualClock;
  anilistToken(): string;
  malToken(): string;
  traktToken(): string;
  /** A pipeline for one account; `rejected` counts how often it reported the token refused. */
  account(service: ServiceId, token: string, options?: Partial<ServiceFetchOptions>): AccountFetch & { rejected: () => number };
}

export function useEmulators(): (options?: StartEmulatorsOptions) => Promise<Fixture> {
  const open: RunningEmulators[] = [];
  afterEach(async () => {
    await Promise.all(open.splice(0).map((emulators) => emulators.close()));
  });
  return async (options = {}) => {
    const clock = manualClock();
    const emulators = await startEmulators({ seed: 'small', ...options, clock });
    open.push(emulators);
    const scheduler = steppingScheduler(clock);
    return {
      emulators,
      clock,
      anilistToken: () => (emulators.services.anilist as AnilistService).issueToken(),
      malToken: () => (emulators.services.mal as unknown as { state: MalState }).state.oauth.issueTokens('kizuna-demo-mal').access_token,
      traktToken: () => (emulators.services.trakt as TraktService).state.issueToken().access_token,
      account: (service, token, extra = {}) => {
        let rejected = 0;
        const credentials: CredentialSource = {
          headers: async (): Promise<Record<string, string>> => (service === 'plex' || service === 'plextv' ? { 'x-plex-token': token } : { authorization: `Bearer ${token}` }),
          rejected: () => void (rejected += 1),
        };
        const fetch = createServiceFetch({ service, credentials, scheduler, ...extra });
        return Object.assign(fetch, { rejected: () => rejected });
      },
    };
  };
}

export const traktHeaders = { 'content-type': 'application/json', 'trakt-api-version': '2', 'trakt-api-key': 'kizuna-demo-trakt' };

/** One GraphQL request body. */
export function graphqlInit(query: string, variables: Record<string, unknown> = {}): RequestInit {
  return { method: 'POST', headers: { 'content-type': 'application/json', accept: 'application/json' }, body: JSON.stringify({ query, variables }) };
}
