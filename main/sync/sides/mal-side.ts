import type Database from 'better-sqlite3';
import type { Logger } from '../../app/ports';
import { malListMarker } from '../../providers/cache/list-markers';
import type { MalClient } from '../../providers/mal/client';
import type { ListEntry, MediaKind } from '../../providers/model/list-entry';
import { titleKeyOf, type ListSide, type PlannedWrite, type SideEntry, type SideRef, type SyncField, type WriteOutcome } from '../model';
import { anilistIdOfKey, type AnilistTarget } from './anilist-side';
import { entryWithState, patchOfWrite, stateOfEntry, writeErrorOf } from './list-entry-state';
import { createKeptList } from './kept-list';

export interface MalTarget {
  malId: number;
}

/** MAL ids → AniList ids for one kind (AniList's idMal, the ID tables, then AniList itself); missing ids stay unkeyed. */
export type AnilistIdsOfMal = (kind: MediaKind, malIds: readonly number[], signal?: AbortSignal) => Promise<ReadonlyMap<number, number>>;

export interface MalSideOptions {
  ref: SideRef & { service: 'mal'; kind: MediaKind };
  client: MalClient;
  anilistIdsOf: AnilistIdsOfMal;
  /** MAL ids the ID tables give an AniList entry, for titles AniList's own entry does not name one for. */
  malIdsOf?(anilistId: number): number[];
  db: Database.Database;
  logger?: Logger;
}

// MAL lists never include comments (API-NOTES §4), so notes cannot be merged three ways from MAL's side.
const animeFields: readonly SyncField[] = ['status', 'progress', 'score', 'startedAt', 'completedAt', 'repeat'];

/**
 * One MAL list as a sync side. Titles are keyed by their AniList id wherever one is known, so AniList and MAL
 * entries of the same title meet in one merge; a title AniList does not know keeps a `mal` key and is synced
 * nowhere (it shows in the plan as skipped). MAL has no batch write: one PATCH per title.
 */
export function createMalSide(options: MalSideOptions): ListSide {
  const { ref, client } = options;
  const carries = ref.kind === 'anime' ? animeFields : [...animeFields, 'progressVolumes' as const];

  const kept = createKeptList({
    db: options.db,
    accountId: ref.accountId,
    list: ref.kind,
    marker: (request) =>
      malListMarker({ listMarker: (kind) => client.listMarker(kind, request), listHolds: (kind, count) => client.listHolds(kind, count, request) }, ref.kind),
    readAll: (request) => (ref.kind === 'anime' ? client.animeList(request) : client.mangaList(request)),
    ...(options.logger ? { logger: options.logger } : {}),
  });

  async function entriesOf(list: readonly ListEntry[], signal?: AbortSignal): Promise<SideEntry[]> {
    const malIds = list.map((entry) => entry.ids.mal).filter((id): id is number => id !== undefined);
    const anilistIds = await options.anilistIdsOf(ref.kind, malIds, signal);
    return list.flatMap((entry) => {
      const malId = entry.ids.mal;
      if (malId === undefined) return [];
      const anilistId = anilistIds.get(malId);
      const titleKey = anilistId === undefined ? titleKeyOf(ref.kind, 'mal', malId) : titleKeyOf(ref.kind, 'anilist', anilistId);
      const title = entry.title ? (entry.title.english ?? entry.title.title) : `MyAnimeList ${malId}`;
      const target: MalTarget = { malId };
      return [{ titleKey, title, state: stateOfEntry(entry), target }];
    });
  }

  return {
    ref,
    carries,
    async read({ signal, full } = {}) {
      const list = { entries: await kept.read(signal, full ?? false) };
      const entries = await entriesOf(list.entries, signal);
      return { side: ref, entries, unmatched: entries.filter((entry) => entry.titleKey.includes(':mal:')).length };
    },

    createTarget(titleKey, others) {
      for (const other of others) {
        const malId = (other.target as Partial<AnilistTarget> | null)?.malId;
        if (typeof malId === 'number') return { malId } satisfies MalTarget;
      }
      // Only an unambiguous table answer: two MAL ids for one AniList entry means the tables disagree.
      const anilistId = anilistIdOfKey(titleKey);
      const fromTables = anilistId === null ? [] : (options.malIdsOf?.(anilistId) ?? []);
      return fromTables.length === 1 && fromTables[0] !== undefined ? ({ malId: fromTables[0] } satisfies MalTarget) : null;
    },

    async apply(writes, { signal } = {}) {
      const request = signal ? { signal } : {};
      const outcomes: WriteOutcome[] = [];
      // One at a time: MAL has no batch endpoint, and the account's pipeline paces the requests.
      for (const write of writes) outcomes.push(await applyOne(write, request));
      return outcomes;
    },

    async settle(done, { signal } = {}) {
      const lastList = kept.last();
      if (!lastList) return;
      const byId = new Map(lastList.flatMap((entry) => (entry.ids.mal === undefined ? [] : [[entry.ids.mal, entry] as const])));
      for (const { write, state } of done) {
        const malId = (write.target as MalTarget | null)?.malId;
        if (malId === undefined) continue;
        if (state === null) byId.delete(malId);
        else byId.set(malId, entryWithState(ref.kind, byId.get(malId), { mal: malId }, state, 'point10'));
      }
      await kept.store([...byId.values()], signal);
    },

    async readCurrent(titleKeys, { signal } = {}) {
      const request = signal ? { signal } : {};
      const list = ref.kind === 'anime' ? await client.animeList(request) : await client.mangaList(request);
      const byKey = new Map((await entriesOf(list, signal)).map((entry) => [entry.titleKey, entry.state]));
      return new Map(titleKeys.map((key) => [key, byKey.get(key) ?? null]));
    },
  };

  async function applyOne(write: PlannedWrite, request: { signal?: AbortSignal }): Promise<WriteOutcome> {
    const target = write.target as MalTarget | null;
    if (!target) return { writeId: write.id, ok: false, error: { code: 'validation', message: `No MyAnimeList id is known for "${write.title}".`, retryable: false } };
    try {
      if (write.op === 'remove') {
        await (ref.kind === 'anime' ? client.deleteAnime(target.malId, request) : client.deleteManga(target.malId, request));
        return { writeId: write.id, ok: true, state: null };
      }
      const patch = patchOfWrite(write);
      const entry = ref.kind === 'anime' ? await client.updateAnime(target.malId, patch, request) : await client.updateManga(target.malId, patch, request);
      return { writeId: write.id, ok: true, state: stateOfEntry(entry) };
    } catch (error) {
      const failure = writeErrorOf(error);
      if (write.op === 'remove' && failure.code === 'not_found') return { writeId: write.id, ok: true, state: null };
      return { writeId: write.id, ok: false, error: failure };
    }
  }
}
