/**
 * Every service client sends its requests through one `ServiceFetch` per account: a fetch-compatible
 * function (so graphql-request takes it as `fetch` and axios as `env.fetch` with `adapter: 'fetch'`) that
 * adds authorization, paces requests to the service's limits, retries what is safe to retry, and turns
 * refusals into AppErrors. Clients stay plain: build a request, parse the answer with zod.
 */
export type ServiceFetch = (input: string | URL | Request, init?: RequestInit) => Promise<Response>;

export type ServiceId = 'anilist' | 'mal' | 'trakt' | 'plex' | 'plextv';

/** Supplies the Authorization (or X-Plex-Token) header; refreshes the token first when it is about to expire. */
export interface CredentialSource {
  headers(signal?: AbortSignal): Promise<Record<string, string>>;
  /** Called when the service refused the token (401): the account needs a new sign-in. */
  rejected(): void;
  /**
   * Optional: get a new token now, because the service refused one that had not yet expired by our clock
   * (MAL says to "refresh on 401 invalid_token", API-NOTES §4). Resolves false when no refresh is possible.
   * The pipeline calls it at most once per request, then gives up and calls rejected().
   */
  refresh?(signal?: AbortSignal): Promise<boolean>;
}
