import type { ServiceOptions } from '../common/options';
import type { ServiceDefinition } from '../common/service';
import type { SeedWorld } from '../seed/world';
import { createPlexTvService } from './plextv';
import { createPlexServer } from './server';
import { PlexState, parsePlexLimits, parsePlexTvLimits } from './state';

/**
 * The Plex emulators: `plextv` (PIN sign-in, /user, /resources, the auth page) and `plex` (one Media Server with
 * the seed's anime, TV, movie and music libraries). They share one state: plex.tv issues the tokens the server
 * accepts and lists the server's URL, known once the server listens (setBaseUrl).
 *
 * The clock and auto-approve come from plextv's options (PINs are plex.tv's); limits are per service.
 */
export interface PlexServices {
  plex: ServiceDefinition;
  plextv: ServiceDefinition;
  /** The shared state, for tests that read or change the library, tokens or PINs directly. */
  state: PlexState;
}

export function createPlexServices(world: SeedWorld, plexOptions: ServiceOptions, plextvOptions: ServiceOptions): PlexServices {
  parsePlexTvLimits(plextvOptions.limits);
  const state = new PlexState(world, plextvOptions.clock, plextvOptions.autoApprove, parsePlexLimits(plexOptions.limits));
  return { plex: createPlexServer(state), plextv: createPlexTvService(state), state };
}

export { PlexState, type PlexLimits } from './state';
export { pinLifetimeSeconds } from './pins';
export { typeNumbers } from './model';
