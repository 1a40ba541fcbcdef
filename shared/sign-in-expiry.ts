import type { Account } from './contract';

/** Services whose sign-in cannot be renewed without the person: AniList gives no refresh token. */
const renewsAlone: ReadonlySet<Account['service']> = new Set(['mal', 'trakt', 'plex']);

export const EXPIRY_WARNING_DAYS = 14;

/**
 * Whether an account's sign-in runs out soon and only the person can renew it, and when. MyAnimeList and
 * Trakt refresh their tokens themselves and Plex tokens do not expire, so only AniList's year-long token is
 * ever worth a warning. Shared by the Dashboard and the tray's notifications.
 */
export function expiringSignIn(account: Pick<Account, 'service' | 'tokenExpiresAt' | 'status'>, now: Date, days = EXPIRY_WARNING_DAYS): { expiresAt: Date; daysLeft: number } | null {
  if (account.status !== 'connected' || renewsAlone.has(account.service) || !account.tokenExpiresAt) return null;
  const expiresAt = new Date(account.tokenExpiresAt);
  if (Number.isNaN(expiresAt.getTime())) return null;
  const daysLeft = Math.floor((expiresAt.getTime() - now.getTime()) / 86_400_000);
  return daysLeft <= days ? { expiresAt, daysLeft: Math.max(0, daysLeft) } : null;
}
