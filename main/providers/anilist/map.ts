import { isoInstant, type EntryPatch, type ListEntry, type ListStatus, type MediaKind, type ScoreScale, type TitleSummary } from '../model/list-entry';
import type { AnilistListStatus, AnilistMediaType, AnilistScoreFormat, FuzzyDate, ListEntryData, MediaSummary } from './schemas';

/** AniList's shapes to the shared model (main/providers/model) and back for writes. */

export const statusFrom: Record<AnilistListStatus, ListStatus> = {
  CURRENT: 'current',
  PLANNING: 'planning',
  COMPLETED: 'completed',
  DROPPED: 'dropped',
  PAUSED: 'paused',
  REPEATING: 'repeating',
};

export const statusTo: Record<ListStatus, AnilistListStatus> = {
  current: 'CURRENT',
  planning: 'PLANNING',
  completed: 'COMPLETED',
  dropped: 'DROPPED',
  paused: 'PAUSED',
  repeating: 'REPEATING',
};

export const scaleOf: Record<AnilistScoreFormat, ScoreScale> = {
  POINT_100: 'point100',
  POINT_10_DECIMAL: 'point10decimal',
  POINT_10: 'point10',
  POINT_5: 'point5',
  POINT_3: 'point3',
};

export const kindOf = (type: AnilistMediaType): MediaKind => (type === 'ANIME' ? 'anime' : 'manga');

const pad = (value: number) => String(value).padStart(2, '0');

/** FuzzyDate → "yyyy-mm-dd" (or "yyyy-mm", "yyyy" when AniList knows only that); null when the year is unset. */
export function dateFrom(date: FuzzyDate): string | null {
  if (!date || typeof date.year !== 'number') return null;
  if (typeof date.month !== 'number') return String(date.year);
  if (typeof date.day !== 'number') return `${date.year}-${pad(date.month)}`;
  return `${date.year}-${pad(date.month)}-${pad(date.day)}`;
}

/** "yyyy[-mm[-dd]]" → FuzzyDateInput; null clears the date (all parts null). */
export function dateTo(text: string | null): { year: number | null; month: number | null; day: number | null } {
  if (text === null) return { year: null, month: null, day: null };
  const match = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(text);
  if (!match) throw new Error(`not a date: ${text}`);
  const part = (value: string | undefined) => (value === undefined ? null : Number(value));
  return { year: Number(match[1]), month: part(match[2]), day: part(match[3]) };
}

export function titleFrom(media: MediaSummary): TitleSummary {
  const romaji = media.title?.romaji ?? media.title?.english ?? media.title?.native ?? `AniList ${media.id}`;
  return {
    ids: { anilist: media.id, ...(typeof media.idMal === 'number' ? { mal: media.idMal } : {}) },
    kind: kindOf(media.type),
    title: romaji,
    english: media.title?.english ?? null,
    native: media.title?.native ?? null,
    synonyms: (media.synonyms ?? []).filter((name): name is string => typeof name === 'string'),
    format: media.format ? media.format.toLowerCase() : null,
    episodes: media.episodes ?? null,
    chapters: media.chapters ?? null,
    volumes: media.volumes ?? null,
    startDate: dateFrom(media.startDate),
    adult: media.isAdult ?? false,
    cover: media.coverImage?.large ?? null,
  };
}

export function entryFrom(entry: ListEntryData, media: MediaSummary, format: AnilistScoreFormat): ListEntry {
  const kind = kindOf(media.type);
  const value100 = entry.score100 ?? 0;
  return {
    kind,
    entryId: entry.id,
    ids: { anilist: entry.mediaId, ...(typeof media.idMal === 'number' ? { mal: media.idMal } : {}) },
    status: statusFrom[entry.status],
    progress: entry.progress ?? 0,
    progressVolumes: kind === 'manga' ? (entry.progressVolumes ?? 0) : null,
    // AniList stores "no score" as 0 (schema: MediaList.score).
    score: value100 > 0 ? { native: entry.score ?? value100, scale: scaleOf[format], value100 } : null,
    startedAt: dateFrom(entry.startedAt),
    completedAt: dateFrom(entry.completedAt),
    repeat: entry.repeat ?? 0,
    notes: entry.notes ? entry.notes : null,
    private: entry.private ?? false,
    updatedAt: isoInstant(entry.updatedAt),
    title: titleFrom(media),
  };
}

/** A patch as SaveMediaListEntry variables (without the alias index). */
export function saveVariables(patch: EntryPatch): Record<string, unknown> {
  const variables: Record<string, unknown> = {};
  if (patch.status !== undefined) variables.status = statusTo[patch.status];
  if (patch.score100 !== undefined) variables.scoreRaw = Math.round(patch.score100);
  if (patch.progress !== undefined) variables.progress = patch.progress;
  if (patch.progressVolumes !== undefined) variables.progressVolumes = patch.progressVolumes;
  if (patch.repeat !== undefined) variables.repeat = patch.repeat;
  if (patch.private !== undefined) variables.private = patch.private;
  // AniList clears notes with an empty string; null as an argument is "not given".
  if (patch.notes !== undefined) variables.notes = patch.notes ?? '';
  if (patch.startedAt !== undefined) variables.startedAt = dateTo(patch.startedAt);
  if (patch.completedAt !== undefined) variables.completedAt = dateTo(patch.completedAt);
  return variables;
}
