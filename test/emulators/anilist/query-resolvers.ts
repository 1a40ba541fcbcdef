import type { GraphQLFieldResolver } from 'graphql';
import { requireViewer, type ResolverContext } from './context';
import { notFound, validationFailed } from './errors';
import { buildCollection, type ListCollection } from './list-collection';
import { entryFilter, sortEntries } from './list-filters';
import { filterMedia } from './media-search';
import { resolvePage, type PageModel } from './page';
import type { ListEntryRecord, MediaRecord, MediaType, UserRecord } from './state';

/**
 * The root queries the app uses. Lookups that find nothing fail with AniList's "Not Found." (404) rather
 * than returning null, as the real API does for Media, User and MediaList.
 */

type Args = Record<string, unknown>;
type Resolver<T> = GraphQLFieldResolver<unknown, ResolverContext, Args, T>;

function userFrom(args: Args, context: ResolverContext): UserRecord | undefined {
  if (typeof args.userId === 'number') return context.state.users.get(args.userId);
  if (typeof args.userName === 'string') return context.state.userByName(args.userName);
  return undefined;
}

const Viewer: Resolver<UserRecord> = (_source, _args, context) => requireViewer(context);

const User: Resolver<UserRecord> = (_source, args, context) => {
  let user: UserRecord | undefined;
  if (typeof args.id === 'number') user = context.state.users.get(args.id);
  else if (typeof args.name === 'string') user = context.state.userByName(args.name);
  else if (typeof args.search === 'string') user = context.state.userByName(args.search);
  if (!user) throw notFound();
  return user;
};

const Media: Resolver<MediaRecord> = (_source, args, context) => {
  const media = filterMedia(context.state.media.values(), args)[0];
  if (!media) throw notFound();
  return media;
};

const Page: Resolver<PageModel> = (_source, args, context, info) => resolvePage(args, context, info);

const MediaList: Resolver<ListEntryRecord> = (_source, args, context) => {
  const user = userFrom(args, context);
  if ((args.userId !== undefined || args.userName !== undefined) && !user) throw notFound();
  const filter = entryFilter(args);
  const rows = [...context.state.entries.values()].filter(
    (entry) => (!user || entry.userId === user.id) && (typeof args.type !== 'string' || context.state.media.get(entry.mediaId)?.type === args.type) && filter(entry),
  );
  const entry = sortEntries(rows, args.sort, (id) => context.state.media.get(id))[0];
  if (!entry) throw notFound();
  return entry;
};

const MediaListCollection: Resolver<ListCollection> = (_source, args, context) => {
  // The schema's description: "User ID and Media Type arguments required." Messages are Laravel's.
  const problems: Record<string, string[]> = {};
  if (args.userId === undefined && args.userName === undefined) {
    problems.userId = ['The user id field is required when user name is not present.'];
  }
  if (typeof args.type !== 'string') problems.type = ['The type field is required.'];
  if (Object.keys(problems).length > 0) throw validationFailed(problems);
  const user = userFrom(args, context);
  if (!user) throw notFound();
  const filter = entryFilter(args);
  const collection = buildCollection(context.state, user, {
    type: args.type as MediaType,
    chunk: args.chunk as number | null | undefined,
    perChunk: args.perChunk as number | null | undefined,
    forceSingleCompletedList: args.forceSingleCompletedList as boolean | null | undefined,
    filter,
  });
  if (args.sort !== undefined) {
    for (const group of collection.lists) group.entries = sortEntries(group.entries, args.sort, (id) => context.state.media.get(id));
  }
  return collection;
};

export const queryResolvers: Record<string, Resolver<unknown>> = { Viewer, User, Media, Page, MediaList, MediaListCollection };
