import type { MediaFormat } from '../seed/world';
import type { ScoreFormat } from './scores';
import type { TokenStore } from './tokens';

/**
 * The emulator's in-memory AniList: the media catalogue, users and their list entries. Resolvers read and
 * change this; it is built from the seed world once and never shares objects with it.
 */

export interface FuzzyDate {
  year: number | null;
  month: number | null;
  day: number | null;
}

export type MediaType = 'ANIME' | 'MANGA';
export type ListStatus = 'CURRENT' | 'PLANNING' | 'COMPLETED' | 'DROPPED' | 'PAUSED' | 'REPEATING';

export interface MediaRecord {
  id: number;
  idMal: number | null;
  type: MediaType;
  format: MediaFormat;
  status: 'FINISHED' | 'RELEASING' | 'NOT_YET_RELEASED' | 'CANCELLED' | 'HIATUS';
  title: { romaji: string; english: string | null; native: string | null };
  synonyms: string[];
  description: string;
  season: 'WINTER' | 'SPRING' | 'SUMMER' | 'FALL' | null;
  seasonYear: number | null;
  startDate: FuzzyDate;
  endDate: FuzzyDate;
  episodes: number | null;
  duration: number | null;
  chapters: number | null;
  volumes: number | null;
  genres: string[];
  averageScore: number | null;
  meanScore: number | null;
  popularity: number;
  isAdult: boolean;
  countryOfOrigin: string;
  isLicensed: boolean;
  updatedAt: number;
}

export interface UserRecord {
  id: number;
  name: string;
  scoreFormat: ScoreFormat;
  titleLanguage: 'ROMAJI' | 'ENGLISH' | 'NATIVE';
  displayAdultContent: boolean;
  /** Names of the user's custom lists, per list type (MediaListTypeOptions.customLists). */
  customLists: Record<MediaType, string[]>;
  splitCompletedSectionByFormat: Record<MediaType, boolean>;
  createdAt: number;
  updatedAt: number;
}

export interface ListEntryRecord {
  id: number;
  userId: number;
  mediaId: number;
  status: ListStatus;
  /** Always 0-100; MediaList.score converts it per format. */
  scoreRaw: number;
  progress: number;
  progressVolumes: number | null;
  repeat: number;
  priority: number;
  private: boolean;
  notes: string | null;
  hiddenFromStatusLists: boolean;
  /** Custom list name → enabled, as MediaList.customLists returns it. */
  customLists: Record<string, boolean>;
  advancedScores: Record<string, number>;
  startedAt: FuzzyDate;
  completedAt: FuzzyDate;
  /** Unix seconds. */
  updatedAt: number;
  createdAt: number;
}

export const emptyDate = (): FuzzyDate => ({ year: null, month: null, day: null });

export class AnilistState {
  readonly media = new Map<number, MediaRecord>();
  readonly users = new Map<number, UserRecord>();
  readonly entries = new Map<number, ListEntryRecord>();
  private readonly byMal = new Map<number, MediaRecord>();
  private nextEntryId: number;

  constructor(
    /** The world's AniList user: who the OAuth pages sign in as. */
    readonly mainUserId: number,
    readonly tokens: TokenStore,
    firstEntryId = 400_000_001,
  ) {
    this.nextEntryId = firstEntryId;
  }

  addMedia(media: MediaRecord): void {
    this.media.set(media.id, media);
    if (media.idMal !== null) this.byMal.set(media.idMal, media);
  }

  mediaByMal(idMal: number): MediaRecord | undefined {
    return this.byMal.get(idMal);
  }

  userByName(name: string): UserRecord | undefined {
    const wanted = name.toLowerCase();
    for (const user of this.users.values()) if (user.name.toLowerCase() === wanted) return user;
    return undefined;
  }

  mainUser(): UserRecord {
    const user = this.users.get(this.mainUserId);
    if (!user) throw new Error('anilist emulator: the main user is missing');
    return user;
  }

  entryFor(userId: number, mediaId: number): ListEntryRecord | undefined {
    for (const entry of this.entries.values()) if (entry.userId === userId && entry.mediaId === mediaId) return entry;
    return undefined;
  }

  /** A user's entries of one media type (anime or manga list), in entry-id order. */
  listOf(userId: number, type: MediaType | null): ListEntryRecord[] {
    const rows: ListEntryRecord[] = [];
    for (const entry of this.entries.values()) {
      if (entry.userId !== userId) continue;
      if (type && this.media.get(entry.mediaId)?.type !== type) continue;
      rows.push(entry);
    }
    return rows.sort((a, b) => a.id - b.id);
  }

  /** A new, empty entry with the next id (ids are global on AniList, not per user). */
  createEntry(userId: number, mediaId: number, nowSeconds: number): ListEntryRecord {
    const entry: ListEntryRecord = {
      id: this.nextEntryId++,
      userId,
      mediaId,
      // MySQL gives an ENUM column its first value; CURRENT is the first MediaListStatus. An assumption: the
      // docs do not say what status a new entry without one gets.
      status: 'CURRENT',
      scoreRaw: 0,
      progress: 0,
      progressVolumes: null,
      repeat: 0,
      priority: 0,
      private: false,
      notes: null,
      hiddenFromStatusLists: false,
      customLists: {},
      advancedScores: {},
      startedAt: emptyDate(),
      completedAt: emptyDate(),
      updatedAt: nowSeconds,
      createdAt: nowSeconds,
    };
    this.entries.set(entry.id, entry);
    return entry;
  }
}
