import { z } from 'zod';
import type { Service } from '../../../shared/contract';
import type { Logger } from '../../app/ports';
import type { ServicesConfig } from '../../app/services-config';
import { createAnilistClient } from '../../providers/anilist/client';
import { createServiceFetch } from '../../providers/http/create-service-fetch';
import type { CredentialSource, ServiceFetch } from '../../providers/http/service-fetch';
import { createMalClient } from '../../providers/mal/client';
import { parseResponse } from '../../providers/model/parse-response';
import { createTraktClient } from '../../providers/trakt/client';
import { plexHeaders } from '../flows/plex-servers';

/** Who signed in: read once with the new token, before anything is stored, so a token that reads nothing is never kept. */
export interface Profile {
  externalUserId: string;
  userName: string;
  avatarUrl: string | null;
}

export interface ProfileDeps {
  services: ServicesConfig;
  /** Trakt's API needs the client ID on every request. */
  traktClientId?: string;
  plexClientIdentifier: string;
  logger?: Logger;
  signal?: AbortSignal;
  fetchImpl?: typeof fetch;
}

const plexUser = z.object({ id: z.number().int(), username: z.string(), title: z.string().optional(), thumb: z.string().nullish() });

/** A one-off pipeline for the new token: the same pacing, retries and error messages as every other request. */
function oneOffFetch(service: 'anilist' | 'mal' | 'trakt' | 'plextv', headers: Record<string, string>, deps: ProfileDeps): ServiceFetch {
  const credentials: CredentialSource = { headers: () => Promise.resolve(headers), rejected: () => undefined };
  return createServiceFetch({ service, credentials, logger: deps.logger, fetchImpl: deps.fetchImpl, retry: { maxAttempts: 3 } });
}

function httpAvatar(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.toString() : null;
  } catch {
    return null;
  }
}

export async function readProfile(service: Service, accessToken: string, deps: ProfileDeps): Promise<Profile> {
  const signal = deps.signal;
  const bearer = { Authorization: `Bearer ${accessToken}` };
  switch (service) {
    case 'anilist': {
      const viewer = await createAnilistClient({ endpoint: deps.services.anilist.api, fetch: oneOffFetch('anilist', bearer, deps) }).viewer({ signal });
      return { externalUserId: String(viewer.id), userName: viewer.name, avatarUrl: httpAvatar(viewer.avatar) };
    }
    case 'mal': {
      const me = await createMalClient({ api: deps.services.mal.api, fetch: oneOffFetch('mal', bearer, deps) }).me({ signal });
      return { externalUserId: String(me.id), userName: me.name, avatarUrl: httpAvatar(me.picture) };
    }
    case 'trakt': {
      const client = createTraktClient({ api: deps.services.trakt.api, clientId: deps.traktClientId ?? '', fetch: oneOffFetch('trakt', bearer, deps) });
      const { user } = await client.settings();
      // The slug is Trakt's stable handle for the user; usernames can be changed.
      return { externalUserId: user.slug, userName: user.name || user.username, avatarUrl: httpAvatar(user.avatar) };
    }
    case 'plex': {
      const fetchUser = oneOffFetch('plextv', plexHeaders(deps.plexClientIdentifier, accessToken), deps);
      const response = await fetchUser(`${deps.services.plextv.api}/user`, { headers: { accept: 'application/json' }, signal });
      const user = parseResponse('plex.tv', plexUser, await response.json(), 'the account request (/user)');
      return { externalUserId: String(user.id), userName: user.username || user.title || 'Plex user', avatarUrl: httpAvatar(user.thumb) };
    }
  }
}
