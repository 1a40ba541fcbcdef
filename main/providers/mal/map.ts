import { isoInstant, type EntryPatch, type ListEntry, type ListStatus, type MediaKind, type TitleSummary } from '../model/list-entry';
import type { AnimeListStatus, MalWork, MangaListStatus } from './schemas';

/** MyAnimeList's shapes to the shared model, and patches to MAL's form fields (API-NOTES §4). */

/**
 * MAL has no "repeating" status: a rewatch is `is_rewatching` on top of a status, and MAL then treats the
 * title as being watched (spec: AnimeListStatus.is_rewatching).
 */
function statusFrom(status: string, repeating: boolean | null | undefined): ListStatus {
  if (repeating) return 'repeating';
  switch (status) {
    case 'watching':
    case 'reading':
      return 'current';
    case 'on_hold':
      return 'paused';
    case 'plan_to_watch':
    case 'plan_to_read':
      return 'planning';
    case 'dropped':
      return 'dropped';
    default:
      return 'completed';
  }
}

function statusTo(kind: MediaKind, status: ListStatus): string {
  switch (status) {
    case 'current':
      return kind === 'anime' ? 'watching' : 'reading';
    case 'planning':
      return kind === 'anime' ? 'plan_to_watch' : 'plan_to_read';
    case 'paused':
      return 'on_hold';
    case 'dropped':
      return 'dropped';
    // A rewatch is kept as completed + is_rewatching, as MAL's own site stores it.
    case 'completed':
    case 'repeating':
      return 'completed';
  }
}

export function titleFrom(kind: MediaKind, work: MalWork): TitleSummary {
  return {
    ids: { mal: work.id },
    kind,
    title: work.title,
    // MAL sends empty strings, not nulls, for missing English or Japanese titles.
    english: work.alternative_titles?.en || null,
    native: work.alternative_titles?.ja || null,
    synonyms: work.alternative_titles?.synonyms ?? [],
    format: work.media_type ?? null,
    // MAL's 0 means "unknown" (spec: num_episodes).
    episodes: kind === 'anime' ? work.num_episodes || null : null,
    chapters: kind === 'manga' ? work.num_chapters || null : null,
    volumes: kind === 'manga' ? work.num_volumes || null : null,
    startDate: work.start_date ?? null,
    adult: work.nsfw === 'black',
    cover: work.main_picture?.large ?? work.main_picture?.medium ?? null,
  };
}

/** An anime or manga list status as a ListEntry; `work` adds the title when the answer carried it. */
export function entryFrom(kind: MediaKind, id: number, status: AnimeListStatus | MangaListStatus, work?: MalWork): ListEntry {
  const anime = kind === 'anime' ? (status as AnimeListStatus) : undefined;
  const manga = kind === 'manga' ? (status as MangaListStatus) : undefined;
  const score = status.score ?? 0;
  const entry: ListEntry = {
    kind,
    entryId: null,
    ids: { mal: id },
    status: statusFrom(status.status, anime ? anime.is_rewatching : manga?.is_rereading),
    progress: (anime ? anime.num_episodes_watched : manga?.num_chapters_read) ?? 0,
    progressVolumes: manga ? (manga.num_volumes_read ?? 0) : null,
    // Whole points out of 10; 0 is "not scored".
    score: score > 0 ? { native: score, scale: 'point10', value100: score * 10 } : null,
    startedAt: status.start_date || null,
    completedAt: status.finish_date || null,
    repeat: (anime ? anime.num_times_rewatched : manga?.num_times_reread) ?? 0,
    updatedAt: isoInstant(status.updated_at),
  };
  // Lists never carry comments ("cannot be contained in a list", API-NOTES §4): absent means unknown.
  if (typeof status.comments === 'string') entry.notes = status.comments || null;
  if (work) entry.title = titleFrom(kind, work);
  return entry;
}

/**
 * A patch as MAL's form fields, in the REQUEST spellings (`num_watched_episodes`, not the response's
 * `num_episodes_watched`: API-NOTES §4). MAL has no private flag, so `private` is not sent.
 */
export function formFrom(kind: MediaKind, patch: EntryPatch): URLSearchParams {
  const form = new URLSearchParams();
  const anime = kind === 'anime';
  if (patch.status !== undefined) {
    form.set('status', statusTo(kind, patch.status));
    form.set(anime ? 'is_rewatching' : 'is_rereading', String(patch.status === 'repeating'));
  }
  if (patch.score100 !== undefined) form.set('score', String(Math.min(10, Math.max(0, Math.round(patch.score100 / 10)))));
  if (patch.progress !== undefined) form.set(anime ? 'num_watched_episodes' : 'num_chapters_read', String(patch.progress));
  if (patch.progressVolumes !== undefined && !anime) form.set('num_volumes_read', String(patch.progressVolumes));
  if (patch.repeat !== undefined) form.set(anime ? 'num_times_rewatched' : 'num_times_reread', String(patch.repeat));
  if (patch.notes !== undefined) form.set('comments', patch.notes ?? '');
  // An empty date clears it (MAL takes start_date/finish_date though the spec's body omits them).
  if (patch.startedAt !== undefined) form.set('start_date', patch.startedAt ?? '');
  if (patch.completedAt !== undefined) form.set('finish_date', patch.completedAt ?? '');
  return form;
}
