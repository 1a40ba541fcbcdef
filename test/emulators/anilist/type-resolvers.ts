import type { GraphQLFieldResolver } from 'graphql';
import { viewerOf, type ResolverContext } from './context';
import { coverColour } from './images';
import { pageField, type PageModel } from './page';
import { scoreIn, type ScoreFormat } from './scores';
import type { ListEntryRecord, MediaRecord, MediaType, UserRecord } from './state';

/**
 * Fields of AniList's object types that are not plain properties of the emulator's records: derived values
 * (userPreferred titles, scores per format), links between records, and image URLs. Images point at the
 * emulator itself (`/covers/…`, `/avatars/…`), never at the internet.
 */

type Args = Record<string, unknown>;
type FieldResolver<Source> = GraphQLFieldResolver<Source, ResolverContext, Args>;

const preferredTitle = (media: MediaRecord, user: UserRecord | null): string => {
  if (user?.titleLanguage === 'ENGLISH') return media.title.english ?? media.title.romaji;
  if (user?.titleLanguage === 'NATIVE') return media.title.native ?? media.title.romaji;
  return media.title.romaji;
};

const mediaFields: Record<string, FieldResolver<MediaRecord>> = {
  title: (media, _args, context) => ({ ...media.title, userPreferred: preferredTitle(media, viewerOf(context)) }),
  coverImage: (media, _args, context) => ({
    extraLarge: `${context.baseUrl}/covers/extraLarge/${media.id}.svg`,
    large: `${context.baseUrl}/covers/large/${media.id}.svg`,
    medium: `${context.baseUrl}/covers/medium/${media.id}.svg`,
    color: coverColour(media.id),
  }),
  siteUrl: (media, _args, context) => `${context.baseUrl}/${media.type.toLowerCase()}/${media.id}`,
  mediaListEntry: (media, _args, context) => {
    const viewer = viewerOf(context);
    return viewer ? (context.state.entryFor(viewer.id, media.id) ?? null) : null;
  },
  isFavourite: () => false,
  isFavouriteBlocked: () => false,
  tags: () => [],
};

const listFields: Record<string, FieldResolver<ListEntryRecord>> = {
  score: (entry, args, context) => {
    const format = (args.format as ScoreFormat | undefined) ?? context.state.users.get(entry.userId)?.scoreFormat ?? 'POINT_100';
    return scoreIn(entry.scoreRaw, format);
  },
  customLists: (entry, args) => (args.asArray ? Object.entries(entry.customLists).map(([name, enabled]) => ({ name, enabled })) : entry.customLists),
  media: (entry, _args, context) => context.state.media.get(entry.mediaId) ?? null,
  user: (entry, _args, context) => context.state.users.get(entry.userId) ?? null,
};

const listTypeOptions = (user: UserRecord, type: MediaType) => ({
  sectionOrder: type === 'ANIME' ? ['Watching', 'Rewatching', 'Completed', 'Paused', 'Dropped', 'Planning'] : ['Reading', 'Rereading', 'Completed', 'Paused', 'Dropped', 'Planning'],
  splitCompletedSectionByFormat: user.splitCompletedSectionByFormat[type],
  customLists: user.customLists[type],
  advancedScoring: [],
  advancedScoringEnabled: false,
});

const userFields: Record<string, FieldResolver<UserRecord>> = {
  avatar: (user, _args, context) => ({ large: `${context.baseUrl}/avatars/large/${user.id}.svg`, medium: `${context.baseUrl}/avatars/medium/${user.id}.svg` }),
  siteUrl: (user, _args, context) => `${context.baseUrl}/user/${encodeURIComponent(user.name)}`,
  options: (user) => ({
    titleLanguage: user.titleLanguage,
    displayAdultContent: user.displayAdultContent,
    airingNotifications: true,
    profileColor: 'blue',
    notificationOptions: [],
    timezone: null,
    activityMergeTime: 720,
    staffNameLanguage: 'ROMAJI_WESTERN',
    restrictMessagesToFollowing: false,
    disabledListActivity: [],
  }),
  mediaListOptions: (user) => ({ scoreFormat: user.scoreFormat, rowOrder: 'score', animeList: listTypeOptions(user, 'ANIME'), mangaList: listTypeOptions(user, 'MANGA') }),
  unreadNotificationCount: (user, _args, context) => (viewerOf(context)?.id === user.id ? 0 : null),
  donatorTier: () => 0,
};

/** Every Page field except pageInfo hands out the look-ahead results (see page.ts). */
const pageFields = (names: string[]): Record<string, FieldResolver<PageModel>> =>
  Object.fromEntries(names.filter((name) => name !== 'pageInfo').map((name) => [name, (page: PageModel, _args: Args, _context: ResolverContext, info: Parameters<FieldResolver<PageModel>>[3]) => pageField(page, info)]));

export function typeResolvers(pageFieldNames: string[]): Record<string, Record<string, FieldResolver<never>>> {
  return { Media: mediaFields, MediaList: listFields, User: userFields, Page: pageFields(pageFieldNames) } as Record<string, Record<string, FieldResolver<never>>>;
}
