import type Database from 'better-sqlite3';
import { AppError, type Service, type ServiceClient } from '../../../shared/contract';
import type { SecretStore } from '../../app/ports';
import { TRAKT_OOB_REDIRECT } from '../flows/trakt-flow';
import { loopbackRedirectUri } from '../loopback/listener';
import type { BuiltInClients } from './built-in-clients';

/**
 * Which API client each sign-in uses: the person's own (ID in SQLite, secret in the secret store) or the
 * one built in. What the person must register is shown next to the form, exactly, because AniList and MAL
 * compare redirect URIs character for character.
 */

export interface ResolvedClient {
  clientId: string;
  clientSecret: string | null;
  /** AniList only: the client whose redirect is the pin page. */
  pinClientId: string | null;
  source: 'own' | 'built-in';
}

export interface ServiceClients {
  list(loopbackPort: number): Promise<ServiceClient[]>;
  describe(service: Service, loopbackPort: number): Promise<ServiceClient>;
  /** The client a sign-in must use; a validation AppError telling the person what to register when there is none. */
  resolve(service: Exclude<Service, 'plex'>): Promise<ResolvedClient>;
  set(service: Service, clientId: string, clientSecret: string | null | undefined): Promise<void>;
  reset(service: Service): Promise<void>;
}

const developerPages: Record<Service, string | null> = {
  anilist: 'https://anilist.co/settings/developer',
  mal: 'https://myanimelist.net/apiconfig',
  trakt: 'https://trakt.tv/oauth/applications',
  plex: null,
};

function instructionsFor(service: Service, redirectUri: string | null): string {
  switch (service) {
    case 'anilist':
      return `Create a client on AniList's developer page with the redirect URL ${redirectUri}. The client ID is enough; add its secret to sign in with the authorization code instead of the implicit grant.`;
    case 'mal':
      return `Create an API client on MyAnimeList with App Type "other" and the App Redirect URL ${redirectUri}. Leave the secret empty unless you chose App Type "web".`;
    case 'trakt':
      return `Trakt asks every user to register their own app: create a new application with the redirect URI ${redirectUri} (Kizuna signs in with a device code), then enter its Client ID and Client Secret here.`;
    case 'plex':
      return 'Plex needs no API client: Kizuna signs in with a PIN and names itself with this install\'s identifier.';
  }
}

const secretKey = (service: Service) => `client-secret:${service}`;

interface OwnRow {
  client_id: string;
  has_secret: number;
}

export function createServiceClients(options: { db: Database.Database; secrets: SecretStore; builtIn: BuiltInClients; plexClientIdentifier: () => string }): ServiceClients {
  const { db, secrets, builtIn } = options;
  const own = (service: Service) => db.prepare<[string], OwnRow>('SELECT client_id, has_secret FROM service_clients WHERE service = ?').get(service);

  async function describe(service: Service, loopbackPort: number): Promise<ServiceClient> {
    const redirectUri = service === 'anilist' || service === 'mal' ? loopbackRedirectUri(loopbackPort) : service === 'trakt' ? TRAKT_OOB_REDIRECT : null;
    const base = { service, redirectUri, developerUrl: developerPages[service], instructions: instructionsFor(service, redirectUri), ownClientRequired: service === 'trakt' };
    if (service === 'plex') return { ...base, clientId: options.plexClientIdentifier(), source: 'built-in', hasClientSecret: false };
    const row = own(service);
    if (row) return { ...base, clientId: row.client_id, source: 'own', hasClientSecret: row.has_secret === 1 };
    const shipped = builtIn[service];
    if (shipped) return { ...base, clientId: shipped.clientId, source: 'built-in', hasClientSecret: Boolean(shipped.clientSecret) };
    return { ...base, clientId: null, source: 'none', hasClientSecret: false };
  }

  return {
    describe,
    list: (port) => Promise.all((['anilist', 'mal', 'trakt', 'plex'] as const).map((service) => describe(service, port))),

    async resolve(service) {
      const row = own(service);
      if (row) {
        const clientSecret = row.has_secret === 1 ? await secrets.get(secretKey(service)) : null;
        return { clientId: row.client_id, clientSecret, pinClientId: null, source: 'own' };
      }
      const shipped = builtIn[service];
      if (shipped) {
        const pinClientId = 'pinClientId' in shipped ? (shipped.pinClientId ?? null) : null;
        return { clientId: shipped.clientId, clientSecret: shipped.clientSecret ?? null, pinClientId, source: 'built-in' };
      }
      const label = { anilist: 'AniList', mal: 'MyAnimeList', trakt: 'Trakt' }[service];
      throw new AppError('validation', `${label} needs an API client before you can connect: open "API client" under ${label}, register one on ${developerPages[service]} and enter its ID.`);
    },

    async set(service, clientId, clientSecret) {
      if (service === 'plex') throw new AppError('validation', 'Plex needs no API client; there is nothing to set.');
      const keepSecret = clientSecret === undefined && own(service)?.has_secret === 1;
      const newSecret = clientSecret === undefined || clientSecret === null || clientSecret === '' ? null : clientSecret;
      if (newSecret !== null) await secrets.set(secretKey(service), newSecret);
      else if (!keepSecret) await secrets.delete(secretKey(service));
      db.prepare(
        `INSERT INTO service_clients (service, client_id, has_secret) VALUES (?, ?, ?)
         ON CONFLICT (service) DO UPDATE SET client_id = excluded.client_id, has_secret = excluded.has_secret, updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')`,
      ).run(service, clientId, newSecret !== null || keepSecret ? 1 : 0);
    },

    async reset(service) {
      db.prepare('DELETE FROM service_clients WHERE service = ?').run(service);
      await secrets.delete(secretKey(service));
    },
  };
}
