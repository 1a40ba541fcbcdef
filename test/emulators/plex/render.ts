import { node, type AttrValue, type PlexNode } from './format';
import type { PlexLibrary } from './library';
import { isLeaf, type PlexItem, type PlexSection } from './model';

/**
 * Metadata items as PMS writes them. Field names and which fields appear follow the spec's `Metadata` schema
 * and captured responses (the legacy spec's /children example, tacoded/plex-webhook's sample payload):
 * `viewCount`, `lastViewedAt`, `viewOffset` and `userRating` are absent, not 0, until there is something to say.
 */

export interface RenderOptions {
  /** `includeGuids=1`: add the `Guid` list (imdb://, tmdb://, tvdb://). Metadata details always include it. */
  includeGuids: boolean;
}

/** XML element names: videos are `<Video>`, music tracks `<Track>`, everything browsable a `<Directory>`. */
function tagFor(item: PlexItem): string {
  if (item.type === 'movie' || item.type === 'episode') return 'Video';
  if (item.type === 'track') return 'Track';
  return 'Directory';
}

export function itemKey(item: PlexItem): string {
  if (item.type === 'collection') return `/library/collections/${item.ratingKey}/children`;
  return isLeaf(item) ? `/library/metadata/${item.ratingKey}` : `/library/metadata/${item.ratingKey}/children`;
}

function relatives(prefix: 'parent' | 'grandparent', item: PlexItem | undefined): Record<string, AttrValue> {
  if (!item) return {};
  return {
    [`${prefix}RatingKey`]: String(item.ratingKey),
    [`${prefix}Key`]: `/library/metadata/${item.ratingKey}`,
    [`${prefix}Guid`]: item.guid,
    [`${prefix}Title`]: item.title,
  };
}

function watchCounts(library: PlexLibrary, item: PlexItem): Record<string, AttrValue> {
  const leaves = library.leaves(item);
  const viewed = leaves.filter((leaf) => leaf.viewCount > 0);
  const last = Math.max(0, ...viewed.map((leaf) => leaf.lastViewedAt ?? 0));
  return { leafCount: leaves.length, viewedLeafCount: viewed.length, ...(last > 0 ? { lastViewedAt: last } : {}) };
}

export function itemAttrs(library: PlexLibrary, item: PlexItem): Record<string, AttrValue> {
  const section = library.section(item.sectionId);
  const parent = library.parent(item);
  const grandparent = parent ? library.parent(parent) : undefined;
  const attrs: Record<string, AttrValue> = {
    ratingKey: String(item.ratingKey),
    key: itemKey(item),
    guid: item.guid,
    type: item.type,
    title: item.title,
    librarySectionID: item.sectionId,
    librarySectionTitle: section?.title,
    librarySectionKey: `/library/sections/${item.sectionId}`,
    summary: item.summary ?? '',
    index: item.index,
    year: item.year,
    originalTitle: item.originalTitle,
    subtype: item.subtype,
  };
  switch (item.type) {
    case 'show':
    case 'artist':
      Object.assign(attrs, { childCount: item.childKeys.length }, watchCounts(library, item));
      break;
    case 'season':
    case 'album':
      Object.assign(attrs, relatives('parent', parent), { parentYear: parent?.year }, watchCounts(library, item));
      break;
    case 'episode':
    case 'track':
      Object.assign(attrs, relatives('parent', parent), relatives('grandparent', grandparent), { parentIndex: parent?.index });
      break;
    case 'collection':
      Object.assign(attrs, { childCount: item.childKeys.length });
      break;
    case 'movie':
      break;
  }
  if (isLeaf(item)) {
    Object.assign(attrs, { duration: item.duration, viewOffset: item.viewOffset, lastViewedAt: item.lastViewedAt });
    if (item.viewCount > 0) attrs.viewCount = item.viewCount;
  }
  if (item.userRating !== undefined) Object.assign(attrs, { userRating: item.userRating, lastRatedAt: item.lastRatedAt });
  attrs.addedAt = item.addedAt;
  attrs.updatedAt = item.updatedAt;
  return attrs;
}

export function itemNode(library: PlexLibrary, item: PlexItem, options: RenderOptions, extra: Record<string, AttrValue> = {}): PlexNode {
  const children: PlexNode[] = item.genres.slice(0, 3).map((genre) => node('Genre', { tag: genre }));
  if (options.includeGuids) children.push(...item.externalGuids.map((id) => node('Guid', { id })));
  return node(tagFor(item), { ...itemAttrs(library, item), ...extra }, children, 'Metadata');
}

/** The container attributes PMS hoists onto lists drawn from one section. */
export function sectionContainerAttrs(section: PlexSection): Record<string, AttrValue> {
  return {
    allowSync: true,
    identifier: 'com.plexapp.plugins.library',
    librarySectionID: section.id,
    librarySectionTitle: section.title,
    librarySectionUUID: section.uuid,
    mediaTagPrefix: '/system/bundle/media/flags/',
    mediaTagVersion: 1700000000,
  };
}

/** A `/library/sections` entry, shaped like a captured real response (hidden as 0, not a boolean). */
export function sectionNode(section: PlexSection, updatedAt: number): PlexNode {
  return node(
    'Directory',
    {
      allowSync: true,
      art: `/:/resources/${section.type}-fanart.jpg`,
      composite: `/library/sections/${section.id}/composite/${updatedAt}`,
      filters: true,
      refreshing: false,
      thumb: `/:/resources/${section.type}.png`,
      key: String(section.id),
      type: section.type,
      title: section.title,
      agent: section.agent,
      scanner: section.scanner,
      language: 'en-US',
      uuid: section.uuid,
      updatedAt,
      createdAt: section.createdAt,
      scannedAt: updatedAt,
      content: true,
      directory: true,
      contentChangedAt: updatedAt,
      hidden: 0,
    },
    [node('Location', { id: section.id, path: `/data/${section.holds}` })],
  );
}
