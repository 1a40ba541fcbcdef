import { LIST_ENTRY, MEDIA_SUMMARY } from './fragments';

/** Who the token belongs to (AniList does not infer the user from the token for lists: API-NOTES §1). */
export const VIEWER = `
query Viewer {
  Viewer {
    id
    name
    avatar {
      medium
    }
    siteUrl
    mediaListOptions {
      scoreFormat
      animeList {
        customLists
      }
      mangaList {
        customLists
      }
    }
  }
}
`;

/**
 * A whole list, chunk by chunk: perChunk at most 500, `chunk` 1-based, loop while hasNextChunk (API-NOTES §1
 * "Page sizes"). Custom lists come back too, because entries hidden from status lists appear only there.
 * forceSingleCompletedList keeps "Completed" one list whatever the user's split setting. The user's
 * scoreFormat rides along so the chunks alone say which scale `score` is on.
 */
export const MEDIA_LIST_COLLECTION = `
query MediaListCollection($userId: Int!, $type: MediaType!, $chunk: Int!, $perChunk: Int = 500) {
  MediaListCollection(userId: $userId, type: $type, chunk: $chunk, perChunk: $perChunk, forceSingleCompletedList: true) {
    hasNextChunk
    user {
      id
      mediaListOptions {
        scoreFormat
      }
    }
    lists {
      name
      isCustomList
      status
      entries {
        ...ListEntry
        media {
          ...MediaSummary
        }
      }
    }
  }
}
${LIST_ENTRY}
${MEDIA_SUMMARY}`;

/** Title search; perPage at most 50, and only hasNextPage is reliable, not total (API-NOTES §1 "Pagination rules"). */
export const SEARCH_MEDIA = `
query SearchMedia($search: String!, $type: MediaType, $page: Int = 1, $perPage: Int = 10) {
  Page(page: $page, perPage: $perPage) {
    pageInfo {
      hasNextPage
    }
    media(search: $search, type: $type, sort: [SEARCH_MATCH]) {
      ...MediaSummary
    }
  }
}
${MEDIA_SUMMARY}`;

/** Titles by AniList id, 50 to a page (the Page maximum). */
export const MEDIA_BY_IDS = `
query MediaByIds($ids: [Int]!, $page: Int = 1) {
  Page(page: $page, perPage: 50) {
    pageInfo {
      hasNextPage
    }
    media(id_in: $ids, sort: [ID]) {
      ...MediaSummary
    }
  }
}
${MEDIA_SUMMARY}`;

/** Titles by MAL id; the type keeps an anime and a manga with the same MAL id apart. */
export const MEDIA_BY_MAL_IDS = `
query MediaByMalIds($malIds: [Int]!, $type: MediaType!, $page: Int = 1) {
  Page(page: $page, perPage: 50) {
    pageInfo {
      hasNextPage
    }
    media(idMal_in: $malIds, type: $type, sort: [ID]) {
      ...MediaSummary
    }
  }
}
${MEDIA_SUMMARY}`;

/**
 * A list's change marker in one small read (issue 4: re-read a list only when AniList says it changed): the
 * most recently updated entry, the entry count, and the user's score format. The newest `updatedAt` moves on
 * every add and edit, and `total` drops on a removal, which does not move the newest updatedAt; a new score
 * format changes every entry's displayed score without touching any entry. MEDIA_ID_DESC breaks ties so the
 * same list always gives the same answer. AniList's docs call `total` inaccurate; it is only compared with
 * itself, so an inaccuracy that moves costs a re-read (see main/providers/cache/list-markers.ts).
 */
export const LIST_MARKER = `
query ListMarker($userId: Int!, $type: MediaType!) {
  Page(page: 1, perPage: 1) {
    pageInfo {
      total
    }
    mediaList(userId: $userId, type: $type, sort: [UPDATED_TIME_DESC, MEDIA_ID_DESC]) {
      id
      mediaId
      updatedAt
    }
  }
  User(id: $userId) {
    mediaListOptions {
      scoreFormat
    }
  }
}
`;
