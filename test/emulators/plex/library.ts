import type { ItemType, PlexItem, PlexSection } from './model';
import { isLeaf } from './model';

/** One collator for every sort: `localeCompare` with options builds a new one per call, too slow for 10k shows. */
const collator = new Intl.Collator('en', { sensitivity: 'base' });

function titleSort(title: string): string {
  return title.replace(/^(the|a|an)\s+/i, '');
}

/**
 * The server's mutable library: sections, items by ratingKey, and the operations PMS performs on watch state.
 * ratingKeys come from one counter shared with playlists and collections, as on a real server where all of them
 * are metadata items.
 */
export class PlexLibrary {
  readonly sections: PlexSection[] = [];
  readonly items = new Map<number, PlexItem>();
  private nextRatingKey = 1;

  constructor(
    readonly machineIdentifier: string,
    readonly serverName: string,
  ) {}

  allocateKey(): number {
    const key = this.nextRatingKey;
    this.nextRatingKey += 1;
    return key;
  }

  add(item: Omit<PlexItem, 'ratingKey'> & { ratingKey?: number }): PlexItem {
    const full: PlexItem = { ...item, ratingKey: item.ratingKey ?? this.allocateKey() };
    this.items.set(full.ratingKey, full);
    if (full.parentKey !== undefined) this.items.get(full.parentKey)?.childKeys.push(full.ratingKey);
    return full;
  }

  remove(ratingKey: number): void {
    this.items.delete(ratingKey);
  }

  get(ratingKey: number | string): PlexItem | undefined {
    const key = typeof ratingKey === 'number' ? ratingKey : /^\d+$/.test(ratingKey) ? Number(ratingKey) : Number.NaN;
    return this.items.get(key);
  }

  section(id: number | string): PlexSection | undefined {
    return this.sections.find((section) => String(section.id) === String(id));
  }

  parent(item: PlexItem): PlexItem | undefined {
    return item.parentKey === undefined ? undefined : this.items.get(item.parentKey);
  }

  children(item: PlexItem): PlexItem[] {
    return item.childKeys.map((key) => this.items.get(key)).filter((child): child is PlexItem => child !== undefined);
  }

  /** Playable descendants in order: episodes of a show or season, tracks of an artist or album, the item itself for a leaf. */
  leaves(item: PlexItem): PlexItem[] {
    if (isLeaf(item)) return [item];
    return this.children(item).flatMap((child) => this.leaves(child));
  }

  /**
   * Every item of one type in a section, walking down from the top-level items in title order: PMS sorts
   * section lists by `titleSort`, the title without a leading article.
   */
  sectionItems(section: PlexSection, type: ItemType): PlexItem[] {
    const out: PlexItem[] = [];
    const visit = (item: PlexItem) => {
      if (item.type === type) out.push(item);
      else if (!isLeaf(item)) for (const child of this.children(item)) visit(child);
    };
    const roots = section.rootKeys.map((key) => this.items.get(key)).filter((item): item is PlexItem => item !== undefined);
    for (const root of roots.sort((a, b) => collator.compare(titleSort(a.title), titleSort(b.title)) || a.ratingKey - b.ratingKey)) visit(root);
    return out;
  }

  collections(section: PlexSection): PlexItem[] {
    return [...this.items.values()].filter((item) => item.type === 'collection' && item.sectionId === section.id);
  }

  /**
   * `/:/scrobble`: every leaf under the item is played once more, now. There is no date parameter: "`/:/scrobble`
   * cannot set a past watched date" (API-NOTES, Plex facts).
   */
  scrobble(item: PlexItem, nowSeconds: number): void {
    for (const leaf of this.leaves(item)) {
      leaf.viewCount += 1;
      leaf.lastViewedAt = nowSeconds;
      leaf.viewOffset = undefined;
    }
  }

  /** `/:/unscrobble` clears play state on every leaf under the item. */
  unscrobble(item: PlexItem): void {
    for (const leaf of this.leaves(item)) {
      leaf.viewCount = 0;
      leaf.lastViewedAt = undefined;
      leaf.viewOffset = undefined;
    }
  }

  /** `/:/rate`: a rating 0-10 on the item itself (not its leaves); null clears it (rating=-1). */
  rate(item: PlexItem, rating: number | null, atSeconds: number): void {
    item.userRating = rating ?? undefined;
    item.lastRatedAt = rating === null ? undefined : atSeconds;
  }
}
