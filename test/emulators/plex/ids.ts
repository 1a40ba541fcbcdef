import { hashString, seededRandom } from '../common/random';

/**
 * Deterministic identifiers in the shapes Plex uses, derived from seed keys so a given seed always yields the
 * same guids, uuids and tokens (tests and benchmarks compare runs).
 */

/** Hex of any length from a text: Plex's own guids are 24 hex digits (`plex://show/5d9c081b170e24001f2a7be4`). */
export function hexFrom(text: string, length: number): string {
  let out = '';
  let round = 0;
  while (out.length < length) {
    out += hashString(`${round}:${text}`).toString(16).padStart(8, '0');
    round += 1;
  }
  return out.slice(0, length);
}

/** A UUID-shaped string (library sections carry one, e.g. `e35a54e6-79ff-4cde-98c6-c05c1a09c821`). */
export function uuidFrom(text: string): string {
  const hex = hexFrom(text, 32);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

const tokenAlphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/** Legacy plex.tv tokens are 20 characters, e.g. `CxoUzBTSV5hsxjTpFKaf` (the spec's UserPlexAccount example). */
export function tokenFrom(seed: string): string {
  const next = seededRandom(seed);
  let token = '';
  for (let i = 0; i < 20; i++) token += tokenAlphabet[Math.floor(next() * 62)];
  return token;
}

/**
 * PIN codes: strong PINs are 25 lowercase letters and digits (`8lzjqnq8lye02n52jq3fqxf8e` in the docs), short
 * ones 4 upper-case characters for plex.tv/link (`7RQZ` in the legacy spec's example).
 */
export function pinCode(seed: string, strong: boolean): string {
  const next = seededRandom(seed);
  const alphabet = strong ? 'abcdefghijklmnopqrstuvwxyz0123456789' : 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
  let code = '';
  for (let i = 0; i < (strong ? 25 : 4); i++) code += alphabet[Math.floor(next() * alphabet.length)];
  return code;
}

/** plex.tv writes times as ISO 8601 without milliseconds: `2024-07-16T17:03:05Z`. */
export function isoSeconds(ms: number): string {
  return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}

/** PMS writes times as Unix seconds. */
export function unixSeconds(ms: number): number {
  return Math.floor(ms / 1000);
}
