import type { ScoreScale } from '../model';

/**
 * Scores between 0-100 and each scale a side shows (AniList's five ScoreFormats; MyAnimeList, Trakt and Plex
 * are whole points out of 10, `point10`). The merge keeps scores on 0-100 but decides "same" and "what will
 * be stored" on the scale each side shows, so a value rounded on its way to a coarser list is never taken
 * for a change and written back (no drift: AniList 7.5 → MyAnimeList 8 → AniList stays 7.5).
 *
 * Where AniList's own breakpoints come from (its API returns `score(format)` but does not document the
 * mapping):
 * - APIv1 docs, quoted in https://github.com/AniList/docs/issues/2: POINT_5 buckets are uneven, 29-20-20-20-11
 *   (1★ = 1-29, 2★ = 30-49, 3★ = 50-69, 4★ = 70-89, 5★ = 90-100).
 * - The values the AniList website stores when a person picks stars or smileys, found in
 *   https://github.com/tachiyomiorg/tachiyomi/pull/1631: stars 10, 30, 50, 70, 90; smileys 35, 60, 85, read
 *   back with ":(" up to 35, ":|" up to 60, ":)" above (tachiyomi `Anilist.displayScore`).
 * - POINT_10 and POINT_10_DECIMAL store ten times the shown value. AniList does not say how it rounds a raw
 *   value between whole points (seen only after a change of format); we round half up like MyAnimeList
 *   writes (providers/mal/map.ts) and Trakt (sides/video-keys.ts), and always write whole-point values, so
 *   what we store never depends on that rounding.
 * A present score never shows as 0 (0 means "not scored" on every service), so small raws clamp to 1.
 */

/** What `value100` looks like on `scale`: 85 → 85, 8.5, 9, 4 (stars) or 3 (":)"). null stays null. */
export function nativeOf(value100: number | null, scale: ScoreScale): number | null {
  if (value100 === null || !(value100 > 0)) return null;
  const raw = Math.min(100, Math.round(value100));
  switch (scale) {
    case 'point100':
      return Math.max(1, raw);
    case 'point10decimal':
      return Math.max(1, raw) / 10;
    case 'point10':
      return Math.min(10, Math.max(1, Math.floor(raw / 10 + 0.5)));
    case 'point5':
      if (raw < 30) return 1;
      if (raw < 50) return 2;
      if (raw < 70) return 3;
      return raw < 90 ? 4 : 5;
    case 'point3':
      if (raw <= 35) return 1;
      return raw <= 60 ? 2 : 3;
  }
}

/** The 0-100 value the AniList website stores for a `native` score on `scale` (the inverse of `nativeOf`). */
export function value100Of(native: number | null, scale: ScoreScale): number | null {
  if (native === null || !(native > 0)) return null;
  switch (scale) {
    case 'point100':
      return Math.min(100, Math.max(1, Math.round(native)));
    case 'point10decimal':
      return Math.min(100, Math.max(1, Math.round(native * 10)));
    case 'point10':
      return Math.min(10, Math.max(1, Math.round(native))) * 10;
    case 'point5':
      return Math.min(5, Math.max(1, Math.round(native))) * 20 - 10;
    case 'point3':
      return [35, 60, 85][Math.min(3, Math.max(1, Math.round(native))) - 1] ?? null;
  }
}

/**
 * The 0-100 value a side on `scale` holds after `value100` is written to it. Idempotent: writing what a side
 * holds leaves it as it is, which is what makes a second sync a no-op. A side without a scale takes 0-100.
 */
export function storedOn(value100: number | null, scale: ScoreScale | null): number | null {
  if (scale === null) return value100 === null || !(value100 > 0) ? null : Math.min(100, Math.round(value100));
  return value100Of(nativeOf(value100, scale), scale);
}

/** Equal as a side on `scale` shows them (75 and 80 are both 8 on MyAnimeList). */
export function sameScore(a100: number | null, b100: number | null, scale: ScoreScale | null): boolean {
  return nativeOf(a100, scale ?? 'point100') === nativeOf(b100, scale ?? 'point100');
}

/**
 * Two sides' scores are in step when one of them, written to the other, would leave it showing what it shows
 * now: AniList 7.5 and MyAnimeList 8 are in step (7.5 → 8), though MyAnimeList's 8 would show as 8.0 on
 * AniList. So the finer side keeps its precision and nothing is written either way.
 */
export function scoresInStep(a100: number | null, aScale: ScoreScale | null, b100: number | null, bScale: ScoreScale | null): boolean {
  return sameScore(storedOn(a100, bScale), b100, bScale) || sameScore(storedOn(b100, aScale), a100, aScale);
}
