import {
  Kind,
  getArgumentValues,
  type FieldNode,
  type GraphQLObjectType,
  type GraphQLResolveInfo,
  type SelectionSetNode,
} from 'graphql';
import type { ResolverContext } from './context';
import { entryFilter, sortEntries } from './list-filters';
import { filterMedia } from './media-search';

/**
 * `Page(page, perPage) { pageInfo { … } media(…) { … } }`. pageInfo describes the Page's data field, and
 * graphql resolves pageInfo before the data field, so the Page resolver looks ahead: it finds its data fields
 * in its own selection, runs each (per alias) and keeps the results for the field resolvers to hand out.
 *
 * perPage is at most 50 (schema: "max 50"); larger values are clamped. The docs allow one data field per
 * Page; pageInfo follows the first. `total` and `lastPage` are computed honestly here, though the docs warn
 * the real ones are inaccurate: clients should rely on hasNextPage only.
 */

export const MAX_PER_PAGE = 50;

export interface PageInfo {
  total: number;
  perPage: number;
  currentPage: number;
  lastPage: number;
  hasNextPage: boolean;
}

export interface PageModel {
  pageInfo: PageInfo;
  /** Result per response key (alias or field name). */
  results: Map<string, unknown[]>;
}

type Runner = (args: Record<string, unknown>, context: ResolverContext) => unknown[];

const runners: Record<string, Runner> = {
  media: (args, context) => filterMedia(context.state.media.values(), args),
  mediaList: (args, context) => {
    const userId = typeof args.userId === 'number' ? args.userId : typeof args.userName === 'string' ? context.state.userByName(args.userName)?.id : undefined;
    const filter = entryFilter(args);
    const rows = [...context.state.entries.values()].filter(
      (entry) =>
        (userId === undefined || entry.userId === userId) &&
        (!Array.isArray(args.userId_in) || args.userId_in.includes(entry.userId)) &&
        (typeof args.type !== 'string' || context.state.media.get(entry.mediaId)?.type === args.type) &&
        filter(entry),
    );
    return sortEntries(rows, args.sort, (id) => context.state.media.get(id));
  },
};

export function resolvePage(args: Record<string, unknown>, context: ResolverContext, info: GraphQLResolveInfo): PageModel {
  const currentPage = Math.max(1, typeof args.page === 'number' ? args.page : 1);
  const perPage = Math.min(Math.max(typeof args.perPage === 'number' ? args.perPage : MAX_PER_PAGE, 1), MAX_PER_PAGE);
  const pageType = info.returnType as GraphQLObjectType;
  const results = new Map<string, unknown[]>();
  let pageInfo: PageInfo | undefined;
  for (const field of dataFields(info)) {
    const key = field.alias?.value ?? field.name.value;
    const runner = runners[field.name.value];
    const definition = pageType.getFields()[field.name.value];
    if (!definition || results.has(key)) continue;
    const all = runner ? runner(getArgumentValues(definition, field, info.variableValues), context) : [];
    const start = (currentPage - 1) * perPage;
    results.set(key, all.slice(start, start + perPage));
    pageInfo ??= { total: all.length, perPage, currentPage, lastPage: Math.max(1, Math.ceil(all.length / perPage)), hasNextPage: start + perPage < all.length };
  }
  return { pageInfo: pageInfo ?? { total: 0, perPage, currentPage, lastPage: 1, hasNextPage: false }, results };
}

/** Page's child fields other than pageInfo, through fragments. */
function dataFields(info: GraphQLResolveInfo): FieldNode[] {
  const found: FieldNode[] = [];
  const visit = (selectionSet: SelectionSetNode | undefined) => {
    for (const selection of selectionSet?.selections ?? []) {
      if (selection.kind === Kind.FIELD) {
        if (selection.name.value !== 'pageInfo' && !selection.name.value.startsWith('__')) found.push(selection);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        visit(selection.selectionSet);
      } else {
        visit(info.fragments[selection.name.value]?.selectionSet);
      }
    }
  };
  for (const node of info.fieldNodes) visit(node.selectionSet);
  return found;
}

/** Page's data fields hand out what resolvePage computed for their response key. */
export function pageField(page: PageModel, info: GraphQLResolveInfo): unknown[] {
  return page.results.get(String(info.path.key)) ?? [];
}
