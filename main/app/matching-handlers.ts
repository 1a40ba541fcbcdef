import { AppError, type ReviewCandidate } from '../../shared/contract';
import { listAccounts } from '../db/accounts-repository';
import { exportAnibridge, exportKizuna, importKizuna } from '../mapping/overrides/export-overrides';
import { applyOverrides } from '../mapping/overrides/apply-overrides';
import { deleteOverride, listOverrides, overridesFor, saveOverride } from '../mapping/overrides/override-store';
import { importPlexAniSyncYaml } from '../mapping/overrides/plexanisync-import';
import { createMappingLookup } from '../mapping/index/index';
import type { MappingLookup } from '../mapping/model';
import { createResolver, type Resolver } from '../mapping/resolve/resolver';
import { listReviewItems } from '../mapping/review/review-repository';
import { createReviewQueue, type Describe, type ReviewQueue } from '../mapping/review/review-queue';
import { createAnilistClient, type AnilistClient } from '../providers/anilist/client';
import { cachedAnilistClient } from '../providers/cache/cached-clients';
import { createReadCache } from '../providers/cache/read-cache';
import type { TitleSummary } from '../providers/model/list-entry';
import type { AccountPipelines } from '../auth/accounts/account-pipelines';
import type { Handlers } from './dispatcher';
import type { CorePorts, EventBus } from './ports';

type MatchingMethods = 'review.list' | 'review.decide' | 'review.search' | 'overrides.list' | 'overrides.delete' | 'overrides.export' | 'overrides.import';

export interface MatchingModule {
  handlers: Pick<Handlers, MatchingMethods>;
  review: ReviewQueue;
  /** The ID tables, loaded on first use (a second or two for the full set) and shared with the sync engine. */
  lookup(): MappingLookup;
  /** The resolver over those tables (titles join when the sync gives it a pool). */
  resolve: Resolver['resolve'];
}

function yearOf(summary: TitleSummary): number | null {
  const year = summary.startDate ? Number(summary.startDate.slice(0, 4)) : NaN;
  return Number.isInteger(year) ? year : null;
}

function display(summary: TitleSummary): Pick<ReviewCandidate, 'title' | 'year' | 'format' | 'episodeCount' | 'coverUrl'> {
  return { title: summary.english ?? summary.title, year: yearOf(summary), format: summary.format, episodeCount: summary.episodes, coverUrl: summary.cover };
}

/** Review queue and overrides behind the contract; AniList (through a connected account, cached) names and finds candidates. */
export function createMatchingModule(ports: CorePorts, events: EventBus, pipelines: AccountPipelines): MatchingModule {
  const { db } = ports;
  const cache = createReadCache({ db, logger: ports.logger });

  function anilist(): AnilistClient | null {
    const account = listAccounts(db).find((candidate) => candidate.service === 'anilist' && candidate.status === 'connected');
    if (!account) return null;
    return cachedAnilistClient(createAnilistClient({ endpoint: ports.services.config.anilist.api, fetch: pipelines.fetchFor(account.id) }), cache);
  }

  const describe: Describe = async (ids) => {
    const client = anilist();
    if (!client || ids.length === 0) return new Map();
    const titles = await client.mediaByIds(ids);
    return new Map(titles.filter((title) => title.ids.anilist !== undefined).map((title) => [title.ids.anilist as number, display(title)]));
  };

  // The ID tables answer re-runs; titles join when the sync engine gives the matcher a pool (issue 6). Made
  // on first use: loading the full index takes a second or two.
  let lookup: MappingLookup | undefined;
  const sharedLookup = () => (lookup ??= createMappingLookup(db));
  let resolver: Resolver | undefined;
  // The person's decisions beat every table (DESIGN §6): the sync sees the resolver's answer through them,
  // so a link chosen in the review queue (with its episode range) or an "ignore" takes effect at the next read.
  const decisions = (key: string) => overridesFor(db, key);
  const resolve = (query: Parameters<Resolver['resolve']>[0]) => applyOverrides(query, (resolver ??= createResolver({ lookup: sharedLookup() })).resolve(query), decisions);

  const review = createReviewQueue({ db, describe, resolve, changed: (open) => events.emit('review.changed', { open }) });

  return {
    review,
    lookup: sharedLookup,
    resolve,
    handlers: {
      'review.list': (input) => {
        const { items, total } = listReviewItems(db, input?.status ?? 'open', input?.limit ?? 50, input?.offset ?? 0);
        return { items: items.map(({ query: _query, ...item }) => item), total };
      },
      'review.decide': ({ itemId, decision }) => review.decide(itemId, decision),
      'review.search': async ({ query }) => {
        const client = anilist();
        if (!client) throw new AppError('validation', 'Searching needs a connected AniList account: connect AniList under Accounts, or pick from the proposed candidates.');
        const page = await client.searchMedia(query, 'ANIME', 1, { perPage: 10 });
        return page.titles
          .filter((title) => title.ids.anilist !== undefined)
          .map((title) => ({ anilistId: title.ids.anilist as number, confidence: 0, evidence: [{ kind: 'online-search' as const, detail: `AniList search for "${query}"`, weight: 0 }], episodes: null, ...display(title) }));
      },
      'overrides.list': () => listOverrides(db),
      'overrides.delete': ({ id }) => ({ deleted: deleteOverride(db, id) }),
      'overrides.export': ({ format }) => {
        const overrides = listOverrides(db);
        if (format === 'kizuna') return { fileName: 'kizuna-overrides.json', text: exportKizuna(overrides), leftOut: [] };
        const { mappings, leftOut } = exportAnibridge(overrides);
        return { fileName: 'mappings.custom.json', text: `${JSON.stringify(mappings, null, 2)}\n`, leftOut: leftOut.map(({ override, reason }) => ({ itemKey: override.itemKey, reason })) };
      },
      'overrides.import': ({ format, text }) => {
        const parsed = format === 'kizuna' ? { overrides: importKizuna(text), entries: -1 } : importPlexAniSyncYaml(text);
        db.transaction(() => {
          for (const override of parsed.overrides) saveOverride(db, override);
        })();
        return { imported: parsed.overrides.length, entries: parsed.entries < 0 ? parsed.overrides.length : parsed.entries };
      },
    },
  };
}
