import type { SideKind, SyncField, SyncService } from '../model';

/**
 * The words plans use for services, lists and fields. Reasons and messages are read by the person in the
 * preview, so they name services as the person knows them, never by id.
 */

const serviceNames: Record<SyncService, string> = { anilist: 'AniList', mal: 'MyAnimeList', trakt: 'Trakt', plex: 'Plex' };

export function serviceName(service: SyncService): string {
  return serviceNames[service];
}

const kindNames: Record<SideKind, string> = { anime: 'anime list', manga: 'manga list', video: 'shows and films' };

/** "your MyAnimeList anime list", "your Trakt shows and films". */
export function listName(service: SyncService, kind: SideKind): string {
  return `your ${serviceName(service)} ${kindNames[kind]}`;
}

const fieldNames: Record<SyncField, string> = {
  status: 'status',
  progress: 'progress',
  progressVolumes: 'volumes',
  score: 'score',
  startedAt: 'start date',
  completedAt: 'finish date',
  repeat: 'rewatch count',
  notes: 'notes',
  private: 'private flag',
  watched: 'watched episodes',
  watchlisted: 'watchlist',
};

export function fieldName(field: SyncField): string {
  return fieldNames[field];
}

/** An ISO instant as the day it fell on, for "newer on AniList (2026-11-20)". */
export function dayOf(instant: string | null): string {
  return instant ? instant.slice(0, 10) : 'unknown date';
}

export function plural(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}
