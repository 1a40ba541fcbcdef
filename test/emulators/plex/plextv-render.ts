import type { EmulatorRequest, EmulatorResponse } from '../common/http-types';
import type { SeedWorld } from '../seed/world';
import { node, toXml, wantsJson, type AttrValue, type PlexNode } from './format';
import { isoSeconds } from './ids';

/**
 * plex.tv's v2 answers. JSON when asked for (every documented call sends `Accept: application/json`), XML
 * otherwise, with lower-case element names (`<pin …>`, `<user …>`, `<resources><resource>…`). Errors are
 * `{"errors":[{"code":…,"message":…,"status":…}]}`, e.g. code 1000 "X-Plex-Client-Identifier is missing"
 * (LukasParke/plexpy#7) and 1001 "User could not be authenticated" (the spec's 401 for /user).
 */

/** Plain objects become child elements, arrays of objects a wrapper with singular children, scalars attributes. */
function toNode(tag: string, value: Record<string, unknown>): PlexNode {
  const attrs: Record<string, AttrValue> = {};
  const children: PlexNode[] = [];
  for (const [name, field] of Object.entries(value)) {
    if (Array.isArray(field)) {
      const items = field.filter((entry): entry is Record<string, unknown> => typeof entry === 'object' && entry !== null);
      children.push(node(name, {}, items.map((entry) => toNode(name.replace(/s$/, ''), entry))));
    } else if (typeof field === 'object' && field !== null) children.push(toNode(name, field as Record<string, unknown>));
    else attrs[name] = field as AttrValue;
  }
  return node(tag, attrs, children);
}

export function plexTvResponse(request: EmulatorRequest, status: number, body: Record<string, unknown> | Array<Record<string, unknown>>, rootTag: string): EmulatorResponse {
  if (wantsJson(request)) return { status, body, headers: { 'content-type': 'application/json; charset=utf-8' } };
  const root = Array.isArray(body) ? node(rootTag, { size: body.length }, body.map((entry) => toNode(rootTag.replace(/s$/, ''), entry))) : toNode(rootTag, body);
  return { status, body: toXml(root), headers: { 'content-type': 'application/xml; charset=utf-8' } };
}

export function plexTvError(request: EmulatorRequest, status: number, code: number, message: string): EmulatorResponse {
  return plexTvResponse(request, status, { errors: [{ code, message, status }] }, 'errors');
}

/** GET /api/v2/user: the spec's UserPlexAccount, with every required field, for the seed's Plex user. */
export function userJson(world: SeedWorld, token: string, baseUrl: string): Record<string, unknown> {
  const user = world.users.plex;
  return {
    id: user.id,
    uuid: user.uuid,
    username: user.username,
    title: user.username,
    email: user.email,
    friendlyName: user.username,
    locale: null,
    confirmed: true,
    joinedAt: 1_500_000_000,
    emailOnlyAuth: false,
    hasPassword: true,
    protected: false,
    thumb: `${baseUrl}/users/${user.uuid}/avatar`,
    authToken: token,
    mailingListStatus: 'active',
    mailingListActive: false,
    scrobbleTypes: '',
    country: 'US',
    subscription: { active: false, subscribedAt: null, status: 'Inactive', paymentService: null, plan: null, features: [] },
    subscriptionDescription: null,
    restricted: false,
    anonymous: false,
    home: false,
    guest: false,
    homeSize: 1,
    homeAdmin: false,
    maxHomeSize: 15,
    rememberExpiresAt: 1_900_000_000,
    adsConsent: null,
    adsConsentSetAt: null,
    adsConsentReminderAt: null,
    experimentalFeatures: false,
    twoFactorEnabled: false,
    backupCodesCreated: false,
    attributionPartner: null,
  };
}

/**
 * The server as GET /api/v2/resources lists it (the spec's PlexDevice): provides "server", its own access
 * token, and one local plain-HTTP connection to the emulated Media Server, which clients should prefer over
 * remote and relay ones (description.md, "Talking to PMS").
 */
export function serverResourceJson(world: SeedWorld, accessToken: string, serverUrl: string, nowMs: number): Record<string, unknown> {
  const user = world.users.plex;
  const url = new URL(serverUrl);
  return {
    name: user.serverName,
    product: 'Plex Media Server',
    productVersion: '1.42.2.10156-f737b826c',
    platform: 'Linux',
    platformVersion: '6.1.0',
    device: 'PC',
    clientIdentifier: user.machineIdentifier,
    createdAt: isoSeconds(nowMs - 365 * 86_400_000),
    lastSeenAt: isoSeconds(nowMs),
    provides: 'server',
    ownerId: null,
    sourceTitle: null,
    publicAddress: url.hostname,
    accessToken,
    owned: true,
    home: false,
    synced: false,
    relay: false,
    presence: true,
    httpsRequired: false,
    publicAddressMatches: true,
    dnsRebindingProtection: false,
    natLoopbackSupported: false,
    connections: [{ protocol: 'http', address: url.hostname, port: Number(url.port), uri: serverUrl, local: true, relay: false, IPv6: false }],
  };
}
