/** A range as the editor holds it: text fields, so a half-typed number is not lost. */
export interface RangeDraft {
  start: string;
  end: string;
}

export type RangeCheck = { ok: true; range: { start: number; end: number | null } } | { ok: false; message: string };

/** Reads the editor's fields: a whole first episode ≥ 1, and a last one not before it (empty: to the season's end). */
export function checkRange(draft: RangeDraft): RangeCheck {
  const start = Number(draft.start);
  if (draft.start.trim() === '' || !Number.isInteger(start) || start < 1) return { ok: false, message: 'Enter the first episode as a whole number from 1.' };
  if (draft.end.trim() === '') return { ok: true, range: { start, end: null } };
  const end = Number(draft.end);
  if (!Number.isInteger(end) || end < start) return { ok: false, message: `Enter the last episode as a whole number from ${start}, or leave it empty for the rest of the season.` };
  return { ok: true, range: { start, end } };
}

/**
 * What the range means, said as the person will see it in their lists: which episodes of the Plex season
 * become which AniList episodes, and what progress having watched through a given Plex episode gives.
 */
export function describeRange(range: { start: number; end: number | null }, season: number | null, watchedThrough: number | null): { mapping: string; progress: string | null } {
  const seasonLabel = season === null ? 'the film' : `season ${season}`;
  const count = range.end === null ? null : range.end - range.start + 1;
  const mapping =
    range.end === null
      ? `Episodes ${range.start} onwards of ${seasonLabel} count as AniList episodes 1 onwards.`
      : `Episodes ${range.start}–${range.end} of ${seasonLabel} count as AniList episodes 1–${count}.`;
  if (watchedThrough === null) return { mapping, progress: null };
  const progress = Math.max(0, Math.min(count ?? Number.MAX_SAFE_INTEGER, watchedThrough - range.start + 1));
  const complete = count !== null && progress === count;
  return { mapping, progress: `Watched through episode ${watchedThrough} on Plex: AniList progress ${progress}${count !== null ? ` of ${count}` : ''}${complete ? ' (completed)' : ''}.` };
}
