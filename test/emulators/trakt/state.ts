import type { Clock } from '../common/clock';
import { hashString } from '../common/random';
import type { SeedWorld } from '../seed/world';
import { AuthStore, tokenBody } from './auth-store';
import { TraktLibrary } from './library';
import { Catalogue } from './lookup';
import type { TraktLimits } from './options';
import { RateLimiter } from './rate-limit';

export interface TraktUser {
  username: string;
  slug: string;
  name: string;
  vip: boolean;
  /** Trakt's numeric user id (not in the seed; derived from the username). */
  id: number;
  uuid: string;
  watchlistLimit: number;
  listLimit: number;
}

/**
 * Everything the Trakt emulator holds, exposed as `service.state` so tests can look inside or change it
 * (approve a device code, hand out a token without a browser, flip Cloudflare mode, lower a limit).
 */
export class TraktState {
  readonly catalogue: Catalogue;
  readonly library: TraktLibrary;
  readonly auth: AuthStore;
  readonly rateLimiter: RateLimiter;
  readonly user: TraktUser;
  /** Sign-in pages approve at once and device codes after the first poll (issue 3's --auto-approve). */
  autoApprove: boolean;

  constructor(
    world: SeedWorld,
    readonly clock: Clock,
    /** Mutable on purpose: tests may switch `cloudflare` or lower `writesPerSecond` mid-run. */
    readonly limits: TraktLimits,
    autoApprove: boolean,
  ) {
    this.autoApprove = autoApprove;
    this.catalogue = new Catalogue(world);
    this.library = new TraktLibrary(world, this.catalogue, clock.now());
    this.auth = new AuthStore(clock, limits);
    this.rateLimiter = new RateLimiter(clock, limits);
    const seedUser = world.users.trakt;
    const hash = hashString(`trakt:${seedUser.username}`);
    this.user = {
      ...seedUser,
      id: 100_000 + (hash % 900_000),
      uuid: uuidFrom(hash),
      watchlistLimit: seedUser.watchlistLimit,
      listLimit: seedUser.listLimit,
    };
  }

  /** The watchlist limit in force: `limits.watchlistLimit` when set, else the seed user's. */
  watchlistLimit(): number {
    return this.limits.watchlistLimit ?? this.user.watchlistLimit;
  }

  /** A ready token for the seed user, as if the person had signed in (tests that are not about OAuth). */
  issueToken(clientId = this.limits.clients[0]?.id ?? ''): { access_token: string; refresh_token: string; expires_in: number; created_at: number } {
    return tokenBody(this.auth.issue(clientId, false)) as { access_token: string; refresh_token: string; expires_in: number; created_at: number };
  }

  /** What a person does on /activate: approve or deny the device's user code. False when no pending code matches. */
  settleDevice(userCode: string, approve: boolean): boolean {
    const device = this.auth.deviceByUserCode(userCode);
    if (!device || device.status !== 'pending' || this.auth.isExpired(device)) return false;
    device.status = approve ? 'approved' : 'denied';
    return true;
  }
}

function uuidFrom(hash: number): string {
  const hex = (hash.toString(16).padStart(8, '0') + 'a1b2c3d4e5f60718293a4b5c').slice(0, 32);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
