import type { Clock } from './clock';

/** What every service factory receives besides the seed world. */
export interface ServiceOptions {
  clock: Clock;
  /** Sign-in pages approve at once, device codes after the first poll, PINs get a token after the first poll. */
  autoApprove: boolean;
  /** Service-specific limits (rate limits, page sizes); each service documents and validates its own keys. */
  limits: Record<string, unknown>;
}
