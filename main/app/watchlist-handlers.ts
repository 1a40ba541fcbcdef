import { AppError, type WatchlistImportRef, type WatchlistItem } from '../../shared/contract';
import { listAccounts } from '../db/accounts-repository';
import { createTraktClient, type TraktClient } from '../providers/trakt/client';
import type { TraktMedia, TraktSyncItems } from '../providers/trakt/types';
import type { AccountsModule } from './accounts-handlers';
import type { Handlers } from './dispatcher';
import type { CorePorts } from './ports';

type WatchlistMethods = 'watchlist.list' | 'watchlist.search' | 'watchlist.add' | 'watchlist.remove' | 'watchlist.import';

/** A film or show from any Trakt answer; seasons and episodes are left out (the screen lists whole titles). */
function itemOf(media: TraktMedia, listed: { listedAt?: string; rank?: number } = {}): WatchlistItem | null {
  const title = media.type === 'movie' ? media.movie : media.type === 'show' ? media.show : null;
  if (!title || (media.type !== 'movie' && media.type !== 'show')) return null;
  return {
    key: `${media.type}:${title.ids.trakt}`,
    type: media.type,
    traktId: title.ids.trakt,
    title: title.title,
    year: title.year,
    imdb: title.ids.imdb ?? null,
    tmdb: title.ids.tmdb ?? null,
    tvdb: title.ids.tvdb ?? null,
    listedAt: listed.listedAt ?? null,
    rank: listed.rank ?? null,
  };
}

function refsOf(items: ReadonlyArray<{ type: 'movie' | 'show'; traktId: number }>): TraktSyncItems {
  const movies = items.filter((item) => item.type === 'movie').map((item) => ({ ids: { trakt: item.traktId } }));
  const shows = items.filter((item) => item.type === 'show').map((item) => ({ ids: { trakt: item.traktId } }));
  return { ...(movies.length > 0 ? { movies } : {}), ...(shows.length > 0 ? { shows } : {}) };
}

/** The label a reference is reported by when Trakt does not know it. */
function labelOf(ref: WatchlistImportRef): string {
  const id = ref.imdb ?? (ref.tmdb ? `TMDB ${ref.tmdb}` : ref.tvdb ? `TVDB ${ref.tvdb}` : `Trakt ${ref.trakt}`);
  return ref.title ? `${ref.title} (${id})` : id;
}

/**
 * A reference as a Trakt film or show: a Trakt id with its type is taken as is; otherwise Trakt's id lookup
 * answers, the most specific id first (IMDb names one title; TMDB and TVDB numbers are per type).
 */
async function resolveRef(trakt: TraktClient, ref: WatchlistImportRef): Promise<{ type: 'movie' | 'show'; traktId: number } | null> {
  if (ref.trakt && ref.type) return { type: ref.type, traktId: ref.trakt };
  const tries: Array<['trakt' | 'imdb' | 'tmdb' | 'tvdb', string | number]> = [];
  if (ref.trakt) tries.push(['trakt', ref.trakt]);
  if (ref.imdb) tries.push(['imdb', ref.imdb]);
  if (ref.tmdb) tries.push(['tmdb', ref.tmdb]);
  if (ref.tvdb) tries.push(['tvdb', ref.tvdb]);
  for (const [kind, id] of tries) {
    const found = (await trakt.lookupById(kind, id, ref.type)).map((result) => itemOf(result)).find((item) => item !== null && (!ref.type || item.type === ref.type));
    if (found) return { type: found.type, traktId: found.traktId };
  }
  return null;
}

/** The Trakt watchlist editor behind the contract, through the connected Trakt account's request pipeline. */
export function createWatchlistHandlers(ports: CorePorts, accounts: AccountsModule): Pick<Handlers, WatchlistMethods> {
  async function client(): Promise<TraktClient> {
    const account = listAccounts(ports.db).find((candidate) => candidate.service === 'trakt');
    if (!account) throw new AppError('validation', 'Connect Trakt on the Accounts screen to edit your watchlist.');
    if (account.status !== 'connected') throw new AppError('validation', 'Trakt needs you to sign in again: reconnect it on the Accounts screen.');
    const { clientId } = await accounts.clients.resolve('trakt');
    return createTraktClient({ api: ports.services.config.trakt.api, clientId, fetch: accounts.pipelines.fetchFor(account.id) });
  }

  async function listed(trakt: TraktClient): Promise<WatchlistItem[]> {
    const items = await trakt.watchlist('all');
    return items.flatMap((item) => itemOf(item, { listedAt: item.listedAt, rank: item.rank }) ?? []);
  }

  return {
    'watchlist.list': async () => ({ items: await listed(await client()) }),
    'watchlist.search': async ({ query, type, year, page }) => {
      const trakt = await client();
      const [found, current] = await Promise.all([
        trakt.search(query, { types: type === 'both' ? ['movie', 'show'] : [type], ...(year ? { years: String(year) } : {}), page, limit: 20 }),
        listed(trakt),
      ]);
      const on = new Set(current.map((item) => item.key));
      return {
        results: found.items.flatMap((result) => {
          const item = itemOf(result);
          return item ? [{ ...item, inWatchlist: on.has(item.key) }] : [];
        }),
        page: found.pagination.page,
        pageCount: found.pagination.pageCount,
      };
    },
    'watchlist.add': async ({ items }) => {
      const answer = await (await client()).addToWatchlist(refsOf(items));
      return { added: answer.added.movies + answer.added.shows, existing: answer.existing.movies + answer.existing.shows };
    },
    'watchlist.import': async ({ items }) => {
      const trakt = await client();
      const found: Array<{ type: 'movie' | 'show'; traktId: number }> = [];
      const notFound: string[] = [];
      for (const ref of items) {
        const resolved = await resolveRef(trakt, ref);
        if (resolved) found.push(resolved);
        else notFound.push(labelOf(ref));
      }
      if (found.length === 0) return { added: 0, existing: 0, notFound };
      const answer = await trakt.addToWatchlist(refsOf(found));
      return { added: answer.added.movies + answer.added.shows, existing: answer.existing.movies + answer.existing.shows, notFound };
    },
    'watchlist.remove': async ({ items }) => {
      const answer = await (await client()).removeFromWatchlist(refsOf(items));
      return { removed: answer.deleted.movies + answer.deleted.shows };
    },
  };
}
