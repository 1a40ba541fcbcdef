import type { EmulatorRequest, EmulatorResponse, ServiceHandler } from './http-types';

/** One emulated host (AniList, MAL, Trakt, a Plex Media Server, plex.tv). */
export interface ServiceDefinition {
  name: 'anilist' | 'mal' | 'trakt' | 'plex' | 'plextv';
  handle: ServiceHandler;
  /** The service's own rate-limit answer (real status, headers and body), used by the `rate-limited` fault. */
  tooManyRequests(request: EmulatorRequest): EmulatorResponse;
  /** Makes the token on this request expire now (the `expire-token` fault); the request then proceeds. */
  expireToken(request: EmulatorRequest): void;
  /** Called once the server knows its own base URL (services put it in links such as paging.next). */
  setBaseUrl?(baseUrl: string): void;
}
