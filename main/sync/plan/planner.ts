import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { Settings } from '../../../shared/contract';
import type { Logger } from '../../app/ports';
import { evaluateGuards, mergeTitle } from '../merge/index';
import type { ListSide, PlannedWrite, SideProblem, SkippedTitle, SyncPlan, TitleMerge } from '../model';
import { loadBases, loadConflictAnswers, replaceSideEntries } from '../store/index';
import { groupTitles, type SideWithRead } from './group-titles';
import { mergeOptionsOf } from './pair-configs';
import { writeErrorOf } from '../sides/list-entry-state';

export interface PlanOptions {
  db: Database.Database;
  sides: readonly ListSide[];
  settings: Settings['sync'];
  /** Re-read every list whole, whatever the services' change markers say. */
  full?: boolean;
  signal?: AbortSignal;
  logger?: Logger;
  now?: () => Date;
}

/**
 * Read every list, merge each title three ways and return the plan (DESIGN §5.1-4). Writes nothing to any
 * service: the plan is the preview, and `sync.run` executes it. A list that cannot be read is named in
 * `problems` and its titles are left out, so one signed-out account never blocks the others.
 */
export async function planSync(options: PlanOptions): Promise<SyncPlan> {
  const { db, settings } = options;
  const now = options.now ?? (() => new Date());
  const mergeOptions = mergeOptionsOf(settings, loadConflictAnswers(db));
  const services = new Set(options.sides.map((side) => side.ref.service));
  const pairs = mergeOptions.pairs.filter((pair) => services.has(pair.a) && services.has(pair.b));
  const inPairs = new Set(pairs.flatMap((pair) => [pair.a, pair.b]));

  const problems: SideProblem[] = [];
  const lists: SideWithRead[] = [];
  await Promise.all(
    options.sides
      .filter((side) => inPairs.has(side.ref.service))
      .map(async (side) => {
        try {
          const read = await side.read({ ...(options.signal ? { signal: options.signal } : {}), full: options.full ?? false });
          replaceSideEntries(db, side.ref, read.entries);
          lists.push({ side, read, bases: loadBases(db, side.ref.accountId, side.ref.kind) });
        } catch (error) {
          const failure = writeErrorOf(error);
          options.logger?.warn('a list could not be read for the plan', { accountId: side.ref.accountId, kind: side.ref.kind, code: failure.code });
          problems.push({ side: side.ref, message: failure.message, code: failure.code });
        }
      }),
  );
  // Promise.all settles in completion order; keep plans stable for the same input.
  lists.sort((x, y) => `${x.side.ref.accountId}|${x.side.ref.kind}`.localeCompare(`${y.side.ref.accountId}|${y.side.ref.kind}`));

  const grouped = groupTitles(lists);
  const merged: TitleMerge = { writes: [], conflicts: [], skipped: [...grouped.skipped] };
  const creators = new Map(lists.map((list) => [`${list.side.ref.accountId}|${list.side.ref.kind}`, list.side]));
  for (const title of grouped.titles) {
    const result = mergeTitle(title, { ...mergeOptions, pairs });
    merged.conflicts.push(...result.conflicts);
    merged.skipped.push(...result.skipped);
    for (const proposed of result.writes) {
      const side = creators.get(`${proposed.side.accountId}|${proposed.side.kind}`);
      const write = holdable(proposed, side);
      if (!write) continue;
      const kept = keepCreate(write, side);
      if (kept === true) merged.writes.push(write);
      else if (kept) merged.skipped.push(kept);
    }
  }

  const listSizes = new Map(lists.map((list) => [`${list.side.ref.accountId}|${list.side.ref.kind}`, list.read.entries.length]));
  return {
    id: randomUUID(),
    createdAt: now().toISOString(),
    pairs: pairs.map((pair) => pair.id),
    lists: lists.map((list) => ({ side: list.side.ref, entries: list.read.entries.length, unmatched: list.read.unmatched })),
    problems,
    writes: merged.writes,
    conflicts: merged.conflicts,
    skipped: merged.skipped,
    guard: evaluateGuards(merged.writes, listSizes, { share: settings.guardShare, entries: settings.guardEntries }),
  };
}

/** The write without the changes its side cannot hold; null when nothing is left of an update. */
function holdable(write: PlannedWrite, side: ListSide | undefined): PlannedWrite | null {
  if (!side?.accepts) return write;
  const changes = write.changes.filter((change) => side.accepts?.(change.field, change.after) ?? true);
  if (changes.length === write.changes.length) return write;
  return changes.length === 0 && write.op === 'update' ? null : { ...write, changes };
}

/**
 * A create goes only to a side that can hold the title: Plex cannot add a show to a library (dropped
 * quietly: most AniList titles are simply not in Plex), MAL needs the MAL id AniList gives (said when missing).
 */
function keepCreate(write: PlannedWrite, side: ListSide | undefined): true | SkippedTitle | null {
  if (write.op !== 'create') return true;
  if (!side?.createTarget) return null;
  if (write.target !== null && write.target !== undefined) return true;
  return { titleKey: write.titleKey, title: write.title, side: write.side, reason: `Not added to ${serviceName(write.side.service)}: no ${serviceName(write.side.service)} id is known for this title.` };
}

export function serviceName(service: string): string {
  return ({ anilist: 'AniList', mal: 'MyAnimeList', trakt: 'Trakt', plex: 'Plex' } as Record<string, string>)[service] ?? service;
}
