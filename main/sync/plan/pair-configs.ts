import type { Settings } from '../../../shared/contract';
import { pairIdSchema } from '../../../shared/contract/sync';
import type { MergeOptions, PairConfig, SyncService } from '../model';

/** The pairs the settings turn on, with their two services named ('anilist:mal' → a anilist, b mal). */
export function pairConfigsOf(settings: Settings['sync']): PairConfig[] {
  return pairIdSchema.options.flatMap((id) => {
    const pair = settings.pairs[id];
    if (!pair) return [];
    const [a, b] = id.split(':') as [SyncService, SyncService];
    const active = Object.values(pair.fields).some((direction) => direction !== 'off');
    return active ? [{ id, a, b, ...pair }] : [];
  });
}

export function mergeOptionsOf(settings: Settings['sync'], resolutions: ReadonlyMap<string, string>): MergeOptions {
  return {
    pairs: pairConfigsOf(settings),
    syncPrivate: settings.syncPrivate,
    unwatch: settings.plexUnwatch ? ['plex'] : [],
    resolutions,
  };
}
