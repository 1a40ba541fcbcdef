import type { AnilistService } from '../../emulators/anilist/index';
import type { EmulatorRequest } from '../../emulators/common/http-types';
import type { ListEntryRecord } from '../../emulators/anilist/state';
import type { MalState } from '../../emulators/mal/index';
import type { MalListEntry } from '../../emulators/mal/list-entries';
import type { RunningEmulators } from '../../emulators/start-emulators';

/**
 * Watches what writes do to the emulators' lists: every write request the service itself handled (the fault
 * layer let it through, or only spoiled its answer) is recorded with the entries it changed. From that, per
 * round: how many writes landed, how many landed without changing anything (a repeat), and whether any title
 * went back to a state it had already left in the same round (A → B → A: an old write applied again after a
 * newer one, the one way a duplicate can do harm with set-style writes).
 */
export interface AppliedWrite {
  service: 'anilist' | 'mal';
  path: string;
  status: number;
  /** Entry key → [row before, row after], for the entries this request changed. */
  changed: Map<string, [string | undefined, string | undefined]>;
}

export interface WriteWatch {
  /** Forgets the round so far and takes the lists as they are as the round's starting point. */
  startRound(): void;
  readonly applied: AppliedWrite[];
  /** Titles whose state came back to one it had left this round, with the states it went through. */
  revisits(): string[];
}

const date = (value: { year: number | null; month: number | null; day: number | null }) => [value.year, value.month, value.day].map((part) => part ?? '-').join('/');

function anilistRow(entry: ListEntryRecord): string {
  return [entry.status, entry.scoreRaw, entry.progress, entry.progressVolumes ?? '-', entry.repeat, entry.private, entry.notes ?? '', date(entry.startedAt), date(entry.completedAt)].join('|');
}

function malRow(entry: MalListEntry): string {
  return [entry.status, entry.score, entry.progress, entry.volumes, entry.repeating, entry.timesRepeated, entry.startDate ?? '', entry.finishDate ?? '', entry.comments].join('|');
}

function allRows(anilist: AnilistService, mal: MalState): Map<string, string> {
  const rows = new Map<string, string>();
  for (const entry of anilist.state.entries.values()) rows.set(`anilist ${entry.mediaId}`, anilistRow(entry));
  for (const kind of ['anime', 'manga'] as const) for (const entry of mal.lists[kind].values()) rows.set(`mal ${kind} ${entry.workId}`, malRow(entry));
  return rows;
}

/**
 * The rows a write request can touch, before and after: on MAL the one title in the path; on AniList every
 * entry whose id or media id appears in the body (a superset, cheap next to the whole list) and any entry
 * the request added.
 */
function touchedRows(service: 'anilist' | 'mal', request: EmulatorRequest, anilist: AnilistService, mal: MalState): () => Map<string, string> {
  if (service === 'mal') {
    const [, kind, id] = /^\/v2\/(anime|manga)\/(\d+)\//.exec(request.url.pathname) ?? [];
    return () => {
      const entry = kind === 'anime' || kind === 'manga' ? mal.lists[kind].get(Number(id)) : undefined;
      return new Map(entry ? [[`mal ${kind} ${entry.workId}`, malRow(entry)]] : []);
    };
  }
  const numbers = new Set((request.body.toString('utf8').match(/\d+/g) ?? []).map(Number));
  const known = new Set(anilist.state.entries.keys());
  return () => {
    const rows = new Map<string, string>();
    for (const entry of anilist.state.entries.values()) {
      if (numbers.has(entry.id) || numbers.has(entry.mediaId) || !known.has(entry.id)) rows.set(`anilist ${entry.mediaId}`, anilistRow(entry));
    }
    return rows;
  };
}

function isWrite(request: EmulatorRequest): boolean {
  if (request.method === 'GET' || request.method === 'HEAD') return false;
  if (request.url.pathname === '/graphql') return /^\s*mutation\b/m.test(request.body.toString('utf8')) || /"query"\s*:\s*"\s*mutation\b/.test(request.body.toString('utf8'));
  return request.url.pathname.endsWith('/my_list_status');
}

export function watchWrites(emulators: RunningEmulators): WriteWatch {
  const anilist = emulators.services.anilist as AnilistService;
  const mal = (emulators.services.mal as unknown as { state: MalState }).state;
  const snapshot = () => allRows(anilist, mal);
  const applied: AppliedWrite[] = [];
  /** Per entry, the states it was in this round, in order. */
  let history = new Map<string, Array<string | undefined>>();
  let start = snapshot();

  for (const [name, service] of [
    ['anilist', emulators.services.anilist],
    ['mal', emulators.services.mal],
  ] as const) {
    const handle = service.handle.bind(service);
    service.handle = async (request) => {
      if (!isWrite(request)) return handle(request);
      const rows = touchedRows(name, request, anilist, mal);
      const before = rows();
      const response = await handle(request);
      const after = rows();
      const changed = new Map<string, [string | undefined, string | undefined]>();
      for (const key of new Set([...before.keys(), ...after.keys()])) if (before.get(key) !== after.get(key)) changed.set(key, [before.get(key), after.get(key)]);
      applied.push({ service: name, path: request.url.pathname, status: response.status, changed });
      for (const [key, [, now]] of changed) {
        const states = history.get(key) ?? [start.get(key)];
        states.push(now);
        history.set(key, states);
      }
      return response;
    };
  }

  return {
    applied,
    startRound() {
      applied.length = 0;
      history = new Map();
      start = snapshot();
    },
    revisits() {
      const found: string[] = [];
      for (const [key, states] of history) {
        const seen = new Set<string | undefined>();
        let previous: string | undefined | null = null;
        for (const state of states) {
          if (state !== previous && seen.has(state)) {
            found.push(`${key}: ${states.map((value) => value ?? '(none)').join(' → ')}`);
            break;
          }
          seen.add(state);
          previous = state;
        }
      }
      return found;
    },
  };
}
