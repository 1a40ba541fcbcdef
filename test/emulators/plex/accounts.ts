import type { EmulatorRequest } from '../common/http-types';
import { plexParam } from './query';
import { tokenFrom } from './ids';

/**
 * Tokens shared by plex.tv and the Media Server. A claimed PIN yields a user token (one per sign-in); the
 * server has its own access token, which plex.tv hands out in /api/v2/resources (description.md, "Talking to
 * PMS": "the `accessToken` used in communication with this PMS"). The owner's user token also works on the
 * owner's server, as it does on a real PMS.
 *
 * Legacy tokens do not expire by themselves (only the newer JWTs last 7 days, API-NOTES §2); a token stops
 * working when the `expire-token` fault revokes it. A revoked server token is replaced, so a client that asks
 * /resources again gets a working one, as after a real token rotation.
 */
export class PlexAccounts {
  private readonly userTokens = new Map<string, { clientIdentifier: string; issuedAt: number }>();
  private serverTokenValue: string;
  private serverRound = 0;
  private issued = 0;

  constructor(private readonly seedText: string) {
    this.serverTokenValue = tokenFrom(`${seedText}:server:0`);
  }

  get serverToken(): string {
    return this.serverTokenValue;
  }

  /** What a PIN claim hands out; tests may call it directly to skip the sign-in flow. */
  issueUserToken(clientIdentifier: string, nowMs: number): string {
    this.issued += 1;
    const token = tokenFrom(`${this.seedText}:user:${this.issued}`);
    this.userTokens.set(token, { clientIdentifier, issuedAt: nowMs });
    return token;
  }

  isUserToken(token: string | undefined): boolean {
    return token !== undefined && this.userTokens.has(token);
  }

  /** The Media Server accepts its own access token and the owner's plex.tv tokens. */
  canUseServer(token: string | undefined): boolean {
    return token !== undefined && (token === this.serverTokenValue || this.userTokens.has(token));
  }

  /** Revokes the token; a revoked server token is rotated so /resources hands out a fresh one. */
  revoke(token: string | undefined): void {
    if (token === undefined) return;
    this.userTokens.delete(token);
    if (token === this.serverTokenValue) {
      this.serverRound += 1;
      this.serverTokenValue = tokenFrom(`${this.seedText}:server:${this.serverRound}`);
    }
  }
}

/** `X-Plex-Token` from the header or the query string (both are accepted by PMS and plex.tv). */
export function requestToken(request: EmulatorRequest): string | undefined {
  return plexParam(request, 'X-Plex-Token');
}
