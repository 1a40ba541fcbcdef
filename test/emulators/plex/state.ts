import type { Clock } from '../common/clock';
import type { SeedWorld } from '../seed/world';
import { PlexAccounts } from './accounts';
import { buildLibrary } from './build-library';
import type { PlexLibrary } from './library';
import { PinStore } from './pins';
import { PlaylistStore } from './playlist-store';

/**
 * What plex.tv and the Media Server share: the account's tokens (plex.tv issues them, the server accepts
 * them), the library, and each other's base URLs, known only once both are listening.
 */

/** Service limits for `plex` (the `limits` option): nothing on a real server is rate-limited (API-NOTES §2). */
export interface PlexLimits {
  /** Page size when the client sends no X-Plex-Container-Size; unset, PMS returns whole lists (see paging.ts). */
  defaultPageSize?: number;
}

export function parsePlexLimits(limits: Record<string, unknown>): PlexLimits {
  const out: PlexLimits = {};
  for (const [name, value] of Object.entries(limits)) {
    if (name === 'defaultPageSize' && Number.isInteger(value) && (value as number) > 0) out.defaultPageSize = value as number;
    else throw new Error(`plex emulator: unknown or invalid limit ${name}=${JSON.stringify(value)} (known: defaultPageSize, a positive integer)`);
  }
  return out;
}

export function parsePlexTvLimits(limits: Record<string, unknown>): void {
  const names = Object.keys(limits);
  if (names.length > 0) throw new Error(`plextv emulator: unknown limits ${names.join(', ')} (plex.tv has none)`);
}

export class PlexState {
  readonly library: PlexLibrary;
  readonly accounts: PlexAccounts;
  readonly pins: PinStore;
  readonly playlists: PlaylistStore;
  /** Filled by setBaseUrl; the defaults are the real hosts' shapes, used only before the servers listen. */
  plexUrl = 'http://127.0.0.1:32400';
  plextvUrl = 'https://plex.tv';

  constructor(
    readonly world: SeedWorld,
    readonly clock: Clock,
    readonly autoApprove: boolean,
    readonly limits: PlexLimits,
  ) {
    const seedText = `${world.seed}:${world.users.plex.machineIdentifier}`;
    this.library = buildLibrary(world, clock.now());
    this.accounts = new PlexAccounts(seedText);
    this.pins = new PinStore(clock, this.accounts, autoApprove, seedText);
    this.playlists = new PlaylistStore(this.library);
  }

  nowSeconds(): number {
    return Math.floor(this.clock.now() / 1000);
  }
}
