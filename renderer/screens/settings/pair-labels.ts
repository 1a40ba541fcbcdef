import type { Direction, PairId, PairSettings, SyncField } from '../../../shared/contract/sync';
import { serviceLabels } from '../../state/service-labels';

/** The fields each pair can carry: list fields between the list services, plays and ratings with Trakt/Plex. */
export const pairFields: Record<PairId, SyncField[]> = {
  'anilist:mal': ['status', 'progress', 'progressVolumes', 'score', 'startedAt', 'completedAt', 'repeat', 'notes', 'private'],
  'anilist:plex': ['status', 'progress'],
  'mal:plex': ['status', 'progress'],
  'trakt:plex': ['watched', 'score', 'watchlisted'],
  'trakt:anilist': ['status', 'progress'],
  'trakt:mal': ['status', 'progress'],
};

export const pairOrder: PairId[] = ['anilist:mal', 'anilist:plex', 'mal:plex', 'trakt:plex', 'trakt:anilist', 'trakt:mal'];

export function pairServices(pair: PairId): [string, string] {
  const [a, b] = pair.split(':') as [keyof typeof serviceLabels, keyof typeof serviceLabels];
  return [serviceLabels[a], serviceLabels[b]];
}

export function pairLabel(pair: PairId): string {
  const [a, b] = pairServices(pair);
  return `${a} ⇄ ${b}`;
}

export function directionLabels(pair: PairId): Record<Direction, string> {
  const [a, b] = pairServices(pair);
  return { off: 'Off', 'a-to-b': `${a} → ${b}`, 'b-to-a': `${b} → ${a}`, both: 'Both ways' };
}

/** What turning a pair on starts with: every field it carries, both ways, the newer change winning. */
export function pairTurnedOn(pair: PairId): PairSettings {
  return { fields: Object.fromEntries(pairFields[pair].map((field) => [field, 'both'])), conflicts: {}, createMissing: false, propagateRemovals: false };
}

/** A pair counts as on when any field flows. */
export function pairIsOn(settings: PairSettings | undefined): boolean {
  return settings !== undefined && Object.values(settings.fields).some((direction) => direction !== 'off');
}
