import type { AnilistService } from '../../emulators/anilist/index';
import type { FuzzyDate, ListEntryRecord, ListStatus } from '../../emulators/anilist/state';
import { pick, randomInt, type Random } from '../../emulators/common/random';
import type { MalState } from '../../emulators/mal/index';
import type { MalListEntry } from '../../emulators/mal/list-entries';
import type { RunningEmulators } from '../../emulators/start-emulators';

/**
 * What a person does to their lists between two syncs, as data: the same edits are applied to two worlds'
 * emulators (the faulty one and the reference), so both start each round from the same lists. Values stay
 * within what each service accepts (progress within the title's length, whole 0-10 scores), so a fault-free
 * sync can always carry them over.
 */
export type ChaosEdit =
  | { service: 'anilist'; mediaId: number; field: 'status'; value: ListStatus }
  | { service: 'anilist'; mediaId: number; field: 'progress' | 'scoreRaw' | 'repeat'; value: number }
  | { service: 'anilist'; mediaId: number; field: 'startedAt' | 'completedAt'; value: FuzzyDate }
  | { service: 'mal'; kind: 'anime' | 'manga'; malId: number; field: 'status'; value: string }
  | { service: 'mal'; kind: 'anime' | 'manga'; malId: number; field: 'score' | 'progress' | 'timesRepeated'; value: number }
  | { service: 'mal'; kind: 'anime' | 'manga'; malId: number; field: 'repeating'; value: boolean }
  | { service: 'mal'; kind: 'anime' | 'manga'; malId: number; field: 'startDate' | 'finishDate'; value: string | null };

const anilistStatuses: readonly ListStatus[] = ['CURRENT', 'PLANNING', 'COMPLETED', 'DROPPED', 'PAUSED', 'REPEATING'];
const malStatuses = { anime: ['watching', 'completed', 'on_hold', 'dropped', 'plan_to_watch'], manga: ['reading', 'completed', 'on_hold', 'dropped', 'plan_to_read'] } as const;

const anilistOf = (emulators: RunningEmulators) => emulators.services.anilist as AnilistService;
const malOf = (emulators: RunningEmulators) => (emulators.services.mal as unknown as { state: MalState }).state;

interface Pair {
  kind: 'anime' | 'manga';
  anilist: ListEntryRecord | undefined;
  mediaId: number;
  malId: number | null;
  mal: MalListEntry | undefined;
  /** The title's length where both services know it (the smaller when they disagree); null: unknown. */
  total: number | null;
}

/** The titles on either list, AniList and MAL entries of one title together (AniList's idMal links them). */
function pairs(emulators: RunningEmulators): Pair[] {
  const anilist = anilistOf(emulators);
  const mal = malOf(emulators);
  const found: Pair[] = [];
  for (const entry of [...anilist.state.entries.values()].filter((candidate) => candidate.userId === anilist.state.mainUserId).sort((a, b) => a.id - b.id)) {
    const media = anilist.state.media.get(entry.mediaId);
    if (!media) continue;
    const kind = media.type === 'ANIME' ? 'anime' : 'manga';
    const malEntry = media.idMal === null ? undefined : mal.lists[kind].get(media.idMal);
    const work = media.idMal === null ? undefined : mal.works[kind].get(media.idMal);
    const lengths = [kind === 'anime' ? media.episodes : media.chapters, work ? (kind === 'anime' ? work.numEpisodes : work.numChapters) || null : null].filter((value): value is number => value !== null && value > 0);
    found.push({ kind, anilist: entry, mediaId: media.id, malId: media.idMal, mal: malEntry, total: lengths.length > 0 ? Math.min(...lengths) : null });
  }
  return found;
}

function date(random: Random): FuzzyDate {
  return { year: randomInt(random, 2015, 2025), month: randomInt(random, 1, 12), day: randomInt(random, 1, 28) };
}

const malDate = (value: FuzzyDate) => `${value.year}-${String(value.month).padStart(2, '0')}-${String(value.day).padStart(2, '0')}`;

function progressFor(random: Random, pair: Pair, current: number): number {
  const ceiling = pair.total ?? current + 5;
  const next = random() < 0.6 ? current + randomInt(random, 1, 3) : randomInt(random, 0, ceiling);
  return Math.max(0, Math.min(ceiling, next));
}

function anilistEdits(random: Random, pair: Pair): ChaosEdit[] {
  const entry = pair.anilist;
  if (!entry) return [];
  const edits: ChaosEdit[] = [];
  const fields = new Set<string>();
  for (let i = randomInt(random, 1, 3); i > 0; i--) fields.add(pick(random, ['status', 'progress', 'progress', 'scoreRaw', 'repeat', 'startedAt', 'completedAt']));
  const id = pair.mediaId;
  for (const field of fields) {
    if (field === 'status') edits.push({ service: 'anilist', mediaId: id, field, value: pick(random, anilistStatuses.filter((status) => status !== entry.status)) });
    else if (field === 'progress') edits.push({ service: 'anilist', mediaId: id, field, value: progressFor(random, pair, entry.progress) });
    else if (field === 'scoreRaw') edits.push({ service: 'anilist', mediaId: id, field, value: randomInt(random, 0, 10) * 10 });
    else if (field === 'repeat') edits.push({ service: 'anilist', mediaId: id, field, value: entry.repeat + randomInt(random, 1, 2) });
    else if (field === 'startedAt' || field === 'completedAt') edits.push({ service: 'anilist', mediaId: id, field, value: date(random) });
  }
  return edits;
}

function malEdits(random: Random, pair: Pair): ChaosEdit[] {
  const entry = pair.mal;
  if (!entry || pair.malId === null) return [];
  const edits: ChaosEdit[] = [];
  const fields = new Set<string>();
  for (let i = randomInt(random, 1, 3); i > 0; i--) fields.add(pick(random, ['status', 'progress', 'progress', 'score', 'timesRepeated', 'repeating', 'startDate', 'finishDate']));
  const base = { service: 'mal' as const, kind: pair.kind, malId: pair.malId };
  for (const field of fields) {
    if (field === 'status') edits.push({ ...base, field, value: pick(random, malStatuses[pair.kind].filter((status) => status !== entry.status)) });
    else if (field === 'progress') edits.push({ ...base, field, value: progressFor(random, pair, entry.progress) });
    else if (field === 'score') edits.push({ ...base, field, value: randomInt(random, 0, 10) });
    else if (field === 'timesRepeated') edits.push({ ...base, field, value: entry.timesRepeated + randomInt(random, 1, 2) });
    else if (field === 'repeating') edits.push({ ...base, field, value: !entry.repeating });
    else if (field === 'startDate' || field === 'finishDate') edits.push({ ...base, field, value: random() < 0.15 ? null : malDate(date(random)) });
  }
  return edits;
}

/**
 * 5-30 titles, each edited on AniList (45%), on MAL (45%) or on both (10%: a real conflict when the same
 * field moves two ways), read from `emulators` (either world: their lists are equal at the start of a round).
 */
export function planEdits(random: Random, emulators: RunningEmulators): ChaosEdit[] {
  const all = pairs(emulators);
  const count = randomInt(random, 5, 30);
  const chosen = new Set<number>();
  while (chosen.size < Math.min(count, all.length)) chosen.add(randomInt(random, 0, all.length - 1));
  const edits: ChaosEdit[] = [];
  for (const index of [...chosen].sort((a, b) => a - b)) {
    const pair = all[index]!;
    const roll = random();
    const sides = roll < 0.45 ? ['anilist'] : roll < 0.9 ? ['mal'] : ['anilist', 'mal'];
    if (sides.includes('anilist')) edits.push(...anilistEdits(random, pair));
    if (sides.includes('mal')) edits.push(...malEdits(random, pair));
  }
  return edits;
}

/**
 * Applies edits to one world's emulator state as the services' own sites would, moving each edited entry's
 * updatedAt past every stamp the list holds so the lists' change markers move (a marker compares the newest
 * stamp, in whole seconds on AniList).
 */
export function applyEdits(emulators: RunningEmulators, edits: readonly ChaosEdit[]): void {
  const anilist = anilistOf(emulators).state;
  const mal = malOf(emulators);
  const anilistStamp = Math.max(Math.floor(Date.now() / 1000), ...[...anilist.entries.values()].map((entry) => entry.updatedAt)) + 1;
  const malStamp = Math.max(Date.now(), ...(['anime', 'manga'] as const).flatMap((kind) => [...mal.lists[kind].values()].map((entry) => entry.updatedAt))) + 1;
  for (const edit of edits) {
    if (edit.service === 'anilist') {
      const entry = anilist.entryFor(anilist.mainUserId, edit.mediaId);
      if (!entry) throw new Error(`chaos edit: no AniList entry for media ${edit.mediaId}`);
      (entry as unknown as Record<string, unknown>)[edit.field] = typeof edit.value === 'object' && edit.value !== null ? { ...edit.value } : edit.value;
      entry.updatedAt = anilistStamp;
    } else {
      const entry = mal.lists[edit.kind].get(edit.malId);
      if (!entry) throw new Error(`chaos edit: no MAL ${edit.kind} entry ${edit.malId}`);
      (entry as unknown as Record<string, unknown>)[edit.field] = edit.value;
      entry.updatedAt = malStamp;
    }
  }
}

export function describeEdit(edit: ChaosEdit): string {
  const where = edit.service === 'anilist' ? `anilist media ${edit.mediaId}` : `mal ${edit.kind} ${edit.malId}`;
  return `${where} ${edit.field} = ${JSON.stringify(edit.value)}`;
}
