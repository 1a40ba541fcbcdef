/**
 * AniList keeps one 0-100 "raw" score per entry and shows it in the user's ScoreFormat (schema: ScoreFormat,
 * MediaList.score(format), SaveMediaListEntry(score: "in the user's chosen scoring method", scoreRaw: "in 100
 * point")). These functions are the two directions of that conversion.
 *
 * The exact rounding AniList uses is not documented; the emulator rounds to the nearest step, and maps smileys
 * as AniList's site labels them (1-35 :(, 36-60 :|, 61-100 :)).
 */

export type ScoreFormat = 'POINT_100' | 'POINT_10_DECIMAL' | 'POINT_10' | 'POINT_5' | 'POINT_3';

export const scoreFormats: readonly ScoreFormat[] = ['POINT_100', 'POINT_10_DECIMAL', 'POINT_10', 'POINT_5', 'POINT_3'];

/** The raw 0-100 score shown in `format`. */
export function scoreIn(raw: number, format: ScoreFormat): number {
  if (raw <= 0) return 0;
  switch (format) {
    case 'POINT_100':
      return Math.round(raw);
    case 'POINT_10_DECIMAL':
      return Math.round(raw) / 10;
    case 'POINT_10':
      return Math.round(raw / 10);
    case 'POINT_5':
      return Math.round(raw / 20);
    case 'POINT_3':
      return raw <= 35 ? 1 : raw <= 60 ? 2 : 3;
  }
}

/** A score given in `format` as the raw 0-100 value AniList stores. */
export function rawFrom(score: number, format: ScoreFormat): number {
  if (score <= 0) return 0;
  switch (format) {
    case 'POINT_100':
      return Math.round(score);
    case 'POINT_10_DECIMAL':
      return Math.round(score * 10);
    case 'POINT_10':
      return Math.round(score) * 10;
    case 'POINT_5':
      return Math.round(score) * 20;
    case 'POINT_3':
      return [0, 35, 60, 85][Math.min(3, Math.round(score))] ?? 0;
  }
}

/** What a raw score becomes once a user with `format` has saved it: only values their scale can express. */
export function roundTrip(raw: number, format: ScoreFormat): number {
  return rawFrom(scoreIn(raw, format), format);
}
