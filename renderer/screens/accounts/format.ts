import type { PlexLibraryHolds, Service } from '../../../shared/contract';

const day = 24 * 60 * 60 * 1000;
/** Sooner than this, an expiring sign-in is worth a warning: syncs stop the moment it lapses. */
const warnWithin = 3 * day;

export function formatDateTime(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return date.toLocaleString(undefined, { year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' });
}

export function formatTime(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return date.toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' });
}

export interface ExpiryView {
  text: string;
  tone: 'normal' | 'warning' | 'danger';
}

/** Services whose sign-ins come with a refresh token: Kizuna renews the access token before it lapses. */
const renewing: ReadonlySet<Service> = new Set(['mal', 'trakt']);

/**
 * "Sign-in expires …" for an account's token, with a warning tone when it has lapsed or soon will. MAL and
 * Trakt tokens are renewed by Kizuna, so their expiry is only information, never a warning.
 */
export function describeExpiry(service: Service, tokenExpiresAt: string | null, now: number): ExpiryView {
  if (tokenExpiresAt === null) return { text: 'Sign-in does not expire', tone: 'normal' };
  const at = new Date(tokenExpiresAt).getTime();
  if (Number.isNaN(at)) return { text: `Sign-in expires ${tokenExpiresAt}`, tone: 'normal' };
  const when = formatDateTime(tokenExpiresAt);
  if (renewing.has(service)) return { text: `Renewed automatically (current token valid until ${when})`, tone: 'normal' };
  const left = at - now;
  if (left <= 0) return { text: `Sign-in expired ${when}`, tone: 'danger' };
  if (left < warnWithin) {
    const hours = Math.round(left / (60 * 60 * 1000));
    const soon = left < 60 * 60 * 1000 ? 'in less than an hour' : hours < 48 ? `in ${hours} hour${hours === 1 ? '' : 's'}` : `in ${Math.round(left / day)} days`;
    return { text: `Sign-in expires ${soon} (${when})`, tone: 'warning' };
  }
  return { text: `Sign-in expires ${when}`, tone: 'normal' };
}

/** Initials for the avatar placeholder, when there is no picture or it did not load. */
export function initials(name: string): string {
  const parts = name.trim().split(/[\s_.-]+/).filter(Boolean);
  const letters = parts.length > 1 ? [parts[0]?.[0], parts[1]?.[0]] : [...(parts[0] ?? '?')].slice(0, 2);
  return letters.join('').toUpperCase() || '?';
}

/** The choices for what a Plex library holds, in the order the select lists them. */
export const holdsOptions: Array<{ value: PlexLibraryHolds; label: string }> = [
  { value: 'anime', label: 'Anime' },
  { value: 'shows', label: 'Other shows' },
  { value: 'movies', label: 'Movies' },
  { value: 'music', label: 'Music' },
  { value: 'none', label: 'Not synced' },
];

/** What each service is for and how it signs in, one line under its name. */
export const serviceTaglines: Record<Service, string> = {
  anilist: 'Anime and manga lists. Signs in through AniList in your browser.',
  mal: 'Anime and manga lists. Signs in through MyAnimeList in your browser.',
  trakt: 'Watched history, ratings and the watchlist. Signs in with a code you enter on Trakt.',
  plex: 'What you watched on your servers. Signs in through plex.tv, then you choose servers and libraries.',
};

export const aniListMethods = [
  { value: 'implicit', label: 'In the browser', hint: 'Recommended. Needs only the client ID.' },
  { value: 'code', label: 'With my client secret', hint: 'The authorization code grant; needs your own client with its secret.' },
  { value: 'pin', label: 'Paste a token', hint: 'AniList shows a token, which you paste here. For machines without a browser.' },
] as const;
