import type Database from 'better-sqlite3';
import { listStoredAccounts } from '../db/accounts-repository';
import type { AccountPipelines } from '../auth/accounts/account-pipelines';
import type { MappingLookup, MatchQuery, MatchResult } from '../mapping/model';
import { listPlexServerViews } from '../db/plex-repository';
import { plexClientIdentifier } from '../db/app-state-repository';
import { createPlexServerClient } from '../providers/plex/client';
import { createTraktClient } from '../providers/trakt/client';
import { createPlexAnimeSide } from '../sync/sides/plex-anime-side';
import { createPlexVideoSide } from '../sync/sides/plex-video-side';
import { createTraktVideoSide } from '../sync/sides/trakt-video-side';
import { createTraktAnimeSide } from '../sync/sides/trakt-anime-side';
import { pairConfigsOf } from '../sync/plan/pair-configs';
import { createAnilistClient, type AnilistClient } from '../providers/anilist/client';
import { cachedAnilistClient } from '../providers/cache/cached-clients';
import type { ReadCache } from '../providers/cache/read-cache';
import { createMalClient } from '../providers/mal/client';
import type { MediaKind } from '../providers/model/list-entry';
import type { ListSide } from '../sync/model';
import { createAnilistSide } from '../sync/sides/anilist-side';
import { createMalKeying, createStatedMalIds } from '../sync/sides/mal-keying';
import type { AnilistTarget } from '../sync/sides/anilist-side';
import { loadSideEntries } from '../sync/store/index';
import { createMalSide } from '../sync/sides/mal-side';
import type { CorePorts } from './ports';

export interface SyncSidesDeps {
  ports: CorePorts;
  pipelines: AccountPipelines;
  cache: ReadCache;
  /** The ID tables, loaded on first use (a second or two); null when none are installed. */
  lookup(): MappingLookup | null;
  /** Plex shows' seasons → AniList entries (the ID tables, overrides, then titles). */
  resolve(query: MatchQuery): MatchResult;
  /** Where Plex items nothing could match go: the review queue. */
  recordUnmatched(query: MatchQuery, result: MatchResult, accountId: string): Promise<unknown>;
  /** The Trakt API client id in use (own or built in). */
  traktClientId(): Promise<string>;
}

const kinds: readonly MediaKind[] = ['anime', 'manga'];

/**
 * The lists of every connected account as sync sides, made fresh for each plan so a new or removed account
 * is seen at once. Accounts that need signing in again are left out (their lists would only fail).
 */
export function createSyncSides(deps: SyncSidesDeps): () => Promise<ListSide[]> {
  const { ports } = deps;
  return async () => {
    const db: Database.Database = ports.db;
    const accounts = listStoredAccounts(db).filter((account) => account.status === 'connected');
    const firstAnilist = accounts.find((account) => account.service === 'anilist');
    const stated = createStatedMalIds((kind) => (firstAnilist ? storedMalIds(db, firstAnilist.id, kind) : new Map()));
    const sides: ListSide[] = [];
    let anilistForIds: AnilistClient | null = null;

    for (const account of accounts.filter((candidate) => candidate.service === 'anilist')) {
      const client = cachedAnilistClient(createAnilistClient({ endpoint: ports.services.config.anilist.api, fetch: deps.pipelines.fetchFor(account.id) }), deps.cache);
      anilistForIds ??= client;
      const userId = Number(account.externalUserId);
      for (const kind of kinds) {
        // Only the first AniList account's stated MAL ids key the MAL lists: two AniList accounts are rare.
        const first = sides.every((side) => side.ref.service !== 'anilist' || side.ref.kind !== kind);
        sides.push(
          createAnilistSide({
            ref: { accountId: account.id, service: 'anilist', kind, scale: 'point100' },
            client,
            userId,
            db,
            logger: ports.logger,
            ...(first ? { statedMalIds: stated } : {}),
          }),
        );
      }
    }

    const lookup = deps.lookup();
    const keying = createMalKeying({ stated, lookup, anilist: anilistForIds });
    const malIdsOf = (anilistId: number) => [...new Set((lookup?.linksOf(anilistId) ?? []).flatMap((links) => links.malIds))];
    for (const account of accounts.filter((candidate) => candidate.service === 'mal')) {
      const client = createMalClient({ api: ports.services.config.mal.api, fetch: deps.pipelines.fetchFor(account.id) });
      for (const kind of kinds) {
        sides.push(createMalSide({ ref: { accountId: account.id, service: 'mal', kind, scale: 'point10' }, client, anilistIdsOf: keying, ...(kind === 'anime' ? { malIdsOf } : {}), db, logger: ports.logger }));
      }
    }
    // Trakt's anime side only when a Trakt ⇄ AniList/MAL pair is on: it re-reads the history through the tables.
    const traktAnime = pairConfigsOf(ports.settings.read().sync).some((pair) => pair.id === 'trakt:anilist' || pair.id === 'trakt:mal');
    for (const account of accounts.filter((candidate) => candidate.service === 'trakt')) {
      const client = createTraktClient({ api: ports.services.config.trakt.api, clientId: await deps.traktClientId(), fetch: deps.pipelines.fetchFor(account.id) });
      const freshness = { db, accountId: account.id, logger: ports.logger };
      sides.push(createTraktVideoSide({ ref: { accountId: account.id, service: 'trakt', kind: 'video', scale: 'point10' }, client, freshness }));
      if (traktAnime) sides.push(createTraktAnimeSide({ ref: { accountId: account.id, service: 'trakt', kind: 'anime', scale: null }, client, lookup: deps.lookup, resolve: deps.resolve, freshness }));
    }

    for (const account of accounts.filter((candidate) => candidate.service === 'plex')) sides.push(...plexSides(deps, account.id));
    return sides;
  };
}

/**
 * One server per Plex account takes part in a sync: the first selected one that answered and has libraries
 * marked for syncing (two servers would be two copies of the same lists under one account).
 */
function plexSides(deps: SyncSidesDeps, accountId: string): ListSide[] {
  const { db, logger } = deps.ports;
  const server = listPlexServerViews(db, accountId).find((view) => view.selected && view.address && view.libraries.some((library) => ['anime', 'shows', 'movies'].includes(library.holds)));
  if (!server?.address) return [];
  const client = createPlexServerClient({ baseUrl: server.address, fetch: deps.pipelines.plexServerFetch(accountId, server.machineIdentifier), clientIdentifier: plexClientIdentifier(db) });
  const keys = (holds: string) => server.libraries.filter((library) => library.holds === holds).map((library) => library.key);
  const sides: ListSide[] = [];
  if (keys('anime').length > 0) {
    sides.push(
      createPlexAnimeSide({
        ref: { accountId, service: 'plex', kind: 'anime', scale: null },
        client,
        sections: keys('anime'),
        resolve: deps.resolve,
        recordUnmatched: (query, result) => deps.recordUnmatched(query, result, accountId).catch((error: unknown) => logger.warn('an unmatched Plex item could not be queued for review', { message: (error as Error).message })),
      }),
    );
  }
  if (keys('shows').length > 0 || keys('movies').length > 0) {
    sides.push(createPlexVideoSide({ ref: { accountId, service: 'plex', kind: 'video', scale: 'point10' }, client, sections: { movies: keys('movies'), shows: keys('shows') } }));
  }
  return sides;
}

/** MAL id → AniList id as the AniList list stated it at its last read. */
function storedMalIds(db: Database.Database, accountId: string, kind: MediaKind): ReadonlyMap<number, number> {
  const pairs = new Map<number, number>();
  for (const entry of loadSideEntries(db, accountId, kind)) {
    const target = entry.target as Partial<AnilistTarget> | null;
    if (typeof target?.malId === 'number' && typeof target.mediaId === 'number') pairs.set(target.malId, target.mediaId);
  }
  return pairs;
}
