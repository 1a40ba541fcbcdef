import type { RunningEmulators } from '../../emulators/start-emulators';
import type { AnilistService } from '../../emulators/anilist/index';
import type { MalState } from '../../emulators/mal/index';

/**
 * What the emulators hold of the person's lists, without the stamps a write moves (updatedAt, ids the
 * service assigns): two runs that wrote the same values compare equal, whatever the order or the retries.
 */
export function listState(emulators: RunningEmulators): { anilist: string[]; mal: string[] } {
  const anilist = emulators.services.anilist as AnilistService;
  const mal = emulators.services.mal as unknown as { state: MalState };
  const date = (value: { year: number | null; month: number | null; day: number | null }) => [value.year, value.month, value.day].map((part) => part ?? '-').join('/');
  return {
    anilist: [...anilist.state.entries.values()]
      .map((entry) => [entry.mediaId, entry.status, entry.scoreRaw, entry.progress, entry.progressVolumes ?? '-', entry.repeat, entry.private, entry.notes ?? '', date(entry.startedAt), date(entry.completedAt)].join('|'))
      .sort(),
    mal: (['anime', 'manga'] as const)
      .flatMap((kind) => [...mal.state.lists[kind].values()].map((entry) => [kind, entry.workId, entry.status, entry.score, entry.progress, entry.volumes, entry.repeating, entry.timesRepeated, entry.startDate ?? '', entry.finishDate ?? '', entry.comments].join('|')))
      .sort(),
  };
}

const malStatus: Record<string, string> = { CURRENT: 'watching', PLANNING: 'plan_to_watch', COMPLETED: 'completed', DROPPED: 'dropped', PAUSED: 'on_hold', REPEATING: 'completed' };

/**
 * Titles on both lists whose status, progress or repeat count disagree (`kind mediaId field anilist≠mal`),
 * read straight from the emulators' state: the independent check that a sync left both lists in step.
 */
export function disagreements(emulators: RunningEmulators): string[] {
  const anilist = emulators.services.anilist as AnilistService;
  const mal = emulators.services.mal as unknown as { state: MalState };
  const found: string[] = [];
  for (const entry of anilist.state.entries.values()) {
    const media = anilist.state.media.get(entry.mediaId);
    if (!media || media.idMal === null) continue;
    const kind = media.type === 'ANIME' ? 'anime' : 'manga';
    const other = mal.state.lists[kind].get(media.idMal);
    if (!other) continue;
    const expected = kind === 'anime' ? malStatus[entry.status] : (malStatus[entry.status] ?? '').replace('watching', 'reading').replace('plan_to_watch', 'plan_to_read');
    if (expected !== other.status) found.push(`${kind} ${entry.mediaId} status ${entry.status}≠${other.status}`);
    if (entry.progress !== other.progress) found.push(`${kind} ${entry.mediaId} progress ${entry.progress}≠${other.progress}`);
    if (entry.repeat !== other.timesRepeated) found.push(`${kind} ${entry.mediaId} repeat ${entry.repeat}≠${other.timesRepeated}`);
    if (Math.round(entry.scoreRaw / 10) !== other.score && !(entry.scoreRaw === 0 && other.score === 0)) found.push(`${kind} ${entry.mediaId} score ${entry.scoreRaw}≠${other.score}`);
  }
  return found;
}
