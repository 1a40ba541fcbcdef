/**
 * The shared vocabulary of the sync engine (DESIGN §5, issue 6). Sides (one account's list of one kind) read
 * into `SideState`s keyed by title; the merge compares each side with its own last-synced base and yields
 * `FieldChange`s and `Conflict`s; the planner turns them into a `SyncPlan` of `PlannedWrite`s; the executor
 * journals and sends them. Each part speaks only these types, so each can be built and tested alone.
 */
import type { ListStatus, MediaKind, ScoreScale } from '../providers/model/list-entry';

export type { ListStatus, MediaKind, ScoreScale };

export type { SideProblem, SideKind, SyncService, SyncField, Direction, ConflictRule, SideRef, FieldChange, GuardReason, PlannedWrite, Conflict, SkippedTitle, GuardVerdict, SyncPlan, PairId, PairSettings } from '../../shared/contract/sync';
export { syncFields } from '../../shared/contract/sync';
import type { SideKind, Conflict, PlannedWrite, SkippedTitle, SyncField, SideRef, PairSettings, PairId, SyncService } from '../../shared/contract/sync';

/**
 * One title's state on one side. A field that is `undefined` is not carried by this side (or was not read);
 * `null` means the side carries the field and it is empty. `score` is on 0-100 (0 never appears: unscored is
 * null); the side's own scale is on its `SideRef`.
 */
export interface SideState {
  status?: ListStatus;
  progress?: number;
  progressVolumes?: number | null;
  score?: number | null;
  startedAt?: string | null;
  completedAt?: string | null;
  repeat?: number;
  notes?: string | null;
  private?: boolean;
  /** AniList's "hidden from status lists"; read so the merge can respect it, never written by a sync. */
  hidden?: boolean;
  watched?: string[];
  watchlisted?: boolean;
  /** The service's last change to this entry (ISO 8601), when it says. */
  updatedAt?: string | null;
}

export type FieldValue = SideState[SyncField];

/** `${kind}:anilist:${id}`, or `${kind}:mal:${id}` for a title AniList does not know, `show:tvdb:${id}`… */
export type TitleKey = string;

export function titleKeyOf(kind: MediaKind, service: 'anilist' | 'mal', id: number): TitleKey {
  return `${kind}:${service}:${id}`;
}

/** Trakt ⇄ Plex titles: `show:tvdb:81797`, `movie:tmdb:129`, `movie:imdb:tt0245429`. */
export function videoKeyOf(type: 'show' | 'movie', idKind: 'tvdb' | 'tmdb' | 'imdb' | 'trakt', id: string | number): TitleKey {
  return `${type}:${idKind}:${id}`;
}

/** A pair as the engine uses it: the settings of `id`, with its two services named. */
export interface PairConfig extends PairSettings {
  id: PairId;
  a: SyncService;
  b: SyncService;
}

/** A write's id: stable across re-plans of the same title, so a resumed run recognises its journal rows. */
export function writeIdOf(side: Pick<SideRef, 'accountId' | 'kind'>, titleKey: TitleKey): string {
  return `${side.accountId}|${side.kind}|${titleKey}`;
}

/** One side of one title as the merge sees it. */
export interface TitleSide {
  side: SideRef;
  /** null: not on this side's list now. */
  current: SideState | null;
  /** The state agreed at the last sync; null: never synced (or absent then). */
  base: SideState | null;
  /** The service's address of the entry, passed through to writes; null when the entry does not exist yet. */
  target: unknown;
  /** The fields this side stores (its ListSide's `carries`). */
  carries: readonly SyncField[];
}

/** Every side that knows a title (or should), for one merge. */
export interface TitleInput {
  titleKey: TitleKey;
  title: string;
  kind: SideKind;
  sides: TitleSide[];
}

export interface MergeOptions {
  pairs: readonly PairConfig[];
  /** Copy entries AniList marks private to services that have no private flag (off by default). */
  syncPrivate: boolean;
  /** Services where a sync may lower progress or unmark watched episodes (Plex only when the person allowed it). */
  unwatch: readonly SyncService[];
  /** The person's answers to earlier conflicts: conflict id → the account whose value wins. */
  resolutions: ReadonlyMap<string, string>;
}

/** What the merge of one title asks for: writes per side (with guards), conflicts, and why sides were left out. */
export interface TitleMerge {
  writes: PlannedWrite[];
  conflicts: Conflict[];
  skipped: SkippedTitle[];
}

/** One title as a side read it. */
export interface SideEntry {
  titleKey: TitleKey;
  title: string;
  state: SideState;
  target: unknown;
}

export interface SideRead {
  side: SideRef;
  entries: SideEntry[];
  /** Items on the list that matched no title: they went to the review queue and are not synced. */
  unmatched: number;
}

export interface WriteError {
  code: string;
  message: string;
  retryable: boolean;
}

/** What became of one write: the side's state after it (null after a removal), or why it failed. */
export type WriteOutcome = { writeId: string; ok: true; state: SideState | null } | { writeId: string; ok: false; error: WriteError };

export interface SideCallOptions {
  signal?: AbortSignal;
}

/**
 * One account's list of one kind, as the engine reads and writes it. Implementations live in sync/sides/ and
 * wrap the provider clients; they batch where the service allows and never throw for one item's failure.
 */
export interface ListSide {
  readonly ref: SideRef;
  /** The fields this side stores (Plex: progress and status only; MAL: no private flag…). */
  readonly carries: readonly SyncField[];
  /** The whole list (or the cached copy when the service says nothing changed, unless `full`). */
  read(options?: SideCallOptions & { full?: boolean }): Promise<SideRead>;
  /** Sends writes (`changes[].after` are the values to store); one outcome per write, in order. */
  apply(writes: readonly PlannedWrite[], options?: SideCallOptions): Promise<WriteOutcome[]>;
  /**
   * Whether the side can hold this value at all (Plex holds no status but "completed"); changes it cannot
   * hold are left out of plans, so they are neither sent nor proposed again and again. Absent: any value.
   */
  accepts?(field: SyncField, value: FieldValue): boolean;
  /**
   * Where a new entry for this title would go, from what the other sides know of it (MAL needs the MAL id
   * AniList gives); null: this side cannot hold the title. Absent: the side never creates entries (Plex).
   */
  createTarget?(titleKey: TitleKey, others: readonly SideEntry[]): unknown;
  /**
   * Called once a run's writes to this list are done, with what each left behind (null: removed): the side
   * stores its list as it now is, so the next plan does not re-read it whole to find the app's own writes.
   */
  settle?(done: ReadonlyArray<{ write: PlannedWrite; state: SideState | null }>, options?: SideCallOptions): Promise<void>;
  /** Reads these titles fresh (null: not on the list), to resume a run or check before an undo. */
  readCurrent(titleKeys: readonly TitleKey[], options?: SideCallOptions): Promise<Map<TitleKey, SideState | null>>;
}
