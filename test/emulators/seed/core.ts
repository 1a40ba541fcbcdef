import type { EntryPlan } from './entries';
import { MANGA_ID_BASE } from './titles';

/**
 * The hand-picked heart of every seed: the whole of `small` (the demo), and the part of `2k` and `10k`
 * that tests look up by landmark. Real AniList ids from the mapping data, each chosen for what it shows:
 *
 * - Attack on Titan (TVDB 267440): season 3 is a split cour (AniList 99147 = S3E1-12, 104578 = S3E13-22);
 *   season 4 holds four AniList entries.
 * - Bleach: Thousand-Year Blood War (TVDB 74796 season 17): three AniList cours at offsets 0, 13 and 26, in
 *   one TVDB season that runs on where AniList restarts (the seed's "absolute numbering" show).
 * - Naruto (AniList 20): one AniList entry of 220 episodes filling TVDB seasons 1-5.
 * - Kimetsu Gakuen: Valentine Hen (129627): a special, TVDB season 0 episodes 3-6 of Demon Slayer.
 * - Kimi no Na wa. (21519): a film with a TMDB id and no TVDB link.
 * - Spy x Family, Mushoku Tensei, 86, Black Lagoon: more split cours; "Oshi no Ko": quotes in the title.
 */

export interface CorePick {
  anilist: number;
  /** The AniList entry; null when the title is only on MAL. */
  plan: EntryPlan | null;
  /** MAL's entry when it differs on purpose; null when MAL lacks it; absent: the same as AniList. */
  mal?: EntryPlan | null;
  /** Episodes Plex has as watched when that differs from AniList's progress on purpose. */
  plexWatched?: number;
  /** Not in the user's Plex library. */
  notInPlex?: boolean;
  landmarks?: string[];
}

const done = (score: number, extra: EntryPlan = {}): EntryPlan => ({ status: 'COMPLETED', score, ...extra });
const watching = (progress: number, extra: EntryPlan = {}): EntryPlan => ({ status: 'CURRENT', progress, score: 0, ...extra });

export const corePicks: CorePick[] = [
  { anilist: 16498, plan: done(90) },
  { anilist: 20958, plan: done(80) },
  { anilist: 99147, plan: done(90), landmarks: ['splitCour:first'] },
  { anilist: 104578, plan: watching(6), mal: { status: 'CURRENT', progress: 4 }, plexWatched: 8, landmarks: ['splitCour', 'disagreement:progress'] },
  { anilist: 110277, plan: { status: 'PLANNING' } },
  { anilist: 140960, plan: done(80), mal: { score: 70 }, landmarks: ['disagreement:score'] },
  { anilist: 142838, plan: watching(5) },
  { anilist: 154587, plan: done(100), mal: { status: 'CURRENT', progress: 8 }, landmarks: ['disagreement:status'] },
  { anilist: 20, plan: watching(57, { score: 70 }), landmarks: ['multiSeasonEntry'] },
  { anilist: 1, plan: done(90, { repeat: 1 }) },
  { anilist: 5, plan: done(80) },
  { anilist: 21519, plan: done(90), landmarks: ['movie'] },
  { anilist: 199, plan: done(100) },
  { anilist: 131573, plan: { status: 'PLANNING' }, notInPlex: true, landmarks: ['movie:planned'] },
  { anilist: 113415, plan: done(80) },
  { anilist: 145064, plan: { status: 'DROPPED', progress: 10, score: 50 } },
  { anilist: 101922, plan: done(70) },
  { anilist: 129627, plan: done(60), landmarks: ['special'] },
  { anilist: 116674, plan: done(80) },
  { anilist: 159322, plan: done(80) },
  { anilist: 169755, plan: watching(7) },
  { anilist: 108465, plan: done(80) },
  { anilist: 127720, plan: { status: 'PAUSED', progress: 5, score: 0 } },
  { anilist: 9253, plan: { status: 'REPEATING', progress: 10, repeat: 1, score: 100 }, landmarks: ['repeating'] },
  { anilist: 97986, plan: done(90) },
  { anilist: 98444, plan: done(80) },
  { anilist: 104459, plan: watching(9), mal: null, landmarks: ['missing:mal'] },
  { anilist: 130003, plan: done(90, { notes: 'Rewatch the live house episodes' }) },
  { anilist: 127230, plan: done(80), notInPlex: true },
  { anilist: 150672, plan: done(80), landmarks: ['quotedTitle'] },
  { anilist: 116589, plan: done(70) },
  { anilist: 131586, plan: { status: 'PLANNING' } },
  { anilist: 21827, plan: done(100, { notes: 'Cried at episode 10. 10話で泣いた。' }) },
  { anilist: 182255, plan: { status: 'PLANNING' }, notInPlex: true },
  { anilist: 889, plan: done(90) },
  { anilist: 1519, plan: done(80) },
  { anilist: 21355, plan: done(80, { private: true }), landmarks: ['private'] },
  { anilist: 108632, plan: watching(8) },
  { anilist: 6, plan: null, mal: { status: 'COMPLETED', score: 80 }, landmarks: ['missing:anilist'] },
  { anilist: MANGA_ID_BASE + 16498, plan: done(90), landmarks: ['manga'] },
  { anilist: MANGA_ID_BASE + 140960, plan: { status: 'CURRENT', progress: 62, score: 0 } },
  { anilist: MANGA_ID_BASE + 154587, plan: { status: 'CURRENT', progress: 88, score: 90 } },
  { anilist: MANGA_ID_BASE + 20, plan: done(80) },
];

/** Landmarks that are shows rather than titles. */
export const coreShowLandmarks: Record<string, string> = {
  'splitCour:show': 'tvdb:267440',
  absoluteNumbering: 'tvdb:74796',
};

/** Trakt watchlist items every seed has: films, shows, a season and an episode, anime and not. */
export const coreWatchlist: Array<{ type: 'movie' | 'show' | 'season' | 'episode'; key: string; season?: number; episode?: number }> = [
  { type: 'movie', key: 'tmdb:9600001' },
  { type: 'movie', key: 'tmdb:9600002' },
  { type: 'movie', key: 'al:131573' },
  { type: 'movie', key: 'al:256' },
  { type: 'show', key: 'tvdb:9500001' },
  { type: 'show', key: 'tvdb:9500004' },
  { type: 'show', key: 'tvdb:423257' },
  { type: 'show', key: 'tvdb:9500003' },
  { type: 'season', key: 'tvdb:267440', season: 4 },
  { type: 'episode', key: 'tvdb:9500002', season: 1, episode: 3 },
];

/** Trakt ratings every seed has; the rated non-anime items are ones the user has watched. */
export const coreTraktRatings: Array<{ type: 'movie' | 'show' | 'season' | 'episode'; key: string; season?: number; episode?: number; rating: number }> = [
  { type: 'show', key: 'tvdb:267440', rating: 9 },
  { type: 'season', key: 'tvdb:267440', season: 3, rating: 10 },
  { type: 'movie', key: 'al:21519', rating: 9 },
  { type: 'show', key: 'tvdb:9500005', rating: 7 },
  { type: 'episode', key: 'tvdb:9500005', season: 1, episode: 1, rating: 8 },
  { type: 'movie', key: 'tmdb:9600003', rating: 6 },
];

/** Shows and films on the core watchlist: Trakt drops watched items from a watchlist, so the seed never watches these. */
export const watchlistedKeys = new Set(coreWatchlist.map((item) => item.key));
/** Non-anime items the core rates, which the seed therefore has watched. */
export const ratedKeys = new Set(coreTraktRatings.map((item) => item.key));
