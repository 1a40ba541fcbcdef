import type Database from 'better-sqlite3';
import type { Logger } from '../../app/ports';
import type { AnilistChange, AnilistClient } from '../../providers/anilist/client';
import { anilistListMarker } from '../../providers/cache/list-markers';
import type { ListEntry, MediaKind } from '../../providers/model/list-entry';
import { titleKeyOf, type ListSide, type PlannedWrite, type SideEntry, type SideRef, type SideState, type SyncField, type TitleKey, type WriteOutcome } from '../model';
import { createKeptList } from './kept-list';
import type { StatedMalIds } from './mal-keying';
import { entryWithState, patchOfWrite, stateAfter, stateOfEntry, writeErrorOf } from './list-entry-state';

/** Where an AniList entry lives: the media, the list entry (for deletes) and its MAL id (to create it on MAL). */
export interface AnilistTarget {
  mediaId: number;
  entryId: number | null;
  malId: number | null;
}

export interface AnilistSideOptions {
  ref: SideRef & { service: 'anilist'; kind: MediaKind };
  client: AnilistClient;
  userId: number;
  db: Database.Database;
  logger?: Logger;
  /** Told when a read starts and the MAL ids AniList states for the list's titles, so the MAL list can be keyed by them. */
  statedMalIds?: Pick<StatedMalIds, 'begin' | 'publish'>;
}

const animeFields: readonly SyncField[] = ['status', 'progress', 'score', 'startedAt', 'completedAt', 'repeat', 'notes', 'private'];

export function anilistEntryOf(kind: MediaKind, entry: ListEntry): SideEntry | null {
  const mediaId = entry.ids.anilist;
  if (mediaId === undefined) return null;
  const target: AnilistTarget = { mediaId, entryId: entry.entryId, malId: entry.ids.mal ?? null };
  const title = entry.title ? (entry.title.english ?? entry.title.title) : `AniList ${mediaId}`;
  return { titleKey: titleKeyOf(kind, 'anilist', mediaId), title, state: stateOfEntry(entry), target };
}

/** AniList ids are unique across anime and manga, so the key's id is the media id. */
export function anilistIdOfKey(titleKey: TitleKey): number | null {
  const match = /^(?:anime|manga):anilist:(\d+)$/.exec(titleKey);
  return match ? Number(match[1]) : null;
}

/**
 * One AniList list (anime or manga) as a sync side: read whole only when the list marker moved (DESIGN §5.1),
 * written in aliased batches (issue 6 item 3: at least 25 saves per request), one outcome per write.
 */
export function createAnilistSide(options: AnilistSideOptions): ListSide {
  const { client, userId } = options;
  // The person's score format is only known from their entries (asking the viewer would cost a request per
  // sync); a change of format moves the list marker, so a re-read brings the new scale with it.
  const ref: SideRef & { kind: MediaKind } = { ...options.ref };
  const type = ref.kind === 'anime' ? 'ANIME' : 'MANGA';
  const carries = ref.kind === 'anime' ? animeFields : [...animeFields, 'progressVolumes' as const];

  // The list as last read, and the entry ids AniList gave new entries, to store the list after a run's writes.
  // The entry ids AniList gave new entries, for removals before the next read brings them.
  const createdEntryIds = new Map<number, number>();
  const kept = createKeptList({
    db: options.db,
    accountId: ref.accountId,
    list: ref.kind,
    marker: (request) => anilistListMarker({ listMarker: (id, listType) => client.listMarker(id, listType, request) }, userId, type),
    readAll: (request) => client.listCollection(userId, type, request),
    ...(options.logger ? { logger: options.logger } : {}),
  });

  const entriesOf = (list: readonly ListEntry[]) => list.map((entry) => anilistEntryOf(ref.kind, entry)).filter((entry): entry is SideEntry => entry !== null);

  async function readList(signal: AbortSignal | undefined, full: boolean) {
    const list = { entries: await kept.read(signal, full) };
    ref.scale = list.entries.find((entry) => entry.score)?.score?.scale ?? ref.scale;
    const entries = entriesOf(list.entries);
    options.statedMalIds?.publish(ref.kind, new Map(entries.flatMap((entry) => {
      const { mediaId, malId } = entry.target as AnilistTarget;
      return malId === null ? [] : [[malId, mediaId] as const];
    })));
    return { side: ref, entries, unmatched: 0 };
  }

  return {
    ref,
    carries,
    async read({ signal, full } = {}) {
      options.statedMalIds?.begin(ref.kind);
      try {
        return await readList(signal, full ?? false);
      } catch (error) {
        // The MAL side of this plan waits for these ids; it must not wait for a list that will never come.
        options.statedMalIds?.publish(ref.kind, new Map());
        throw error;
      }
    },

    async apply(writes, { signal } = {}) {
      const request = signal ? { signal } : {};
      const outcomes = new Map<string, WriteOutcome>();
      const saves: Array<{ write: PlannedWrite; change: AnilistChange }> = [];
      for (const write of writes) {
        const target = write.target as AnilistTarget | null;
        const mediaId = target?.mediaId ?? anilistIdOfKey(write.titleKey);
        if (mediaId === null) {
          outcomes.set(write.id, { writeId: write.id, ok: false, error: { code: 'validation', message: `No AniList id is known for "${write.title}".`, retryable: false } });
        } else if (write.op === 'remove') {
          outcomes.set(write.id, await removeEntry(write, target, request));
        } else {
          saves.push({ write, change: { ...patchOfWrite(write), mediaId, ...(target?.entryId ? { entryId: target.entryId } : {}) } });
        }
      }
      if (saves.length > 0) {
        const results = await client.saveEntries(saves.map((save) => save.change), request).catch((error: unknown) => saves.map(() => ({ ok: false as const, error })));
        saves.forEach(({ write }, index) => {
          const result = results[index];
          if (!result || !result.ok) {
            outcomes.set(write.id, { writeId: write.id, ok: false, error: writeErrorOf(result?.error) });
            return;
          }
          const { saved } = result;
          createdEntryIds.set(saved.mediaId, saved.entryId);
          const state: SideState = {
            ...stateAfter(null, write),
            status: saved.status,
            progress: saved.progress,
            score: saved.score100 > 0 ? saved.score100 : null,
            repeat: saved.repeat,
            updatedAt: saved.updatedAt,
          };
          if (ref.kind === 'manga') state.progressVolumes = saved.progressVolumes;
          outcomes.set(write.id, { writeId: write.id, ok: true, state });
        });
      }
      return writes.map((write) => outcomes.get(write.id) as WriteOutcome);
    },

    async settle(done, { signal } = {}) {
      const lastList = kept.last();
      if (!lastList) return;
      const byMedia = new Map(lastList.flatMap((entry) => (entry.ids.anilist === undefined ? [] : [[entry.ids.anilist, entry] as const])));
      for (const { write, state } of done) {
        const target = write.target as AnilistTarget | null;
        const mediaId = target?.mediaId ?? anilistIdOfKey(write.titleKey);
        if (mediaId === null) continue;
        if (state === null) {
          byMedia.delete(mediaId);
          continue;
        }
        const entry = entryWithState(ref.kind, byMedia.get(mediaId), { anilist: mediaId, ...(target?.malId ? { mal: target.malId } : {}) }, state, ref.scale ?? 'point100');
        entry.entryId = createdEntryIds.get(mediaId) ?? entry.entryId;
        byMedia.set(mediaId, entry);
      }
      await kept.store([...byMedia.values()], signal);
    },

    async readCurrent(titleKeys, { signal } = {}) {
      const list = await client.listCollection(userId, type, signal ? { signal } : {});
      const byKey = new Map(entriesOf(list).map((entry) => [entry.titleKey, entry.state]));
      return new Map(titleKeys.map((key) => [key, byKey.get(key) ?? null]));
    },
  };

  async function removeEntry(write: PlannedWrite, target: AnilistTarget | null, request: { signal?: AbortSignal }): Promise<WriteOutcome> {
    const entryId = target?.entryId ?? (target ? createdEntryIds.get(target.mediaId) : undefined);
    if (!entryId) return { writeId: write.id, ok: false, error: { code: 'not_found', message: `"${write.title}" has no AniList list entry id; sync again so Kizuna re-reads the list, then remove it.`, retryable: false } };
    try {
      await client.deleteEntry(entryId, request);
      return { writeId: write.id, ok: true, state: null };
    } catch (error) {
      // Already gone is what a removal wants (a resumed run may have sent it before the kill).
      if (writeErrorOf(error).code === 'not_found') return { writeId: write.id, ok: true, state: null };
      return { writeId: write.id, ok: false, error: writeErrorOf(error) };
    }
  }
}
