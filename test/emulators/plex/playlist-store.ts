import { hexFrom } from './ids';
import type { PlexLibrary } from './library';
import type { PlexItem } from './model';

/**
 * Dumb (non-smart) playlists. Each entry has its own `playlistItemID`, distinct from the item's ratingKey, so
 * the same track may appear twice and entries can be removed or moved one by one (the spec: "for dumb
 * playlists, items have a `playlistItemID` attribute which is used for deleting or moving items"). Moving keeps
 * every other entry where it was: the point of API-NOTES' "Music playlists into Plex" (move items instead of
 * clearing and re-adding, which loses order and dates).
 */

export type PlaylistType = 'audio' | 'video' | 'photo';

export interface PlaylistEntry {
  playlistItemID: number;
  ratingKey: number;
}

export interface Playlist {
  ratingKey: number;
  guid: string;
  title: string;
  summary: string;
  playlistType: PlaylistType;
  entries: PlaylistEntry[];
  addedAt: number;
  updatedAt: number;
}

/** Which leaves a playlist of each type takes: containers (albums, shows) are expanded to their leaves. */
const accepts: Record<PlaylistType, ReadonlySet<string>> = {
  audio: new Set(['track']),
  video: new Set(['movie', 'episode']),
  photo: new Set(),
};

export class PlaylistStore {
  private readonly playlists = new Map<number, Playlist>();
  private nextItemId = 1;

  constructor(private readonly library: PlexLibrary) {}

  create(title: string, playlistType: PlaylistType, nowSeconds: number): Playlist {
    const ratingKey = this.library.allocateKey();
    const playlist: Playlist = { ratingKey, guid: `com.plexapp.agents.none://${hexFrom(`playlist:${ratingKey}:${title}`, 32)}`, title, summary: '', playlistType, entries: [], addedAt: nowSeconds, updatedAt: nowSeconds };
    this.playlists.set(ratingKey, playlist);
    return playlist;
  }

  get(id: string | number): Playlist | undefined {
    return this.playlists.get(Number(id));
  }

  list(playlistType?: string): Playlist[] {
    return [...this.playlists.values()].filter((playlist) => !playlistType || playlist.playlistType === playlistType);
  }

  delete(id: number): boolean {
    return this.playlists.delete(id);
  }

  /** Appends the playable leaves of the given items; returns how many entries were added. */
  add(playlist: Playlist, items: PlexItem[], nowSeconds: number): number {
    const leaves = items.flatMap((item) => this.library.leaves(item)).filter((leaf) => accepts[playlist.playlistType].has(leaf.type));
    for (const leaf of leaves) playlist.entries.push({ playlistItemID: this.nextItemId++, ratingKey: leaf.ratingKey });
    if (leaves.length > 0) playlist.updatedAt = nowSeconds;
    return leaves.length;
  }

  removeEntry(playlist: Playlist, playlistItemID: number, nowSeconds: number): boolean {
    const index = playlist.entries.findIndex((entry) => entry.playlistItemID === playlistItemID);
    if (index < 0) return false;
    playlist.entries.splice(index, 1);
    playlist.updatedAt = nowSeconds;
    return true;
  }

  clear(playlist: Playlist, nowSeconds: number): void {
    playlist.entries = [];
    playlist.updatedAt = nowSeconds;
  }

  /** Moves one entry to just after another (or to the start when `after` is absent), leaving the rest in order. */
  move(playlist: Playlist, playlistItemID: number, after: number | undefined, nowSeconds: number): 'moved' | 'no-item' | 'no-after' {
    const from = playlist.entries.findIndex((entry) => entry.playlistItemID === playlistItemID);
    if (from < 0) return 'no-item';
    if (after !== undefined && !playlist.entries.some((entry) => entry.playlistItemID === after)) return 'no-after';
    const [entry] = playlist.entries.splice(from, 1);
    if (!entry) return 'no-item';
    const to = after === undefined ? 0 : playlist.entries.findIndex((other) => other.playlistItemID === after) + 1;
    playlist.entries.splice(to, 0, entry);
    playlist.updatedAt = nowSeconds;
    return 'moved';
  }

  /** Entries whose item still exists, with the item. */
  resolved(playlist: Playlist): Array<{ entry: PlaylistEntry; item: PlexItem }> {
    return playlist.entries.flatMap((entry) => {
      const item = this.library.get(entry.ratingKey);
      return item ? [{ entry, item }] : [];
    });
  }
}
