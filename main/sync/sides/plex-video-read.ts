import type { PlexEpisodeCache } from '../../providers/cache/plex-episode-cache';
import type { PlexServerClient } from '../../providers/plex/client';
import type { PlexItem } from '../../providers/plex/types';
import type { SideEntry, TitleKey } from '../model';
import { sectionEpisodes } from './plex-anime-read';
import { MOVIE_WATCHED, episodeKey, score100Of, sortEpisodeKeys, videoKeyOfIds, type VideoType } from './video-keys';

/**
 * Reading the Plex movie and (non-anime) show libraries into the video keys Trakt uses. A movie section is one
 * listing; a show section two (the shows, for their GUIDs and rating, and every episode, for play state),
 * each one request per 200 items: no request per show.
 */

/** Where a title is in Plex: the items carrying its key (one per library it is in), shows or movies. */
export interface PlexVideoTarget {
  type: VideoType;
  ratingKeys: string[];
}

export interface PlexVideoSections {
  /** Sections the person marked as movies. */
  movies: readonly string[];
  /** Show sections that are not anime (those are the anime side's). */
  shows: readonly string[];
}

interface Building {
  title: string;
  type: VideoType;
  ratingKeys: string[];
  watched: Set<string>;
  score: number | null;
}

export interface PlexVideoRead {
  entries: Map<TitleKey, SideEntry>;
  /** Items without a TVDB/TMDB/IMDb GUID (a local or legacy-agent match): nothing to meet Trakt by. */
  unkeyed: number;
}

/** With `episodes`, a show section's episodes are reused while its shows' counts stand still. */
export async function readPlexVideo(client: PlexServerClient, sections: PlexVideoSections, signal?: AbortSignal, episodes?: { cache: PlexEpisodeCache; accountId: string }): Promise<PlexVideoRead> {
  const request = signal ? { signal } : {};
  const building = new Map<TitleKey, Building>();
  let unkeyed = 0;
  const add = (type: VideoType, item: PlexItem, watched: Iterable<string>) => {
    const key = videoKeyOfIds(type, item.externalIds);
    if (!key) {
      unkeyed += 1;
      return;
    }
    const entry = building.get(key) ?? { title: item.title, type, ratingKeys: [], watched: new Set<string>(), score: null };
    // The same title in two libraries is one title: played in either is played, the higher rating stands.
    entry.ratingKeys.push(item.ratingKey);
    for (const one of watched) entry.watched.add(one);
    const score = score100Of(item.userRating);
    if (score !== null && (entry.score === null || score > entry.score)) entry.score = score;
    building.set(key, entry);
  };

  for (const section of sections.movies) {
    for (const movie of (await client.sectionItems(section, { type: 'movie', includeGuids: true, ...request })).items) add('movie', movie, movie.viewCount > 0 ? [MOVIE_WATCHED] : []);
  }
  for (const section of sections.shows) {
    const shows = (await client.sectionItems(section, { type: 'show', includeGuids: true, ...request })).items;
    const listed = await sectionEpisodes({ client, accountId: episodes?.accountId ?? '', ...(episodes ? { episodeCache: episodes.cache } : {}) }, section, shows, request);
    const watched = new Map<string, string[]>();
    for (const episode of listed) {
      if (episode.viewCount === 0 || !episode.grandparentRatingKey || episode.parentIndex === null || episode.index === null) continue;
      watched.set(episode.grandparentRatingKey, [...(watched.get(episode.grandparentRatingKey) ?? []), episodeKey(episode.parentIndex, episode.index)]);
    }
    for (const show of shows) add('show', show, watched.get(show.ratingKey) ?? []);
  }

  const entries = new Map<TitleKey, SideEntry>();
  for (const [titleKey, entry] of building) {
    const target: PlexVideoTarget = { type: entry.type, ratingKeys: entry.ratingKeys };
    entries.set(titleKey, { titleKey, title: entry.title, state: { watched: sortEpisodeKeys(entry.watched), score: entry.score }, target });
  }
  return { entries, unkeyed };
}
