import { defaultPairs } from '../../../../../shared/contract/sync-defaults';
import type { MergeOptions, PairConfig, PairId, PairSettings, SideRef, SideState, SyncField, SyncService, TitleInput, TitleMerge, TitleSide } from '../../../../../main/sync/model';

/** Builders for merge tests: sides as the planner hands them over, pairs as a new install has them. */

export const anilist: SideRef = { accountId: 'al-1', service: 'anilist', kind: 'anime', scale: 'point10decimal' };
export const mal: SideRef = { accountId: 'mal-1', service: 'mal', kind: 'anime', scale: 'point10' };
export const plex: SideRef = { accountId: 'plex-1', service: 'plex', kind: 'anime', scale: null };
export const trakt: SideRef = { accountId: 'trakt-1', service: 'trakt', kind: 'video', scale: 'point10' };
export const plexVideo: SideRef = { accountId: 'plex-1', service: 'plex', kind: 'video', scale: 'point10' };

const listFields: SyncField[] = ['status', 'progress', 'score', 'startedAt', 'completedAt', 'repeat', 'notes'];
export const carriesOf: Record<SyncService, readonly SyncField[]> = {
  anilist: [...listFields, 'private'],
  mal: listFields,
  plex: ['progress', 'status'],
  trakt: ['watched', 'score', 'watchlisted'],
};

export function side(ref: SideRef, current: SideState | null, base: SideState | null = null, carries?: readonly SyncField[]): TitleSide {
  const videoPlex: readonly SyncField[] = ['watched', 'score', 'watchlisted'];
  return { side: ref, current, base, target: { of: ref.accountId }, carries: carries ?? (ref.kind === 'video' && ref.service === 'plex' ? videoPlex : carriesOf[ref.service]) };
}

export function titleOf(...sides: TitleSide[]): TitleInput {
  return { titleKey: 'anime:anilist:1', title: 'Frieren', kind: sides[0]?.side.kind ?? 'anime', sides };
}

export function pair(id: PairId, settings: Partial<PairSettings> = {}): PairConfig {
  const [a, b] = id.split(':') as [SyncService, SyncService];
  const defaults = defaultPairs[id] ?? { fields: {}, conflicts: {}, createMissing: true, propagateRemovals: false };
  return { id, a, b, ...defaults, ...settings };
}

export const defaultPairConfigs: PairConfig[] = (['anilist:mal', 'anilist:plex', 'mal:plex', 'trakt:plex'] as const).map((id) => pair(id));

export function optionsOf(overrides: Partial<MergeOptions> = {}): MergeOptions {
  return { pairs: defaultPairConfigs, syncPrivate: false, unwatch: [], resolutions: new Map(), ...overrides };
}

/** What one side is asked to store: field → value after the write (absent: no write for that side). */
export function writtenTo(merge: TitleMerge, ref: SideRef): Partial<Record<SyncField, unknown>> | undefined {
  const write = merge.writes.find((candidate) => candidate.side.accountId === ref.accountId && candidate.side.kind === ref.kind);
  return write ? Object.fromEntries(write.changes.map((change) => [change.field, change.after])) : undefined;
}

export function writeFor(merge: TitleMerge, ref: SideRef) {
  return merge.writes.find((candidate) => candidate.side.accountId === ref.accountId && candidate.side.kind === ref.kind);
}

export const entry = (state: SideState): SideState => ({ status: 'current', progress: 0, score: null, startedAt: null, completedAt: null, repeat: 0, notes: null, updatedAt: null, ...state });
