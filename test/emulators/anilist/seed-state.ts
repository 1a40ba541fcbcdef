import type { Clock } from '../common/clock';
import { hashString } from '../common/random';
import type { SeedListEntry, SeedTitle, SeedWorld } from '../seed/world';
import { roundTrip } from './scores';
import { AnilistState, emptyDate, type FuzzyDate, type MediaRecord } from './state';
import { TokenStore } from './tokens';

/**
 * Copies what AniList knows out of the seed world: every title with an AniList id becomes a Media, the
 * world's AniList user owns `lists.anilist`. Titles only Trakt and Plex know (no AniList id) are not on AniList.
 */

/** The custom list that entries hidden from status lists are put in: a hidden entry is only ever seen there. */
export const HIDDEN_ENTRIES_LIST = 'Hidden';

const seasonMonth = { WINTER: 1, SPRING: 4, SUMMER: 7, FALL: 10 } as const;

export function stateFromWorld(world: SeedWorld, clock: Clock): AnilistState {
  const seedUser = world.users.anilist;
  const state = new AnilistState(seedUser.id, new TokenStore(clock));
  const now = Math.floor(clock.now() / 1000);
  for (const title of world.titles) {
    const media = mediaFromTitle(title, now);
    if (media) state.addMedia(media);
  }
  const titles = new Map(world.titles.map((title) => [title.key, title]));
  const hasHidden = (type: 'ANIME' | 'MANGA') =>
    world.lists.anilist.some((entry) => entry.hiddenFromStatusLists && mediaOf(titles, entry)?.type === type);
  state.users.set(seedUser.id, {
    id: seedUser.id,
    name: seedUser.name,
    scoreFormat: seedUser.scoreFormat,
    titleLanguage: 'ROMAJI',
    displayAdultContent: false,
    customLists: { ANIME: hasHidden('ANIME') ? [HIDDEN_ENTRIES_LIST] : [], MANGA: hasHidden('MANGA') ? [HIDDEN_ENTRIES_LIST] : [] },
    splitCompletedSectionByFormat: { ANIME: false, MANGA: false },
    createdAt: now - 5 * 365 * 86_400,
    updatedAt: now,
  });
  for (const seed of world.lists.anilist) {
    const media = mediaOf(titles, seed);
    if (!media) continue;
    const entry = state.createEntry(seedUser.id, media.id, seed.updatedAt);
    Object.assign(entry, {
      status: seed.status,
      scoreRaw: roundTrip(seed.score, seedUser.scoreFormat),
      progress: seed.progress,
      progressVolumes: seed.progressVolumes,
      repeat: seed.repeat,
      notes: seed.notes,
      private: seed.private,
      hiddenFromStatusLists: seed.hiddenFromStatusLists,
      customLists: seed.hiddenFromStatusLists ? { [HIDDEN_ENTRIES_LIST]: true } : {},
      startedAt: parseDate(seed.startedAt),
      completedAt: parseDate(seed.completedAt),
    });
  }
  return state;
}

function mediaOf(titles: Map<string, SeedTitle>, entry: SeedListEntry): { id: number; type: 'ANIME' | 'MANGA' } | undefined {
  const title = titles.get(entry.titleKey);
  const id = title?.ids.anilist;
  if (!title || id === undefined) return undefined;
  return { id, type: title.kind === 'manga' ? 'MANGA' : 'ANIME' };
}

export function mediaFromTitle(title: SeedTitle, nowSeconds: number): MediaRecord | undefined {
  const id = title.ids.anilist;
  if (id === undefined || (title.kind !== 'anime' && title.kind !== 'manga')) return undefined;
  const anime = title.kind === 'anime';
  return {
    id,
    idMal: title.ids.mal ?? null,
    type: anime ? 'ANIME' : 'MANGA',
    format: title.format,
    status: 'FINISHED',
    title: { romaji: title.titles.romaji, english: title.titles.english, native: title.titles.native },
    synonyms: [...title.titles.synonyms],
    description: title.description,
    season: anime ? title.season : null,
    seasonYear: anime ? title.year : null,
    startDate: { year: title.year, month: title.season ? seasonMonth[title.season] : null, day: null },
    endDate: emptyDate(),
    episodes: anime ? title.episodes : null,
    duration: anime ? title.episodeMinutes : null,
    chapters: anime ? null : title.chapters,
    volumes: anime ? null : title.volumes,
    genres: [...title.genres],
    averageScore: title.averageScore,
    meanScore: title.averageScore,
    // Not in the seed; a stable made-up count so POPULARITY sorts are deterministic.
    popularity: 1_000 + (hashString(title.key) % 400_000),
    isAdult: title.isAdult,
    countryOfOrigin: 'JP',
    isLicensed: true,
    updatedAt: nowSeconds,
  };
}

/** "2024-04-07", "2024-04" or "2024" → FuzzyDate; null → all-null, as AniList returns an unset date. */
export function parseDate(text: string | null): FuzzyDate {
  if (!text) return emptyDate();
  const [year, month, day] = text.split('-').map((part) => Number.parseInt(part, 10));
  const valid = (value: number | undefined) => (value !== undefined && Number.isFinite(value) ? value : null);
  return { year: valid(year), month: valid(month), day: valid(day) };
}
