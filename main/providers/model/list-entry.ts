/**
 * The shared shape every list client maps into (DESIGN §4 "Entry state per service"). Service-neutral: the
 * AniList and MAL clients (and later Trakt and Plex) produce `ListEntry`, and writes take an `EntryPatch`.
 * Values a service does not have are left undefined rather than invented, so the sync's rule "a missing
 * value never clears a present one" (DESIGN §5) can tell "not known" from "empty".
 */

export type MediaKind = 'anime' | 'manga';

export type ListStatus = 'planning' | 'current' | 'completed' | 'paused' | 'dropped' | 'repeating';

export const listStatuses: readonly ListStatus[] = ['planning', 'current', 'completed', 'paused', 'dropped', 'repeating'];

/** The scales scores are kept on: AniList's five ScoreFormats; MAL is always point10. */
export type ScoreScale = 'point100' | 'point10decimal' | 'point10' | 'point5' | 'point3';

export interface Score {
  /** As the service shows it to the user, on `scale`. */
  native: number;
  scale: ScoreScale;
  /** The same score on 0-100, for comparing and converting between services. */
  value100: number;
}

/** Ids a title is known by on each service; a client fills in what its service tells it. */
export interface TitleIds {
  anilist?: number;
  mal?: number;
}

/** What matching and review screens need to know about a title (DESIGN §6), as one service describes it. */
export interface TitleSummary {
  ids: TitleIds;
  kind: MediaKind;
  /** The service's main title (AniList romaji, MAL's `title`). */
  title: string;
  english: string | null;
  native: string | null;
  synonyms: string[];
  /** The service's own format word, lower-cased: tv, movie, ova, manga, light_novel… */
  format: string | null;
  episodes: number | null;
  chapters: number | null;
  volumes: number | null;
  /** yyyy-mm-dd, yyyy-mm or yyyy. */
  startDate: string | null;
  adult: boolean;
  cover: string | null;
}

export interface ListEntry {
  kind: MediaKind;
  /** The service's id of the entry itself when it has one (AniList MediaList.id); MAL keys entries by title. */
  entryId: number | null;
  /** The title's ids; the service's own id is always there. */
  ids: TitleIds;
  status: ListStatus;
  /** Episodes (anime) or chapters (manga). */
  progress: number;
  /** Manga only; null for anime. */
  progressVolumes: number | null;
  /** null when unscored (both services store "no score" as 0). */
  score: Score | null;
  /** yyyy-mm-dd, or yyyy-mm / yyyy when the service knows only that much; null when unset. */
  startedAt: string | null;
  completedAt: string | null;
  /** Completed rewatches or rereads. */
  repeat: number;
  /** undefined when the read did not carry notes (MAL lists never include comments, API-NOTES §4). */
  notes?: string | null;
  /** undefined where the service has no per-entry private flag (MAL). */
  private?: boolean;
  /** ISO 8601 instant of the service's last change to this entry. */
  updatedAt: string;
  title?: TitleSummary;
}

/**
 * A change to one entry. Only the fields present are written; `null` clears (dates, notes). Scores are given
 * on 0-100 (`score100`, 0 clears) and each client converts to what its service stores.
 */
export interface EntryPatch {
  status?: ListStatus;
  progress?: number;
  progressVolumes?: number;
  score100?: number;
  startedAt?: string | null;
  completedAt?: string | null;
  repeat?: number;
  notes?: string | null;
  private?: boolean;
}

/** One page of a search. */
export interface SearchPage {
  titles: TitleSummary[];
  hasNextPage: boolean;
}

/** Unix seconds or any date-time string → ISO 8601 UTC. */
export function isoInstant(value: number | string): string {
  return new Date(typeof value === 'number' ? value * 1000 : value).toISOString();
}
