import type Database from 'better-sqlite3';
import { listStoredAccounts } from '../db/accounts-repository';
import type { AccountPipelines } from '../auth/accounts/account-pipelines';
import type { MappingLookup } from '../mapping/model';
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

    const keying = createMalKeying({ stated, lookup: deps.lookup(), anilist: anilistForIds });
    for (const account of accounts.filter((candidate) => candidate.service === 'mal')) {
      const client = createMalClient({ api: ports.services.config.mal.api, fetch: deps.pipelines.fetchFor(account.id) });
      for (const kind of kinds) {
        sides.push(createMalSide({ ref: { accountId: account.id, service: 'mal', kind, scale: 'point10' }, client, anilistIdsOf: keying, db, logger: ports.logger }));
      }
    }
    return sides;
  };
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
