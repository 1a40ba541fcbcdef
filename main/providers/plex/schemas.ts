import { z } from 'zod';
import type { PlexExternalIds, PlexItem, PlexPlaylist, PlexSection } from './types';

/**
 * zod schemas of the Media Server's JSON (`Accept: application/json`): everything sits in a `MediaContainer`,
 * items in `Metadata`, sections in `Directory`. PMS leaves fields out rather than sending 0 or null
 * (`viewCount` until the first play), so only identity fields are required; unknown fields are stripped.
 */

const text = z.string().nullish().transform((value) => value ?? null);
const number = z.number().nullish().transform((value) => value ?? null);
/** ratingKey is a string in JSON, but some clients' fixtures and older servers send numbers. */
const asString = (value: unknown) => (typeof value === 'number' ? String(value) : value);
// preprocess rather than a union, so a missing key reports "expected string, received undefined", not "Invalid input".
const key = z.preprocess(asString, z.string());
const optionalKey = z.preprocess(asString, z.string().nullish()).transform((value) => value ?? null);

/**
 * `imdb://tt0112159`, `tmdb://890`, `tvdb://70350` into typed ids; other schemes (plex://, a legacy agent's
 * `com.plexapp.agents.hama://`) are ignored rather than guessed at.
 */
export function externalIdsOf(guids: ReadonlyArray<{ id: string }>): PlexExternalIds {
  const ids: PlexExternalIds = {};
  for (const { id } of guids) {
    const match = /^(imdb|tmdb|tvdb):\/\/(.+)$/.exec(id);
    if (!match?.[2]) continue;
    if (match[1] === 'imdb') ids.imdb = match[2];
    else if (/^\d+$/.test(match[2])) ids[match[1] as 'tmdb' | 'tvdb'] = Number(match[2]);
  }
  return ids;
}

export const itemSchema = z
  .object({
    ratingKey: key,
    type: z.string(),
    title: z.string(),
    guid: text,
    Guid: z.array(z.object({ id: z.string() })).optional(),
    year: number,
    index: number,
    parentIndex: number,
    parentRatingKey: optionalKey,
    grandparentRatingKey: optionalKey,
    parentTitle: text,
    grandparentTitle: text,
    librarySectionID: optionalKey,
    viewCount: number,
    lastViewedAt: number,
    viewOffset: number,
    leafCount: number,
    viewedLeafCount: number,
    childCount: number,
    userRating: number,
    duration: number,
    addedAt: number,
    updatedAt: number,
    subtype: text,
  })
  .transform(
    ({ Guid, librarySectionID, viewCount, ...item }): PlexItem => ({ ...item, sectionId: librarySectionID, viewCount: viewCount ?? 0, externalIds: externalIdsOf(Guid ?? []) }),
  );

/** A MediaContainer of items; `totalSize` only on paged answers. */
export const itemsContainerSchema = z.object({
  MediaContainer: z.object({ size: z.number().optional(), totalSize: z.number().optional(), Metadata: z.array(itemSchema).default([]) }),
});

export const playlistEntriesSchema = z.object({
  MediaContainer: z.object({
    totalSize: z.number().optional(),
    Metadata: z.array(z.object({ playlistItemID: z.number() }).and(itemSchema).transform(({ playlistItemID, ...item }) => ({ ...item, playlistItemId: playlistItemID }))).default([]),
  }),
});

const sectionSchema = z
  .object({ key: key, title: z.string(), type: z.string(), agent: text, uuid: text })
  .transform((section): PlexSection => section);

export const sectionsSchema = z.object({ MediaContainer: z.object({ Directory: z.array(sectionSchema).default([]) }) });

const playlistSchema = z
  .object({ ratingKey: key, title: z.string(), playlistType: z.string(), smart: z.union([z.boolean(), z.number()]).default(false), leafCount: z.number().default(0), duration: number })
  .transform((playlist): PlexPlaylist => ({ ...playlist, smart: Boolean(playlist.smart) }));

export const playlistsSchema = z.object({ MediaContainer: z.object({ Metadata: z.array(playlistSchema).default([]) }) });

export const identitySchema = z.object({ MediaContainer: z.object({ machineIdentifier: z.string() }) });
