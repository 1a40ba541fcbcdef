import type { MalWork } from './catalogue';
import { subFields, type FieldTree } from './fields';
import { listStatusView, type MalListEntry } from './list-entries';

export interface NodeContext {
  baseUrl: string;
  /** Lists (user lists, search) leave out the fields the spec marks "You cannot contain this field in a list". */
  inList: boolean;
  /** The caller's own entry, for `my_list_status`; undefined when the request carries no user token. */
  myEntry: MalListEntry | null | undefined;
}

/** Fields that only the details endpoints return (spec: AnimeForDetails, MangaForDetails). */
const detailsOnly = new Set(['pictures', 'background', 'related_anime', 'related_manga', 'recommendations', 'serialization']);

/** Cover images served by this emulator, named like MAL's CDN (`…/12/82901.jpg`, large `…l.jpg`). */
export function pictureOf(work: MalWork, baseUrl: string): { medium: string; large: string } {
  const path = `${baseUrl}/images/${work.kind}/${work.id % 20}/${work.id}`;
  return { medium: `${path}.svg`, large: `${path}l.svg` };
}

/**
 * A node with the fields asked for. MAL returns only id, title and main_picture unless `fields` asks for
 * more (spec: "By default, the API doesn't return all fields"); unknown names are ignored.
 */
export function nodeView(work: MalWork, fields: FieldTree, context: NodeContext): Record<string, unknown> {
  const node: Record<string, unknown> = { id: work.id, title: work.title, main_picture: pictureOf(work, context.baseUrl) };
  const values = allFields(work, context);
  for (const name of fields.keys()) {
    if (context.inList && detailsOnly.has(name)) continue;
    if (name === 'my_list_status') {
      // "If there is no access token, the API excludes this field" (spec: AnimeForList.my_list_status).
      if (context.myEntry) node.my_list_status = listStatusView(context.myEntry, subFields(fields, name), context.inList);
      continue;
    }
    const value = values[name];
    if (value !== undefined) node[name] = value;
  }
  return node;
}

function allFields(work: MalWork, context: NodeContext): Record<string, unknown> {
  const common: Record<string, unknown> = {
    alternative_titles: { synonyms: [...work.alternativeTitles.synonyms], en: work.alternativeTitles.en, ja: work.alternativeTitles.ja },
    start_date: work.startDate ?? undefined,
    end_date: work.endDate ?? undefined,
    synopsis: work.synopsis,
    mean: work.mean ?? undefined,
    rank: work.rank ?? undefined,
    popularity: work.popularity,
    num_list_users: work.numListUsers,
    num_scoring_users: work.numScoringUsers,
    nsfw: work.nsfw,
    genres: work.genres.map((genre) => ({ ...genre })),
    created_at: work.createdAt,
    updated_at: work.updatedAt,
    media_type: work.mediaType,
    status: work.status,
    pictures: [pictureOf(work, context.baseUrl)],
    background: '',
    related_anime: [],
    related_manga: [],
    recommendations: [],
  };
  if (work.kind === 'manga') {
    return { ...common, num_volumes: work.numVolumes, num_chapters: work.numChapters, authors: [], serialization: [] };
  }
  return {
    ...common,
    num_episodes: work.numEpisodes,
    start_season: work.startSeason ?? undefined,
    source: work.source,
    average_episode_duration: work.averageEpisodeDuration,
    rating: work.rating,
    studios: [],
  };
}
