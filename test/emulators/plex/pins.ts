import type { Clock } from '../common/clock';
import { hashString } from '../common/random';
import type { PlexAccounts } from './accounts';
import { isoSeconds, pinCode } from './ids';

/**
 * plex.tv PINs (description.md, "Traditional Token Authentication"): the app creates one, sends the user to
 * the auth page with its code, and polls `/pins/{id}` about once a second until `authToken` is set.
 *
 * Lifetimes: short PINs (for plex.tv/link) last 900 s, the legacy spec's default (its example: created
 * 17:03:05, expires 17:18:05). `strong=true` PINs last 1800 s: captured responses show `expiresIn: 1800` with
 * expiresAt 30 minutes after createdAt (the Plex SDK docs' GetPinResponseBody example; dashotv's comment
 * copy). `expiresIn` counts down: the legacy example answers 876 for a PIN created 24 s earlier.
 */
export const pinLifetimeSeconds = { short: 900, strong: 1800 } as const;

export interface Pin {
  id: number;
  code: string;
  strong: boolean;
  product: string;
  clientIdentifier: string;
  createdAt: number;
  expiresAt: number;
  authToken: string | null;
  polls: number;
}

export type ClaimResult = 'claimed' | 'not-found' | 'expired';

export class PinStore {
  private readonly pins = new Map<number, Pin>();
  private nextId: number;

  constructor(
    private readonly clock: Clock,
    private readonly accounts: PlexAccounts,
    private readonly autoApprove: boolean,
    seedText: string,
  ) {
    // Nine-digit ids like the docs' 564964751, different per seed.
    this.nextId = 300_000_000 + (hashString(seedText) % 600_000_000);
  }

  create(input: { strong: boolean; product: string; clientIdentifier: string }): Pin {
    const now = this.clock.now();
    const id = this.nextId;
    this.nextId += 1;
    const lifetime = input.strong ? pinLifetimeSeconds.strong : pinLifetimeSeconds.short;
    const pin: Pin = { id, ...input, code: pinCode(`pin:${id}`, input.strong), createdAt: now, expiresAt: now + lifetime * 1000, authToken: null, polls: 0 };
    this.pins.set(id, pin);
    return pin;
  }

  /**
   * What GET /pins/{id} sees: undefined once expired or when polled by another client (plex.tv answers
   * "Code not found or expired"). With auto-approve the PIN is claimed right after its first poll, so the
   * client sees one pending answer and then the token, like a user approving in the browser.
   */
  poll(id: number, clientIdentifier: string): Pin | undefined {
    const pin = this.live(id);
    if (!pin || pin.clientIdentifier !== clientIdentifier) return undefined;
    pin.polls += 1;
    const seen = { ...pin };
    if (this.autoApprove && pin.authToken === null) this.claimPin(pin);
    return seen;
  }

  /** The auth page's Approve button: the signed-in user claims the PIN by its code. */
  claim(code: string, clientIdentifier?: string): ClaimResult {
    const pin = [...this.pins.values()].find((candidate) => candidate.code === code && (clientIdentifier === undefined || candidate.clientIdentifier === clientIdentifier));
    if (!pin) return 'not-found';
    if (this.clock.now() >= pin.expiresAt) return 'expired';
    this.claimPin(pin);
    return 'claimed';
  }

  findByCode(code: string): Pin | undefined {
    return [...this.pins.values()].find((pin) => pin.code === code);
  }

  private claimPin(pin: Pin): void {
    pin.authToken ??= this.accounts.issueUserToken(pin.clientIdentifier, this.clock.now());
  }

  private live(id: number): Pin | undefined {
    // Expired PINs are kept (not answered) so the auth page can say "expired" rather than "unknown".
    const pin = this.pins.get(id);
    return pin && this.clock.now() < pin.expiresAt ? pin : undefined;
  }
}

/** The PIN as the legacy spec's AuthPinContainer lists it. */
export function pinJson(pin: Pin, nowMs: number, baseUrl: string): Record<string, unknown> {
  return {
    id: pin.id,
    code: pin.code,
    product: pin.product,
    trusted: false,
    qr: `${baseUrl}/api/v2/pins/qr/${pin.code}`,
    clientIdentifier: pin.clientIdentifier,
    location: loopbackLocation,
    expiresIn: Math.max(0, Math.ceil((pin.expiresAt - nowMs) / 1000)),
    createdAt: isoSeconds(pin.createdAt),
    expiresAt: isoSeconds(pin.expiresAt),
    authToken: pin.authToken,
    newRegistration: null,
  };
}

/** plex.tv geolocates the caller; the emulator's callers are all on the loopback interface. */
const loopbackLocation = {
  code: 'US',
  european_union_member: false,
  continent_code: 'NA',
  country: 'United States',
  city: 'Loopback',
  time_zone: 'UTC',
  postal_code: '00000',
  in_privacy_restricted_country: false,
  in_privacy_restricted_region: false,
  subdivisions: 'Localhost',
  coordinates: '0.0000, 0.0000',
};
