import { buildSchema, type GraphQLFieldResolver, type GraphQLObjectType, type GraphQLSchema } from 'graphql';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { requireViewer, rootGuard, type ResolverContext } from './context';
import { deleteEntry, saveEntry, updateEntries } from './list-mutations';
import { queryResolvers } from './query-resolvers';
import { typeResolvers } from './type-resolvers';

/**
 * The real AniList schema (../shared/specs/anilist.schema.graphqls, API-NOTES §1 "Spec") with the emulator's
 * resolvers attached. Queries are validated and executed against exactly this schema, so a query the real
 * API would reject for its shape is rejected here with graphql's own message.
 *
 * Root fields without a resolver here answer null; every root field still goes through rootGuard, so a bad
 * token fails them like the implemented ones.
 */

// A committed copy of ../shared/specs/anilist.schema.graphqls (test/fixtures/specs/README.md): the demo runs in clones without ../shared.
export const schemaPath = fileURLToPath(new URL('../../fixtures/specs/anilist.schema.graphqls', import.meta.url));

let cached: GraphQLSchema | undefined;

/** Built once per process: the SDL is large and resolvers read everything per-request from the context. */
export function anilistSchema(): GraphQLSchema {
  cached ??= attachResolvers(buildSchema(readFileSync(schemaPath, 'utf8')));
  return cached;
}

/** The bare schema, for contract tests that validate documents without executing them. */
export function loadSdlSchema(): GraphQLSchema {
  return buildSchema(readFileSync(schemaPath, 'utf8'));
}

type Args = Record<string, unknown>;
type Resolver = GraphQLFieldResolver<unknown, ResolverContext, Args>;

const mutationResolvers: Record<string, Resolver> = {
  SaveMediaListEntry: (_source, args, context) => saveEntry(context.state, requireViewer(context), args, context.nowSeconds),
  UpdateMediaListEntries: (_source, args, context) => updateEntries(context.state, requireViewer(context), args, context.nowSeconds),
  DeleteMediaListEntry: (_source, args, context) => deleteEntry(context.state, requireViewer(context), args),
};

function attachResolvers(schema: GraphQLSchema): GraphQLSchema {
  const guardRoot = (type: GraphQLObjectType | null | undefined, resolvers: Record<string, Resolver>, isMutation: boolean) => {
    for (const [name, field] of Object.entries(type?.getFields() ?? {})) {
      const resolve = resolvers[name];
      field.resolve = (source, args, context: ResolverContext, info) => {
        rootGuard(context, isMutation);
        return resolve ? resolve(source, args, context, info) : null;
      };
    }
  };
  guardRoot(schema.getQueryType(), queryResolvers as Record<string, Resolver>, false);
  guardRoot(schema.getMutationType(), mutationResolvers, true);

  const pageType = schema.getType('Page') as GraphQLObjectType;
  for (const [typeName, resolvers] of Object.entries(typeResolvers(Object.keys(pageType.getFields())))) {
    const fields = (schema.getType(typeName) as GraphQLObjectType).getFields();
    for (const [fieldName, resolve] of Object.entries(resolvers)) {
      const field = fields[fieldName];
      if (!field) throw new Error(`anilist emulator: ${typeName}.${fieldName} is not in the schema`);
      field.resolve = resolve as Resolver;
    }
  }
  return schema;
}
