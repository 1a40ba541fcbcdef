/**
 * The fragments the AniList client's documents spread. Kept as strings in the app (not read from .graphql
 * files) so the bundled main process needs no file access; test/contract/anilist-client.test.ts validates
 * every document built from them against the real schema (../shared/specs/anilist.schema.graphqls).
 */

/**
 * One list entry. The score is asked for twice: on 0-100 (`score100`, what the app compares and converts)
 * and in the user's own ScoreFormat (`score`, what the user sees), so no client-side rounding guesses how
 * AniList shows a score (API-NOTES §1 "MediaList fields").
 */
export const LIST_ENTRY = `
fragment ListEntry on MediaList {
  id
  mediaId
  status
  score100: score(format: POINT_100)
  score
  progress
  progressVolumes
  repeat
  private
  notes
  hiddenFromStatusLists
  startedAt {
    year
    month
    day
  }
  completedAt {
    year
    month
    day
  }
  updatedAt
}
`;

/** What matching and the review screens need about a title (DESIGN §6). */
export const MEDIA_SUMMARY = `
fragment MediaSummary on Media {
  id
  idMal
  type
  format
  episodes
  chapters
  volumes
  startDate {
    year
    month
    day
  }
  title {
    romaji
    english
    native
  }
  synonyms
  isAdult
  coverImage {
    large
  }
}
`;

/**
 * What each alias of a batched save reads back: enough to confirm the write and record updatedAt. Every
 * field here costs 1 per alias against the complexity cap of 500 (API-NOTES §1), so it stays small: 8 fields
 * plus the mutation field itself is 9 per alias.
 */
export const SAVED_ENTRY = `
fragment SavedEntry on MediaList {
  id
  mediaId
  status
  score100: score(format: POINT_100)
  progress
  progressVolumes
  repeat
  updatedAt
}
`;
