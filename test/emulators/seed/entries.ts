import { randomInt, type Random } from '../common/random';
import type { ListStatus, SeedListEntry, SeedTitle } from './world';

/**
 * One list entry that obeys the services' rules: progress never above a known total, COMPLETED means every
 * episode (chapter), REPEATING only with repeat >= 1, PLANNING has no progress, score or dates, dates are
 * yyyy-mm-dd with completion never before the start, and updatedAt falls within 2024-2026 and not before
 * the last date. Scores are 0-100 in steps of 10, which the seed's POINT_10 AniList user and MAL's 0-10
 * scale both represent exactly.
 */

/** The seed's "now": every date lies before it (the emulators' manual clock starts on 2026-11-22). */
export const SEED_START = Date.UTC(2024, 0, 1) / 1000;
export const SEED_END = Date.UTC(2026, 9, 31, 23, 59, 59) / 1000;
const DAY = 86_400;

export interface EntryPlan {
  status?: ListStatus;
  progress?: number;
  score?: number;
  repeat?: number;
  notes?: string | null;
  private?: boolean;
}

const statusWeights: Array<[ListStatus, number]> = [['COMPLETED', 52], ['CURRENT', 10], ['PLANNING', 22], ['DROPPED', 6], ['PAUSED', 7], ['REPEATING', 3]];
const sampleNotes = ['Rewatch with the subtitles off', 'Recommended by a friend', '字幕版で見た', 'Stopped at the tournament arc', 'Waiting for the dub', 'Cried at the finale 😭'];

export function isoDate(seconds: number): string {
  return new Date(seconds * 1000).toISOString().slice(0, 10);
}

export function dateSeconds(date: string): number {
  return Date.parse(`${date}T00:00:00Z`) / 1000;
}

function weightedStatus(random: Random): ListStatus {
  let roll = random() * 100;
  for (const [status, weight] of statusWeights) {
    roll -= weight;
    if (roll < 0) return status;
  }
  return 'COMPLETED';
}

/** Episodes for anime, chapters for manga; null while unknown (airing, ongoing). */
export function totalOf(title: SeedTitle): number | null {
  return title.kind === 'manga' ? title.chapters : title.episodes;
}

function pickScore(random: Random, status: ListStatus): number {
  const chance = status === 'COMPLETED' ? 0.8 : status === 'CURRENT' ? 0.3 : 0.5;
  if (random() >= chance) return 0;
  const low = status === 'DROPPED' ? 3 : 5;
  const high = status === 'DROPPED' ? 6 : 10;
  return randomInt(random, low, high) * 10;
}

export function makeEntry(title: SeedTitle, random: Random, plan: EntryPlan = {}): SeedListEntry {
  const total = totalOf(title);
  let status = plan.status ?? weightedStatus(random);
  if ((status === 'COMPLETED' || status === 'REPEATING') && total === null) status = 'CURRENT';
  const partial = () => (total === null ? randomInt(random, 1, title.kind === 'manga' ? 150 : 24) : total > 1 ? randomInt(random, 1, total - 1) : 0);
  const planned = plan.progress === undefined || total === null ? plan.progress : Math.min(plan.progress, status === 'COMPLETED' || total <= 1 ? total : total - 1);
  const progress = planned ?? (status === 'PLANNING' ? 0 : status === 'COMPLETED' ? (total ?? 0) : status === 'REPEATING' ? Math.max(0, partial() - 1) : partial());
  const repeat = plan.repeat ?? (status === 'REPEATING' ? randomInt(random, 1, 2) : status === 'COMPLETED' && random() < 0.1 ? randomInt(random, 1, 2) : 0);
  const score = plan.score ?? (status === 'PLANNING' ? 0 : pickScore(random, status));

  let startedAt: string | null = null;
  let completedAt: string | null = null;
  const undated = status === 'PLANNING' || (status === 'COMPLETED' && random() < 0.12) || random() < 0.05;
  if (!undated) {
    // Started no earlier than the title's year (and 2005, when these sites' histories begin).
    const earliest = Math.min(Date.UTC(Math.max(title.year ?? 2010, 2005), 0, 1) / 1000, SEED_END - 60 * DAY);
    const span = Math.min(Math.max(1, total ?? 12), 60) * randomInt(random, 1, 4) * DAY;
    const start = earliest + Math.floor(random() * Math.max(DAY, SEED_END - span - earliest));
    startedAt = isoDate(start);
    if (status === 'COMPLETED' || status === 'REPEATING') completedAt = isoDate(Math.min(SEED_END, start + span));
  }
  const lastDate = Math.max(startedAt ? dateSeconds(startedAt) : 0, completedAt ? dateSeconds(completedAt) + DAY - 1 : 0);
  const lower = Math.max(SEED_START, lastDate + 3600);
  const updatedAt = lower >= SEED_END ? SEED_END : lower + Math.floor(random() * (SEED_END - lower));

  return {
    titleKey: title.key,
    status,
    progress,
    progressVolumes: title.kind === 'manga' ? volumesFor(title, progress) : null,
    score,
    startedAt,
    completedAt,
    repeat,
    notes: plan.notes !== undefined ? plan.notes : random() < 0.03 ? (sampleNotes[randomInt(random, 0, sampleNotes.length - 1)] ?? null) : null,
    private: plan.private ?? random() < 0.02,
    // Hidden entries only show in custom lists, which the seed has none of: keep every entry visible.
    hiddenFromStatusLists: false,
    updatedAt,
  };
}

export function volumesFor(title: SeedTitle, chapters: number): number {
  if (title.chapters && title.volumes) return Math.floor((chapters / title.chapters) * title.volumes);
  return Math.floor(chapters / 9);
}

/**
 * The same entry as kept on another service, changed the way lists drift apart: a few episodes behind, a
 * score one step off, or still "watching" what AniList calls completed. Returns the entry unchanged when
 * no change keeps it valid.
 */
export function driftedCopy(entry: SeedListEntry, title: SeedTitle, random: Random, plan?: EntryPlan): SeedListEntry {
  // Updated on the other service some days apart, but never before the entry's own dates.
  const lastDate = Math.max(entry.startedAt ? dateSeconds(entry.startedAt) : 0, entry.completedAt ? dateSeconds(entry.completedAt) : 0);
  const updatedAt = Math.min(SEED_END, Math.max(SEED_START, lastDate + 3600, entry.updatedAt - randomInt(random, 1, 40) * DAY));
  if (plan) return applyPlan(entry, title, { ...plan }, updatedAt);
  const kind = randomInt(random, 0, 2);
  if (kind === 0 && entry.progress > 1) return applyPlan(entry, title, { status: entry.status === 'COMPLETED' || entry.status === 'REPEATING' ? 'CURRENT' : entry.status, progress: entry.progress - randomInt(random, 1, Math.min(3, entry.progress - 1)) }, updatedAt);
  if (kind === 1 && entry.score > 0) return { ...entry, score: entry.score === 100 ? 90 : entry.score + 10, updatedAt };
  if (entry.status === 'COMPLETED' && entry.progress > 1) return applyPlan(entry, title, { status: 'PAUSED', progress: entry.progress - 1 }, updatedAt);
  return { ...entry };
}

function applyPlan(entry: SeedListEntry, title: SeedTitle, plan: EntryPlan, updatedAt: number): SeedListEntry {
  const status = plan.status ?? entry.status;
  const total = totalOf(title);
  const progress = status === 'PLANNING' ? 0 : status === 'COMPLETED' && total !== null ? total : (plan.progress ?? entry.progress);
  const finished = status === 'COMPLETED' || status === 'REPEATING';
  const startedAt = status === 'PLANNING' ? null : entry.startedAt;
  const completedAt = finished ? entry.completedAt : null;
  const lastDate = Math.max(startedAt ? dateSeconds(startedAt) : 0, completedAt ? dateSeconds(completedAt) : 0);
  return {
    ...entry,
    status,
    progress,
    progressVolumes: title.kind === 'manga' ? volumesFor(title, progress) : null,
    score: status === 'PLANNING' ? 0 : (plan.score ?? entry.score),
    repeat: plan.repeat ?? (status === 'REPEATING' ? Math.max(1, entry.repeat) : finished ? entry.repeat : 0),
    startedAt,
    completedAt,
    updatedAt: Math.min(SEED_END, Math.max(updatedAt, lastDate + 3600)),
  };
}
