import type { Service } from '../../shared/contract';

/** Services in the order every screen lists them. */
export const services: readonly Service[] = ['anilist', 'mal', 'trakt', 'plex'];

/** The names people know the services by; also part of control names ("Connect AniList"). */
export const serviceLabels: Record<Service, string> = {
  anilist: 'AniList',
  mal: 'MyAnimeList',
  trakt: 'Trakt',
  plex: 'Plex',
};
