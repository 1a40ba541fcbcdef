import type { LibraryListState } from './contract/library';

/**
 * Whether the lists holding a title disagree, as the Library's "services disagree" filter means it: a
 * different progress, a different status where both keep one (Plex keeps none but "completed"), or scores
 * more than half a point apart on 0-100 (MAL's 1-10 cannot hold AniList's 85, so 85 and 90 agree).
 */
export function listsDisagree(lists: readonly LibraryListState[]): boolean {
  const progress = new Set(lists.flatMap((list) => (list.progress === null ? [] : [list.progress])));
  if (progress.size > 1) return true;
  const statuses = new Set(lists.filter((list) => list.service !== 'plex').flatMap((list) => (list.status === null ? [] : [list.status])));
  if (statuses.size > 1) return true;
  const scores = lists.flatMap((list) => (list.score === null || list.score === 0 ? [] : [list.score]));
  return scores.length > 1 && Math.max(...scores) - Math.min(...scores) > 5;
}
