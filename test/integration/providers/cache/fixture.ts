import type Database from 'better-sqlite3';
import { join } from 'node:path';
import { openDatabase } from '../../../../main/db/open-database';
import { createAnilistClient, type AnilistClient } from '../../../../main/providers/anilist/client';
import type { ServiceFetch } from '../../../../main/providers/http/service-fetch';
import { createMalClient, type MalClient } from '../../../../main/providers/mal/client';
import { createTraktClient, type TraktClient } from '../../../../main/providers/trakt/client';
import type { AnilistService } from '../../../emulators/anilist/index';
import type { Clock } from '../../../emulators/common/clock';
import type { MalState } from '../../../emulators/mal/index';
import { startEmulators, type RunningEmulators, type ServiceName } from '../../../emulators/start-emulators';
import { defaultTraktClient, type TraktService } from '../../../emulators/trakt/index';

/**
 * Real clients against the real emulators on 127.0.0.1, each with a token the emulator issued, as the
 * existing client tests build them (test/integration/providers/*): the ServiceFetch is global fetch plus the
 * token; the paced pipeline is tested on its own. The database is a real SQLite file in a temp folder.
 */

export interface CacheWorld {
  emulators: RunningEmulators;
  anilist: AnilistClient;
  mal: MalClient;
  trakt: TraktClient;
  anilistService: AnilistService;
  malState: MalState;
  traktService: TraktService;
}

function bearer(token: string): ServiceFetch {
  return (input, init) => {
    // axios's fetch adapter passes a Request whose headers carry the content type; keep them.
    const request = new Request(input, init);
    request.headers.set('authorization', `Bearer ${token}`);
    return fetch(request);
  };
}

export async function startCacheWorld(clock?: Clock): Promise<CacheWorld> {
  // Trakt allows one write a second; a test that moves a frozen clock must not wait for it.
  const emulators = await startEmulators({ seed: 'small', limits: { trakt: { writesPerSecond: 1000 } }, ...(clock ? { clock } : {}) });
  const anilistService = emulators.services.anilist as AnilistService;
  const malState = (emulators.services.mal as unknown as { state: MalState }).state;
  const traktService = emulators.services.trakt as TraktService;
  return {
    emulators,
    anilistService,
    malState,
    traktService,
    anilist: createAnilistClient({ endpoint: emulators.servicesConfig.anilist.api, fetch: bearer(anilistService.issueToken()) }),
    mal: createMalClient({ api: emulators.servicesConfig.mal.api, fetch: bearer(malState.oauth.issueTokens('kizuna-demo-mal').access_token) }),
    trakt: createTraktClient({ api: emulators.servicesConfig.trakt.api, clientId: defaultTraktClient.id, fetch: bearer(traktService.state.issueToken().access_token) }),
  };
}

/** Counts what one service's emulator answered while `action` ran, with the labels it logged. */
export async function requestsDuring<T>(emulators: RunningEmulators, service: ServiceName, action: () => Promise<T>): Promise<{ value: T; labels: string[] }> {
  const before = emulators.log.forService(service).length;
  const value = await action();
  return { value, labels: emulators.log.forService(service).slice(before).map((entry) => entry.label) };
}

export function openFileDatabase(dir: string): Database.Database {
  return openDatabase(join(dir, 'kizuna.db'));
}
